package dev.feedserver.render;

import dev.feedserver.content.Article;
import dev.feedserver.site.FeedFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One feed, independent of its wire format: the whole site's, or one category's.
 *
 * @param category the category's name, empty for the whole site
 * @param entries the entries, newest first, already cut to the feed size
 */
public record FeedDocument(Optional<String> category, List<Article> entries) {
  public FeedDocument {
    Objects.requireNonNull(category, "category");
    entries = List.copyOf(entries);
  }

  /** Server-relative path of this feed in the given format. */
  public String path(dev.feedserver.site.Links links, FeedFormat format) {
    return category.map(c -> links.categoryFeedPath(c, format)).orElse(links.siteFeedPath(format));
  }
}
