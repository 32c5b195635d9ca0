package dev.feedserver.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.feedserver.render.SiteRenderer;
import dev.feedserver.render.View;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The one place responses are kept: rendered, hashed and compressed once per {@link View}, the
 * typed value that says everything a response shows. The current site's polled responses are
 * pinned here for its life; every other response (entry pages, older pages, other page sizes and
 * embed options) is kept in a bounded cache, across reloads: an unchanged older page is the same
 * view after a reload and keeps its bytes and validators.
 */
final class ResponseStore {
  /** Bytes of responses kept beyond the pinned ones (all encodings counted). */
  private static final long RECENT_BYTES = 48L * 1024 * 1024;
  /** How long a response nobody asks for is kept. */
  private static final java.time.Duration IDLE = java.time.Duration.ofMinutes(10);

  private final SiteRenderer renderer;
  private final Compression compression;
  private volatile Map<View, HttpResource> pinned = Map.of();
  private final Cache<View, HttpResource> recent =
      Caffeine.newBuilder()
          .maximumWeight(RECENT_BYTES)
          .<View, HttpResource>weigher((view, resource) -> 64 + resource.size())
          // a view of an article's older version is never asked for again: let it go, not only under pressure
          .expireAfterAccess(IDLE)
          .build();
  private final HttpResource notFound;

  ResponseStore(SiteRenderer renderer, Compression compression, Instant startedAt) {
    this.renderer = renderer;
    this.compression = compression;
    this.notFound = HttpResource.of(renderer.notFound(), startedAt, Optional.empty(), compression);
  }

  /**
   * The response of a view, prepared now if nobody has asked for it yet (concurrent requests for one
   * view prepare it once).
   *
   * @param publishedAt its Last-Modified if it is prepared now
   * @param before what the same route answered in the previous site: kept, with its validators,
   *     if the new bytes are the same
   */
  HttpResource get(View view, Instant publishedAt, Optional<HttpResource> before) {
    HttpResource resource = pinned.get(view);
    if (resource != null) {
      return resource;
    }
    return recent.get(view, v -> HttpResource.of(renderer.render(v), publishedAt, before, compression));
  }

  /** The response of a view when it is prepared already (nothing is rendered). */
  Optional<HttpResource> prepared(View view) {
    HttpResource resource = pinned.get(view);
    return resource != null ? Optional.of(resource) : Optional.ofNullable(recent.getIfPresent(view));
  }

  /** Pins a warmed site's polled responses in place of the previous site's. */
  void pin(Map<View, HttpResource> polled) {
    pinned = Map.copyOf(polled);
    recent.invalidateAll(polled.keySet());
  }

  HttpResource notFound() {
    return notFound;
  }
}
