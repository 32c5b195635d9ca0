package dev.feedserver.web;

import dev.feedserver.site.EmbedOptions;
import java.util.List;
import java.util.Map;

/**
 * The query parameters of an embed page: {@code limit} (1 to {@link EmbedOptions#MAX_LIMIT}) and
 * {@code theme} ({@code light}, {@code dark} or {@code auto}). Other parameters are ignored.
 */
final class EmbedQuery {
  private EmbedQuery() {}

  static EmbedOptions parse(Map<String, List<String>> query) throws FeedQuery.BadParameter {
    int limit = EmbedOptions.DEFAULT_LIMIT;
    List<String> limits = query.get("limit");
    if (limits != null && !limits.isEmpty()) {
      String range = "must be a whole number from 1 to " + EmbedOptions.MAX_LIMIT;
      String value = single("limit", limits);
      if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new FeedQuery.BadParameter("query parameter 'limit': " + range);
      }
      limit = Integer.parseInt(value);
      if (limit < 1 || limit > EmbedOptions.MAX_LIMIT) {
        throw new FeedQuery.BadParameter("query parameter 'limit': " + range + " (got " + limit + ")");
      }
    }
    EmbedOptions.Theme theme = EmbedOptions.DEFAULT.theme();
    List<String> themes = query.get("theme");
    if (themes != null && !themes.isEmpty()) {
      theme =
          EmbedOptions.Theme.of(single("theme", themes))
              .orElseThrow(() -> new FeedQuery.BadParameter("query parameter 'theme': must be light, dark or auto"));
    }
    return new EmbedOptions(limit, theme);
  }

  private static String single(String name, List<String> values) throws FeedQuery.BadParameter {
    if (values.size() > 1) {
      throw new FeedQuery.BadParameter("query parameter '" + name + "': give it once");
    }
    return values.get(0);
  }
}
