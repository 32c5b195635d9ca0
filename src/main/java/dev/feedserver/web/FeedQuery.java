package dev.feedserver.web;

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

  /**
   * Reads the raw (still percent-encoded) query string. A pair whose name cannot be decoded is
   * not one of ours and is ignored; a {@code limit} or {@code page} whose value cannot be decoded
   * is refused like any other bad value, rather than silently dropped.
   */
  static FeedQuery parse(String rawQuery, int maxLimit) throws BadParameter {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        Optional<String> name = decode(eq < 0 ? pair : pair.substring(0, eq));
        if (name.isPresent()) {
          // an undecodable value becomes one no number check accepts
          String value = decode(eq < 0 ? "" : pair.substring(eq + 1)).orElse("?");
          query.computeIfAbsent(name.get(), k -> new ArrayList<>()).add(value);
        }
      }
    }
    return parse(query, maxLimit);
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

  /** Form-style decoding ({@code +} is a space), strictly: empty when malformed or not UTF-8. */
  private static Optional<String> decode(String s) {
    byte[] raw = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%') {
        if (i + 2 >= raw.length) {
          return Optional.empty();
        }
        int hi = Character.digit(raw[i + 1], 16);
        int lo = Character.digit(raw[i + 2], 16);
        if (hi < 0 || lo < 0) {
          return Optional.empty();
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else {
        bytes.write(raw[i] == '+' ? ' ' : raw[i]);
      }
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
