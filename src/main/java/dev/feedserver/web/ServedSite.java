package dev.feedserver.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.feedserver.render.PagedFeed;
import dev.feedserver.render.RenderedSite;
import dev.feedserver.render.Representation;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@link RenderedSite} prepared for HTTP: every default response hashed and compressed once.
 * Other feed pages and sizes are rendered on first request and kept in a bounded cache. Immutable
 * apart from that cache; a content change builds a new one, swapped in whole.
 */
public final class ServedSite {
  /** Bytes of on-demand responses kept (all encodings counted). */
  private static final long ON_DEMAND_CACHE_BYTES = 32L * 1024 * 1024;

  private final RenderedSite rendered;
  private final Instant publishedAt;
  private final Compression compression;
  private final Map<String, HttpResource> resources;
  private final Map<String, HttpResource> previews;
  private final HttpResource notFound;
  private final Cache<PageKey, HttpResource> pages =
      Caffeine.newBuilder()
          .maximumWeight(ON_DEMAND_CACHE_BYTES)
          .<PageKey, HttpResource>weigher(
              (key, resource) -> resource.variants().stream().mapToInt(v -> v.body().length).sum())
          .build();

  private record PageKey(String path, int page, OptionalInt limit, boolean preview) {}

  private ServedSite(RenderedSite rendered, Instant publishedAt, Optional<ServedSite> previous, Compression compression) {
    this.rendered = rendered;
    this.publishedAt = publishedAt;
    this.compression = compression;
    Map<String, HttpResource> prepared = new HashMap<>();
    // One representation stored under several paths (embed page variants) is prepared once.
    Map<Representation, HttpResource> shared = new java.util.IdentityHashMap<>();
    for (String path : rendered.paths()) {
      Representation representation = rendered.get(path).orElseThrow();
      prepared.put(
          path,
          shared.computeIfAbsent(
              representation,
              r -> HttpResource.of(r, publishedAt, previous.flatMap(p -> p.get(path)), compression)));
    }
    this.resources = Map.copyOf(prepared);
    Map<String, HttpResource> preparedPreviews = new HashMap<>();
    for (String path : rendered.previewPaths()) {
      preparedPreviews.put(
          path,
          HttpResource.of(rendered.preview(path).orElseThrow(), publishedAt,
              previous.flatMap(p -> Optional.ofNullable(p.previews.get(path))), compression));
    }
    this.previews = Map.copyOf(preparedPreviews);
    this.notFound =
        HttpResource.of(rendered.notFound(), publishedAt, previous.map(p -> p.notFound), compression);
  }

  /** Prepares the first site of this process. */
  public static ServedSite first(RenderedSite rendered, Instant publishedAt) {
    return new ServedSite(rendered, publishedAt, Optional.empty(), new Compression());
  }

  /** Prepares a rebuilt site; responses whose bytes did not change keep their Last-Modified. */
  public ServedSite next(RenderedSite rebuilt, Instant publishedAt) {
    return new ServedSite(rebuilt, publishedAt, Optional.of(this), compression);
  }

  Optional<HttpResource> get(String path) {
    return Optional.ofNullable(resources.get(path));
  }

  HttpResource notFound() {
    return notFound;
  }

  Optional<PagedFeed> feed(String path) {
    return rendered.feed(path);
  }

  /** Page {@code page} of the feed at {@code path} at the given size; the caller checked the range. */
  HttpResource feedPage(String path, PagedFeed feed, int page, OptionalInt limit) {
    if (page == 1 && limit.isEmpty()) {
      return resources.get(path);
    }
    return pages.get(
        new PageKey(path, page, limit, false),
        key -> HttpResource.of(feed.render(page, limit), publishedAt, Optional.empty(), compression));
  }

  /** The browser preview (HTML) of that page of the feed; the caller checked the range. */
  HttpResource previewPage(String path, PagedFeed feed, int page, OptionalInt limit) {
    if (page == 1 && limit.isEmpty()) {
      return previews.get(path);
    }
    return pages.get(
        new PageKey(path, page, limit, true),
        key -> HttpResource.of(feed.preview(page, limit), publishedAt, Optional.empty(), compression));
  }
}
