package dev.feedserver;

import dev.feedserver.config.Config;
import dev.feedserver.content.ArticleIndex;
import dev.feedserver.content.ArticleLoader;
import dev.feedserver.content.FrontMatterDates;
import dev.feedserver.content.FrontMatterParser;
import dev.feedserver.content.HtmlSanitizer;
import dev.feedserver.content.LoadResult;
import dev.feedserver.render.RenderedSite;
import dev.feedserver.render.SiteRenderer;
import dev.feedserver.site.Links;
import dev.feedserver.site.Site;
import java.io.IOException;

/** Turns the content folder into a rendered site: load, index, render. */
public final class Publisher {
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
            new FrontMatterParser(new FrontMatterDates(config.timeZone()), config.limits()),
            new HtmlSanitizer(config.baseUrl()),
            config.limits());
    this.renderer = new SiteRenderer(site, links, config.feedSize());
  }

  /** Everything one pass over the content folder produced. */
  public record Publication(LoadResult load, ArticleIndex index, RenderedSite site) {}

  /**
   * Loads every article and renders every response.
   *
   * @throws IOException only when the content folder itself cannot be read
   */
  public Publication publish() throws IOException {
    LoadResult load = loader.load(config.contentDir());
    ArticleIndex index = ArticleIndex.of(load.articles());
    return new Publication(load, index, renderer.render(index));
  }

  /**
   * Loads a content folder (not necessarily the configured one) with the same loader and limits,
   * without rendering: what {@code lint} checks.
   *
   * @throws IOException only when the folder itself cannot be read
   */
  public LoadResult load(java.nio.file.Path contentDir) throws IOException {
    return loader.load(contentDir);
  }

  public Links links() {
    return links;
  }
}
