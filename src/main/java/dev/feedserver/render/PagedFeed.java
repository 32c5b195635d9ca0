package dev.feedserver.render;

import dev.feedserver.content.Article;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Cuts a list of entries into pages of a feed. */
final class PagedFeed {
  private PagedFeed() {}

  /** Number of pages at a page size (at least 1, even for an empty feed). */
  static int pageCount(int entries, int size) {
    return Math.max(1, (entries + size - 1) / size);
  }

  /** Page {@code page} of {@code entries}, or empty past the last page. */
  static Optional<FeedDocument> page(
      Optional<String> category, List<Article> entries, int page, int defaultSize, OptionalInt limit) {
    int size = limit.orElse(defaultSize);
    int count = pageCount(entries.size(), size);
    if (page > count) {
      return Optional.empty();
    }
    int from = (page - 1) * size;
    return Optional.of(
        new FeedDocument(
            category, entries.subList(from, Math.min(entries.size(), from + size)), page, count, limit));
  }
}
