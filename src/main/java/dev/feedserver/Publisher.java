package dev.feedserver;

import dev.feedserver.config.Config;
import dev.feedserver.content.ArticleIndex;
import dev.feedserver.content.ArticleLoader;
import dev.feedserver.content.BodyStore;
import dev.feedserver.content.FrontMatterDates;
import dev.feedserver.content.FrontMatterParser;
import dev.feedserver.content.HtmlSanitizer;
import dev.feedserver.content.LoadResult;
import dev.feedserver.render.RenderedSite;
import dev.feedserver.render.SiteRenderer;
import dev.feedserver.site.Links;
import dev.feedserver.site.Site;
import dev.feedserver.render.Representation;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;

/** Turns the content folder into a rendered site: load, index, render. */
public final class Publisher {
  /** Sanitized bodies kept in memory; feed pages and entry pages beyond it are read again. */
  private static final long BODY_CACHE_BYTES = 64L * 1024 * 1024;

  private final Config config;
  private final Links links;
  private final ArticleLoader loader;
  private final SiteRenderer renderer;

  public Publisher(Config config) {
    this.config = config;
    Site site =
        new Site(config.title(), config.description(), config.language(), config.timeZone(), config.baseUrl());
    this.links = new Links(config.baseUrl(), config.idAuthority());
    this.loader =
        new ArticleLoader(
            new FrontMatterParser(new FrontMatterDates(config.timeZone())),
            new HtmlSanitizer(config.baseUrl()));
    BodyStore bodies = new BodyStore(config.contentDir(), loader, BODY_CACHE_BYTES);
    this.renderer = new SiteRenderer(site, links, config.feedSize(), bodies);
  }

  /** Everything one pass over the content folder produced. */
  public record Publication(LoadResult load, ArticleIndex index, RenderedSite site, Links links) {
    /** The response at a server-relative path (default page size), rendered if need be. */
    public Optional<Representation> get(String path) {
      return links.route(path).flatMap(route -> site.render(route, OptionalInt.empty()));
    }
  }

  /**
   * Loads every article and renders every response.
   *
   * @throws IOException only when the content folder itself cannot be read
   */
  public Publication publish() throws IOException {
    LoadResult load = loader.load(config.contentDir());
    ArticleIndex index = ArticleIndex.of(load.articles());
    return new Publication(load, index, renderer.render(index), links);
  }

  public Links links() {
    return links;
  }
}
