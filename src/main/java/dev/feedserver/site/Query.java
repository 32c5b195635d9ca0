package dev.feedserver.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A request's query parameters, decoded strictly, and the readings of the ones routes understand:
 * a feed's {@code limit}, an embed page's {@code limit} and {@code theme}. Other parameters, such
 * as readers' cache busters, are ignored.
 */
public final class Query {
  /** A parameter whose value cannot be used; the message names it. */
  public static final class BadParameter extends Exception {
    BadParameter(String message) {
      super(message);
    }
  }

  /** No parameters. */
  public static final Query NONE = new Query(Map.of());

  private final Map<String, List<String>> params;

  private Query(Map<String, List<String>> params) {
    this.params = params;
  }

  /**
   * Splits and decodes a raw (still percent-encoded) query string, strictly, so a bad escape is
   * never a server error. A pair whose name cannot be decoded is not one of ours and is ignored; a
   * value that cannot be decoded becomes one no check accepts, so a {@code limit} or {@code theme}
   * spelled that way is refused like any other bad value rather than silently dropped.
   */
  public static Query parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return NONE;
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      Optional<String> name = PercentEncoding.decodeQueryPart(eq < 0 ? pair : pair.substring(0, eq));
      if (name.isPresent()) {
        String value = PercentEncoding.decodeQueryPart(eq < 0 ? "" : pair.substring(eq + 1)).orElse("?");
        query.computeIfAbsent(name.get(), k -> new ArrayList<>()).add(value);
      }
    }
    return new Query(query);
  }

  /** {@code limit}, a whole number from 1 to {@code max}, if given. */
  OptionalInt limit(int max) throws BadParameter {
    Optional<String> value = single("limit");
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    String range = "must be a whole number from 1 to " + max;
    String v = value.get();
    if (v.isEmpty() || v.length() > 9 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new BadParameter("query parameter 'limit': " + range);
    }
    int n = Integer.parseInt(v);
    if (n < 1 || n > max) {
      throw new BadParameter("query parameter 'limit': " + range + " (got " + n + ")");
    }
    return OptionalInt.of(n);
  }

  /** An embed page's options: {@code limit} (1 to {@link EmbedOptions#MAX_LIMIT}) and {@code theme}. */
  EmbedOptions embedOptions() throws BadParameter {
    int limit = limit(EmbedOptions.MAX_LIMIT).orElse(EmbedOptions.DEFAULT_LIMIT);
    Optional<String> theme = single("theme");
    EmbedOptions.Theme chosen = EmbedOptions.DEFAULT.theme();
    if (theme.isPresent()) {
      chosen =
          EmbedOptions.Theme.of(theme.get())
              .orElseThrow(() -> new BadParameter("query parameter 'theme': must be light, dark or auto"));
    }
    return new EmbedOptions(limit, chosen);
  }

  private Optional<String> single(String name) throws BadParameter {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw new BadParameter("query parameter '" + name + "': give it once");
    }
    return Optional.of(values.get(0));
  }
}
