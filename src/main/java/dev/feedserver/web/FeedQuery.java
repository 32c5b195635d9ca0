package dev.feedserver.web;

import dev.feedserver.site.PercentEncoding;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /**
   * Reads a feed's parameters from the raw (still percent-encoded) query string: see {@link
   * #params}.
   */
  static FeedQuery parse(String rawQuery, int maxLimit) throws BadParameter {
    return parse(params(rawQuery), maxLimit);
  }

  /**
   * Splits and decodes a raw (still percent-encoded) query string, strictly, so a bad escape is
   * never a server error. A pair whose name cannot be decoded is not one of ours and is ignored; a
   * value that cannot be decoded becomes one no check accepts, so a {@code limit} or {@code theme}
   * spelled that way is refused like any other bad value rather than silently dropped.
   */
  static Map<String, List<String>> params(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        Optional<String> name = PercentEncoding.decodeQueryPart(eq < 0 ? pair : pair.substring(0, eq));
        if (name.isPresent()) {
          String value = PercentEncoding.decodeQueryPart(eq < 0 ? "" : pair.substring(eq + 1)).orElse("?");
          query.computeIfAbsent(name.get(), k -> new ArrayList<>()).add(value);
        }
      }
    }
    return query;
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
