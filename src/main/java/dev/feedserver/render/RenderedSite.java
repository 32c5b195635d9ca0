package dev.feedserver.render;

import dev.feedserver.content.ArticleIndex;
import dev.feedserver.site.Route;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The site of one {@link ArticleIndex}. The routes readers and browsers poll (index, category
 * pages, every feed's first page and its browser preview, each category's embed page at its
 * default options, the OPML list, the feed index, the embed script and the stylesheet) are
 * rendered once, on first use or when the web layer warms them, and kept; everything else (entry
 * pages, older pages, other page sizes, other embed options) is rendered on request and cached by
 * the web layer. Immutable apart from that memo: a content change builds a new one, swapped in
 * whole.
 */
public final class RenderedSite {
  private final Set<Route> polled;
  private final java.util.Map<String, Route> polledByPath;
  private final ConcurrentHashMap<Route, Optional<Representation>> rendered = new ConcurrentHashMap<>();
  private final SiteRenderer renderer;
  private final ArticleIndex index;
  private final Representation notFound;

  RenderedSite(Set<Route> polled, SiteRenderer renderer, ArticleIndex index, Representation notFound) {
    this.polled = Set.copyOf(polled);
    java.util.Map<String, Route> byPath = new java.util.HashMap<>();
    for (Route route : polled) {
      if (!(route instanceof Route.Preview)) { // a preview lives at its feed's path
        byPath.put(renderer.path(route), route);
      }
    }
    this.polledByPath = java.util.Map.copyOf(byPath);
    this.renderer = renderer;
    this.index = index;
    this.notFound = notFound;
  }

  /**
   * The polled route whose canonical path is exactly {@code rawPath}: what readers request, since
   * they follow our links; a map lookup instead of parsing the path.
   */
  public Optional<Route> polledRouteAt(String rawPath) {
    return Optional.ofNullable(polledByPath.get(rawPath));
  }

  /** The routes readers poll: rendered once and kept for the life of this site. */
  public Set<Route> polledRoutes() {
    return polled;
  }

  /**
   * The response for a route at a page size ({@code limit}, for feeds; empty for the default).
   * Empty when the route names nothing (an unknown category or entry, a page past the last).
   */
  public Optional<Representation> render(Route route, OptionalInt limit) {
    if (limit.isEmpty() && polled.contains(route)) {
      return rendered.computeIfAbsent(route, r -> renderer.render(index, r, OptionalInt.empty()));
    }
    return renderer.render(index, route, limit);
  }

  /** What a polled route's bytes depend on: equal inputs (by {@code equals}), equal bytes. */
  public Object inputs(Route route) {
    return renderer.inputs(index, route);
  }

  /** Every route with a plain path at the default page size, for a static copy of the site. */
  public Stream<Route> routes() {
    return renderer.routes(index);
  }

  public ArticleIndex index() {
    return index;
  }

  /** The 404 page. */
  public Representation notFound() {
    return notFound;
  }
}
