package dev.feedserver.render;

import dev.feedserver.content.Article;
import dev.feedserver.content.ArticleIndex;
import dev.feedserver.content.Category;
import dev.feedserver.site.EmbedOptions;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Links;
import dev.feedserver.site.Origins;
import dev.feedserver.site.Site;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Renders every feed and page of an {@link ArticleIndex} into a {@link RenderedSite}. */
public final class SiteRenderer {
  private final Site site;
  private final Links links;
  private final int feedSize;
  private final FeedRenderer feedRenderer;
  private final PageRenderer pages;
  private final ResponseHeaders headers;
  private final PreviewRenderer previews;
  private final StaticAssets assets;

  public SiteRenderer(Site site, Links links, int feedSize) {
    this(site, links, feedSize, Origins.ANY);
  }

  /** @param embedders the origins allowed to frame the embed pages */
  public SiteRenderer(Site site, Links links, int feedSize, Origins embedders) {
    this.site = site;
    this.links = links;
    this.feedSize = feedSize;
    this.feedRenderer = new FeedRenderer(site, links);
    this.pages = new PageRenderer();
    this.headers = new ResponseHeaders(links, embedders);
    this.previews = new PreviewRenderer(site, links, pages, headers);
    this.assets = StaticAssets.load();
  }

  public RenderedSite render(ArticleIndex index) {
    Map<String, Representation> out = new HashMap<>();
    Map<String, PagedFeed> feeds = new HashMap<>();
    Map<String, Representation> feedPreviews = new HashMap<>();
    addFeeds(out, feeds, feedPreviews, Optional.empty(), index.newestFirst());
    List<String> none = List.of();
    Pages.Frame indexFrame = frame(site.title(), links.index(), none);
    out.put(
        links.indexPath(),
        html(pages.index(new Pages.IndexPage(indexFrame, index.categories(), head(index.newestFirst()))), indexFrame));
    for (Category category : index.categories()) {
      addFeeds(out, feeds, feedPreviews, Optional.of(category.name()), category.articles());
      Pages.Frame frame =
          frame(category.name() + " · " + site.title(), links.category(category.name()), List.of(category.name()));
      out.put(
          links.categoryPath(category.name()),
          html(
              pages.category(
                  new Pages.CategoryPage(frame, category, EmbedSnippets.of(links, category.name(), site.title()))),
              frame));
      addEmbeds(out, category, frame);
    }
    for (Article article : index.newestFirst()) {
      Pages.Frame frame =
          frame(article.title() + " · " + site.title(), links.entry(article.id()), article.categories());
      out.put(links.entryPath(article.id()), html(pages.entry(new Pages.EntryPage(frame, article)), frame));
    }
    out.put(links.stylesheetPath(), new Representation(StaticAssets.CSS, assets.stylesheet()));
    out.put(
        links.embedScriptPath(),
        new Representation(StaticAssets.JAVASCRIPT, assets.embedScript(), true, List.of()));
    out.put(
        links.opmlPath(),
        new Representation(
            OpmlRenderer.MEDIA_TYPE, new OpmlRenderer(site, links).render(index.categories()), true, List.of()));
    out.put(
        links.feedIndexPath(),
        new Representation(FeedIndexRenderer.MEDIA_TYPE, new FeedIndexRenderer(site, links).render(index), true,
            List.of()));
    Pages.Frame notFoundFrame = frame("Not found · " + site.title(), null, none);
    Representation notFound =
        html(pages.notFound(new Pages.NotFoundPage(notFoundFrame, "There is no category or entry at this address.")),
            notFoundFrame);
    return new RenderedSite(out, feeds, feedPreviews, notFound);
  }

  private void addFeeds(
      Map<String, Representation> out,
      Map<String, PagedFeed> feeds,
      Map<String, Representation> feedPreviews,
      Optional<String> category,
      List<Article> entries) {
    for (FeedFormat format : FeedFormat.values()) {
      PagedFeed feed = new PagedFeed(category, format, entries, feedSize, feedRenderer, previews);
      String path = links.feedPath(category, format);
      feeds.put(path, feed);
      out.put(path, feed.render(1, OptionalInt.empty()));
      feedPreviews.put(path, feed.preview(1, OptionalInt.empty()));
    }
  }

  /**
   * Every variant of the category's embed page (each limit and theme), so that a request only
   * picks bytes. Limits above the category's size are the same page as the size itself, and are
   * stored once per theme under each key.
   */
  private void addEmbeds(Map<String, Representation> out, Category category, Pages.Frame frame) {
    String path = links.embedPath(category.name());
    List<Representation.Header> embedHeaders = headers.embed(assets.embedStyleHash());
    for (EmbedOptions.Theme theme : EmbedOptions.Theme.values()) {
      Representation widest = null;
      for (int limit = 1; limit <= EmbedOptions.MAX_LIMIT; limit++) {
        EmbedOptions options = new EmbedOptions(limit, theme);
        Representation page;
        if (limit > category.articles().size() && widest != null) {
          page = widest;
        } else {
          List<Article> entries = category.articles().subList(0, Math.min(limit, category.articles().size()));
          page =
              new Representation(
                  Representation.HTML,
                  pages.embed(new Pages.EmbedPage(frame, category, entries, options, assets.embedStyleElement())),
                  true,
                  embedHeaders);
          widest = page;
        }
        out.put(links.embedVariantPath(path, options), page);
      }
    }
  }

  private Pages.Frame frame(String title, String canonical, List<String> categories) {
    return new Pages.Frame(site, links, title, canonical, Pages.feeds(site, links, categories));
  }

  private List<Article> head(List<Article> articles) {
    return articles.subList(0, Math.min(feedSize, articles.size()));
  }

  private Representation html(byte[] body, Pages.Frame frame) {
    return new Representation(Representation.HTML, body, false, headers.page(frame.feeds()));
  }
}
