package dev.feedserver.render;

import dev.feedserver.content.Article;
import dev.feedserver.site.FeedFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** One feed in one format with all its entries, able to render any page at any size. */
public final class PagedFeed {
  private final Optional<String> category;
  private final FeedFormat format;
  private final List<Article> entries;
  private final int defaultSize;
  private final FeedRenderer renderer;
  private final PreviewRenderer previews;

  PagedFeed(Optional<String> category, FeedFormat format, List<Article> entries, int defaultSize, FeedRenderer renderer,
      PreviewRenderer previews) {
    this.category = category;
    this.format = format;
    this.entries = List.copyOf(entries);
    this.defaultSize = defaultSize;
    this.renderer = renderer;
    this.previews = previews;
  }

  /** Number of pages at a page size (at least 1, even for an empty feed). */
  public int pageCount(OptionalInt limit) {
    int size = limit.orElse(defaultSize);
    return Math.max(1, (entries.size() + size - 1) / size);
  }

  /** Renders page {@code page} (1-based, at most {@link #pageCount}) at the given page size. */
  public Representation render(int page, OptionalInt limit) {
    return new Representation(format.contentType(), renderer.render(document(page, limit), format), true, List.of());
  }

  /** Renders the same page as an HTML page for people who open the feed in a browser. */
  public Representation preview(int page, OptionalInt limit) {
    return previews.render(document(page, limit), format);
  }

  private FeedDocument document(int page, OptionalInt limit) {
    int size = limit.orElse(defaultSize);
    int from = Math.min(entries.size(), (page - 1) * size);
    return new FeedDocument(
        category,
        entries.subList(from, Math.min(entries.size(), from + size)),
        page,
        pageCount(limit),
        limit);
  }
}
