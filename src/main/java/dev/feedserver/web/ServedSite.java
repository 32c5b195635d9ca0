package dev.feedserver.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.feedserver.render.RenderedSite;
import dev.feedserver.site.Route;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RenderedSite} prepared for HTTP. Every polled response ({@link
 * RenderedSite#polledRoutes}: index, category pages, each feed's first page and its preview,
 * default embed pages, OPML, feed index, embed script, stylesheet) is rendered, hashed and
 * compressed once, on first use or by {@link #warm}, and kept for the life of this site.
 * Everything else (a route at another page size, other embed options, older pages, entries) is
 * prepared on first request and kept in a bounded cache. A content change builds a new one,
 * swapped in whole.
 */
public final class ServedSite {
  /** Bytes of on-demand responses kept (all encodings counted). */
  private static final long ON_DEMAND_CACHE_BYTES = 48L * 1024 * 1024;

  private final RenderedSite rendered;
  private final Instant publishedAt;
  private final Compression compression;
  private final ConcurrentHashMap<Route, Optional<HttpResource>> polled = new ConcurrentHashMap<>();
  /** What each prepared polled response was rendered from (see {@link RenderedSite#inputs}). */
  private final ConcurrentHashMap<Route, Object> inputs = new ConcurrentHashMap<>();
  /** The site this one replaces, until warmed: unchanged responses are taken from it whole. */
  private volatile ServedSite previous;
  private final HttpResource notFound;
  private final Cache<Request, Optional<HttpResource>> onDemand =
      Caffeine.newBuilder()
          .maximumWeight(ON_DEMAND_CACHE_BYTES)
          .<Request, Optional<HttpResource>>weigher(
              (key, resource) -> 64 + resource.map(r -> r.variants().stream().mapToInt(v -> v.body().length).sum()).orElse(0))
          .build();

  private record Request(Route route, OptionalInt limit) {}

  private ServedSite(RenderedSite rendered, Instant publishedAt, ServedSite previous, Compression compression) {
    this.rendered = rendered;
    this.publishedAt = publishedAt;
    this.compression = compression;
    this.previous = previous;
    this.notFound =
        HttpResource.of(rendered.notFound(), publishedAt,
            Optional.ofNullable(previous).map(p -> p.notFound), compression);
  }

  /** The first site of this process; its responses are prepared on first use or by {@link #warm}. */
  public static ServedSite first(RenderedSite rendered, Instant publishedAt) {
    return new ServedSite(rendered, publishedAt, null, new Compression());
  }

  /** A rebuilt site; call {@link #warm} before swapping it in so that validators can be compared. */
  public ServedSite next(RenderedSite rebuilt, Instant publishedAt) {
    return new ServedSite(rebuilt, publishedAt, this, compression);
  }

  /** Prepares every polled response now (in parallel), then lets go of the previous site. */
  public ServedSite warm() {
    rendered.polledRoutes().parallelStream().forEach(this::polledResource);
    previous = null;
    return this;
  }

  /** The polled routes whose bytes differ from {@code before}'s, or are new. Both must be warm. */
  public Set<Route> changedSince(ServedSite before) {
    Set<Route> changed = new HashSet<>();
    polled.forEach((route, resource) -> {
      Optional<HttpResource> old = before.polled.getOrDefault(route, Optional.empty());
      if (resource.isPresent() && (old.isEmpty() || old.get() != resource.get())) {
        changed.add(route);
      }
    });
    return changed;
  }

  private Optional<HttpResource> polledResource(Route route) {
    return polled.computeIfAbsent(route, r -> {
      Object now = rendered.inputs(r);
      inputs.put(r, now);
      ServedSite before = previous;
      Optional<HttpResource> old = before == null ? Optional.empty() : before.polled.getOrDefault(r, Optional.empty());
      if (old.isPresent() && now.equals(before.inputs.get(r))) {
        return old; // same inputs: same bytes, not rendered again
      }
      return rendered.render(r, OptionalInt.empty()).map(rep -> HttpResource.of(rep, publishedAt, old, compression));
    });
  }

  /**
   * The route at a raw request path, when the path is exactly the canonical path of a polled route
   * (what readers request, since they follow our links): a map lookup instead of parsing.
   */
  Optional<Route> polledRouteAt(String rawPath) {
    return rendered.polledRouteAt(rawPath);
  }

  /** The response for a route at a page size; empty when the route names nothing. */
  Optional<HttpResource> resolve(Route route, OptionalInt limit) {
    if (limit.isEmpty() && rendered.polledRoutes().contains(route)) {
      return polledResource(route);
    }
    return onDemand.get(
        new Request(route, limit),
        key -> rendered.render(route, limit).map(r -> HttpResource.of(r, publishedAt, Optional.empty(), compression)));
  }

  /** A polled route's response, for tests. */
  Optional<HttpResource> precomputed(Route route) {
    return rendered.polledRoutes().contains(route) ? polledResource(route) : Optional.empty();
  }

  HttpResource notFound() {
    return notFound;
  }

  public RenderedSite rendered() {
    return rendered;
  }
}
