package dev.feedserver.render;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every response the site serves by default, rendered once and keyed by server-relative path (as
 * built by {@link dev.feedserver.site.Links}), plus the feeds' other pages and sizes, rendered on
 * request. Immutable: a content change builds a new one, swapped in whole.
 */
public final class RenderedSite {
  private final Map<String, Representation> byPath;
  private final Map<String, PagedFeed> feeds;
  private final Map<String, Representation> previews;
  private final Representation notFound;

  RenderedSite(Map<String, Representation> byPath, Map<String, PagedFeed> feeds, Map<String, Representation> previews,
      Representation notFound) {
    this.byPath = Map.copyOf(byPath);
    this.feeds = Map.copyOf(feeds);
    this.previews = Map.copyOf(previews);
    this.notFound = notFound;
  }

  /** The default response at a canonical path: a page, or a feed's first page at the default size. */
  public Optional<Representation> get(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /** The feed at a canonical path, for its other pages and sizes. */
  public Optional<PagedFeed> feed(String path) {
    return Optional.ofNullable(feeds.get(path));
  }

  /** The browser preview (HTML) of the feed at a canonical path, first page at the default size. */
  public Optional<Representation> preview(String path) {
    return Optional.ofNullable(previews.get(path));
  }

  /** The paths of all feeds that have a browser preview. */
  public Set<String> previewPaths() {
    return previews.keySet();
  }

  /** The 404 page. */
  public Representation notFound() {
    return notFound;
  }

  /** All default paths, for tests and tools that walk the site. */
  public Set<String> paths() {
    return byPath.keySet();
  }
}
