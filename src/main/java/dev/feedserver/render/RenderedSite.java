package dev.feedserver.render;

import dev.feedserver.content.ArticleIndex;
import dev.feedserver.site.Route;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The site of one {@link ArticleIndex}: the responses readers poll (index, category pages, every
 * feed's first page) rendered once, and everything else (entry pages, older pages, other page
 * sizes) rendered on request. Immutable: a content change builds a new one, swapped in whole.
 */
public final class RenderedSite {
  private final Map<Route, Representation> precomputed;
  private final SiteRenderer renderer;
  private final ArticleIndex index;
  private final Representation notFound;

  RenderedSite(Map<Route, Representation> precomputed, SiteRenderer renderer, ArticleIndex index, Representation notFound) {
    this.precomputed = Map.copyOf(precomputed);
    this.renderer = renderer;
    this.index = index;
    this.notFound = notFound;
  }

  /** The routes rendered ahead of time. */
  public Set<Route> precomputedRoutes() {
    return precomputed.keySet();
  }

  /** A response rendered ahead of time. */
  public Optional<Representation> precomputed(Route route) {
    return Optional.ofNullable(precomputed.get(route));
  }

  /**
   * The response for a route at a page size ({@code limit}, for feeds; empty for the default):
   * from the precomputed set when there, else rendered now. Empty when the route names nothing
   * (an unknown category or entry, a page past the last).
   */
  public Optional<Representation> render(Route route, OptionalInt limit) {
    if (limit.isEmpty() && precomputed.containsKey(route)) {
      return Optional.of(precomputed.get(route));
    }
    return renderer.render(index, route, limit);
  }

  /** Every route at the default page size, for a static copy of the site. */
  public java.util.stream.Stream<Route> routes() {
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
