package dev.feedserver.render;

import dev.feedserver.content.ArticleIndex;
import dev.feedserver.site.Route;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One version of the site: an {@link ArticleIndex} and the renderer that turns its routes into
 * responses. Holds no responses: what is rendered is kept, hashed and compressed, by the web
 * layer's one store, keyed by {@link View}.
 */
public final class RenderedSite {
  private final SiteRenderer renderer;
  private final ArticleIndex index;

  public RenderedSite(SiteRenderer renderer, ArticleIndex index) {
    this.renderer = renderer;
    this.index = index;
  }

  /**
   * Every route of this version at its default options (see {@link SiteRenderer#routes}), and the
   * files served as they are (a walk of their folders: for a static copy and for tests).
   */
  public Stream<Route> routes() {
    return Stream.concat(renderer.routes(index), renderer.fileRoutes(index));
  }

  /** The routes prepared ahead: the polled ones of {@link SiteRenderer#routes} (no walk of files). */
  public Stream<Route> polledRoutes() {
    return renderer.routes(index).filter(Route::polled);
  }

  /** What a route shows here; empty when it names nothing. */
  public Optional<View> select(Route route) {
    return renderer.select(index, route);
  }

  /** A route's response, rendered now (tests and tools; the server goes through its store). */
  public Optional<Representation> render(Route route) {
    return select(route).map(renderer::render);
  }

  public SiteRenderer renderer() {
    return renderer;
  }

  public ArticleIndex index() {
    return index;
  }
}
