package dev.feedserver.web;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The query parameters a feed understands: {@code page} (1-based, RFC 5005 paging) and {@code
 * limit} (entries per page, 1 to the configured cap). Other parameters, such as readers' cache
 * busters, are ignored.
 */
record FeedQuery(int page, OptionalInt limit) {
  /** A parameter whose value cannot be used; the message names it. */
  static final class BadParameter extends Exception {
    BadParameter(String message) {
      super(message);
    }
  }

  static FeedQuery parse(Map<String, List<String>> query, int maxLimit) throws BadParameter {
    OptionalInt limit = OptionalInt.empty();
    List<String> limits = query.get("limit");
    if (limits != null && !limits.isEmpty()) {
      limit = OptionalInt.of(number("limit", limits, 1, maxLimit));
    }
    int page = 1;
    List<String> pages = query.get("page");
    if (pages != null && !pages.isEmpty()) {
      page = number("page", pages, 1, Integer.MAX_VALUE);
    }
    return new FeedQuery(page, limit);
  }

  /** Checks the page against the feed's page count at this size. */
  void checkPage(int pageCount) throws BadParameter {
    if (page > pageCount) {
      throw new BadParameter(
          "query parameter 'page': must be a whole number from 1 to " + pageCount + " (got " + page + ")");
    }
  }

  private static int number(String name, List<String> values, int min, int max) throws BadParameter {
    String range = max == Integer.MAX_VALUE ? "of at least " + min : "from " + min + " to " + max;
    if (values.size() > 1) {
      throw new BadParameter("query parameter '" + name + "': give it once");
    }
    String value = values.get(0);
    if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new BadParameter("query parameter '" + name + "': must be a whole number " + range);
    }
    int n = Integer.parseInt(value);
    if (n < min || n > max) {
      throw new BadParameter("query parameter '" + name + "': must be a whole number " + range + " (got " + n + ")");
    }
    return n;
  }
}
