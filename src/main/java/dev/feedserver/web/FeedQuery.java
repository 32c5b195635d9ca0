package dev.feedserver.web;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The query parameter a feed understands: {@code limit}, entries per page, 1 to the configured
 * cap. Other parameters, such as readers' cache busters, are ignored.
 */
record FeedQuery(OptionalInt limit) {
  /** A parameter whose value cannot be used; the message names it. */
  static final class BadParameter extends Exception {
    BadParameter(String message) {
      super(message);
    }
  }

  static FeedQuery parse(Map<String, List<String>> query, int maxLimit) throws BadParameter {
    List<String> limits = query.get("limit");
    if (limits == null || limits.isEmpty()) {
      return new FeedQuery(OptionalInt.empty());
    }
    String range = "must be a whole number from 1 to " + maxLimit;
    if (limits.size() > 1) {
      throw new BadParameter("query parameter 'limit': give it once");
    }
    String value = limits.get(0);
    if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new BadParameter("query parameter 'limit': " + range);
    }
    int n = Integer.parseInt(value);
    if (n < 1 || n > maxLimit) {
      throw new BadParameter("query parameter 'limit': " + range + " (got " + n + ")");
    }
    return new FeedQuery(OptionalInt.of(n));
  }
}
