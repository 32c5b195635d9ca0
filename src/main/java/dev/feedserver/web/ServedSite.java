package dev.feedserver.web;

import dev.feedserver.render.RenderedSite;
import dev.feedserver.render.View;
import dev.feedserver.site.Route;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One version of the site as HTTP serves it. Its polled routes ({@link Route#polled}) are prepared
 * ahead by {@link #warm} (or by the first request that comes earlier) and looked up by route, and
 * by exact path for the fast path; every response comes from the {@link ResponseStore}, keyed by
 * what it shows ({@link View}). A content change builds the next site, swapped in whole.
 */
public final class ServedSite {
  private final RenderedSite rendered;
  private final Instant publishedAt;
  private final ResponseStore store;
  /** This site's polled routes: what each shows and its response (its pins into the store). */
  private final ConcurrentHashMap<Route, Prepared> polled = new ConcurrentHashMap<>();
  private final List<Route> polledRoutes;
  private final Map<String, Route> polledByPath;
  /** The site this one replaces, until warmed: a route whose view did not change keeps its response. */
  private volatile ServedSite previous;

  private record Prepared(View view, HttpResource resource) {}

  private ServedSite(RenderedSite rendered, Instant publishedAt, ResponseStore store, ServedSite previous) {
    this.rendered = rendered;
    this.publishedAt = publishedAt;
    this.store = store;
    this.previous = previous;
    this.polledRoutes = rendered.polledRoutes().toList();
    Map<String, Route> byPath = new HashMap<>();
    for (Route route : polledRoutes) {
      if (route.namedByPath()) {
        byPath.put(route.path(), route);
      }
    }
    this.polledByPath = Map.copyOf(byPath);
  }

  /** The first site of this process; its responses are prepared on first use or by {@link #warm}. */
  public static ServedSite first(RenderedSite rendered, Instant publishedAt) {
    return new ServedSite(rendered, publishedAt,
        new ResponseStore(rendered.renderer(), new Compression(), publishedAt), null);
  }

  /** A rebuilt site; call {@link #warm} before swapping it in so that validators can be compared. */
  public ServedSite next(RenderedSite rebuilt, Instant publishedAt) {
    return new ServedSite(rebuilt, publishedAt, store, this);
  }

  /**
   * Prepares every polled response now, pins them, then lets go of the previous site. The site's
   * own feeds come first, one at a time (what readers poll most, and ask for first after a start:
   * on two cores a first request for one of them is not slowed by the rest being prepared beside
   * it), then the rest in parallel.
   */
  public ServedSite warm() {
    polledRoutes.stream().filter(ServedSite::isSiteFeed).forEach(this::prepared);
    polledRoutes.parallelStream().forEach(this::prepared);
    Map<View, HttpResource> pins = new HashMap<>();
    polled.values().forEach(p -> pins.put(p.view(), p.resource()));
    store.pin(pins);
    previous = null;
    return this;
  }

  private static boolean isSiteFeed(Route route) {
    return route instanceof Route.Feed feed && feed.scope().isEmpty() && feed.page() == 1;
  }

  /** The polled routes whose bytes differ from {@code before}'s, or are new. Both must be warm. */
  public Set<Route> changedSince(ServedSite before) {
    Set<Route> changed = new HashSet<>();
    polled.forEach((route, now) -> {
      Prepared old = before.polled.get(route);
      if (old == null || old.resource() != now.resource()) {
        changed.add(route);
      }
    });
    return changed;
  }

  private Optional<Prepared> prepared(Route route) {
    Prepared known = polled.get(route);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<View> view = rendered.select(route);
    if (view.isEmpty()) {
      return Optional.empty(); // names nothing here (not kept: the polled map holds only real routes)
    }
    ServedSite before = previous;
    Prepared old = before == null ? null : before.polled.get(route);
    Prepared now =
        old != null && old.view().equals(view.get())
            ? old // shows the same: the same response, not rendered again
            : new Prepared(view.get(),
                store.get(view.get(), publishedAt, Optional.ofNullable(old).map(Prepared::resource)));
    Prepared raced = polled.putIfAbsent(route, now);
    return Optional.of(raced == null ? now : raced);
  }

  /**
   * The polled route whose canonical path is exactly {@code rawPath} (what readers request, since
   * they follow our links): a map lookup instead of parsing. A preview shares its feed's path and is
   * not returned here.
   */
  Optional<Route> polledRouteAt(String rawPath) {
    return Optional.ofNullable(polledByPath.get(rawPath));
  }

  /** The response for a route; empty when the route names nothing in this site. */
  Optional<HttpResource> resolve(Route route) {
    if (route.polled()) {
      return prepared(route).map(Prepared::resource);
    }
    return rendered.select(route).map(view -> store.get(view, publishedAt, Optional.empty()));
  }

  /**
   * The response for a route when it is in memory already; empty when the route names nothing
   * here or its response would have to be rendered first (then {@link #resolve} does that).
   */
  Optional<HttpResource> resolveFromMemory(Route route) {
    if (route.polled()) {
      return Optional.ofNullable(polled.get(route)).map(Prepared::resource);
    }
    return rendered.select(route).flatMap(store::prepared);
  }

  HttpResource notFound() {
    return store.notFound();
  }

  public RenderedSite rendered() {
    return rendered;
  }

}
