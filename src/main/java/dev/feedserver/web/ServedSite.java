package dev.feedserver.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.feedserver.render.RenderedSite;
import dev.feedserver.site.Route;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@link RenderedSite} prepared for HTTP: every precomputed response hashed and compressed once.
 * Everything else is rendered, hashed and compressed on first request and kept in a bounded cache.
 * Immutable apart from that cache; a content change builds a new one, swapped in whole.
 */
public final class ServedSite {
  /** Bytes of on-demand responses kept (all encodings counted). */
  private static final long ON_DEMAND_CACHE_BYTES = 48L * 1024 * 1024;

  private final RenderedSite rendered;
  private final Instant publishedAt;
  private final Compression compression;
  private final Map<Route, HttpResource> resources;
  private final HttpResource notFound;
  private final Cache<Request, Optional<HttpResource>> onDemand =
      Caffeine.newBuilder()
          .maximumWeight(ON_DEMAND_CACHE_BYTES)
          .<Request, Optional<HttpResource>>weigher(
              (key, resource) -> 64 + resource.map(r -> r.variants().stream().mapToInt(v -> v.body().length).sum()).orElse(0))
          .build();

  private record Request(Route route, OptionalInt limit) {}

  private ServedSite(RenderedSite rendered, Instant publishedAt, Optional<ServedSite> previous, Compression compression) {
    this.rendered = rendered;
    this.publishedAt = publishedAt;
    this.compression = compression;
    Map<Route, HttpResource> prepared = new HashMap<>();
    rendered.precomputedRoutes().parallelStream()
        .map(route -> Map.entry(route, HttpResource.of(
            rendered.precomputed(route).orElseThrow(), publishedAt,
            previous.flatMap(p -> Optional.ofNullable(p.resources.get(route))), compression)))
        .toList()
        .forEach(e -> prepared.put(e.getKey(), e.getValue()));
    this.resources = Map.copyOf(prepared);
    this.notFound =
        HttpResource.of(rendered.notFound(), publishedAt, previous.map(p -> p.notFound), compression);
  }

  /** Prepares the first site of this process. */
  public static ServedSite first(RenderedSite rendered, Instant publishedAt) {
    return new ServedSite(rendered, publishedAt, Optional.empty(), new Compression());
  }

  /** Prepares a rebuilt site; responses whose bytes did not change are reused whole. */
  public ServedSite next(RenderedSite rebuilt, Instant publishedAt) {
    return new ServedSite(rebuilt, publishedAt, Optional.of(this), compression);
  }

  /** The routes whose precomputed bytes differ from {@code previous}'s (or are new). */
  public java.util.Set<Route> changedSince(ServedSite previous) {
    java.util.Set<Route> changed = new java.util.HashSet<>();
    resources.forEach((route, resource) -> {
      HttpResource before = previous.resources.get(route);
      if (before == null || before != resource) {
        changed.add(route);
      }
    });
    return changed;
  }

  /** The response for a route at a page size; empty when the route names nothing. */
  Optional<HttpResource> resolve(Route route, OptionalInt limit) {
    if (limit.isEmpty()) {
      HttpResource ready = resources.get(route);
      if (ready != null) {
        return Optional.of(ready);
      }
    }
    return onDemand.get(
        new Request(route, limit),
        key -> rendered.render(route, limit).map(r -> HttpResource.of(r, publishedAt, Optional.empty(), compression)));
  }

  /** The precomputed response of a route, for tests and the exporter. */
  Optional<HttpResource> precomputed(Route route) {
    return Optional.ofNullable(resources.get(route));
  }

  HttpResource notFound() {
    return notFound;
  }

  public RenderedSite rendered() {
    return rendered;
  }
}
