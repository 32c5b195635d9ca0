package dev.feedserver.render;

import dev.feedserver.content.Article;
import dev.feedserver.content.ArticleIndex;
import dev.feedserver.content.Category;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Links;
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

  public SiteRenderer(Site site, Links links, int feedSize) {
    this.site = site;
    this.links = links;
    this.feedSize = feedSize;
    this.feedRenderer = new FeedRenderer(site, links);
    this.pages = new PageRenderer();
  }

  public RenderedSite render(ArticleIndex index) {
    Map<String, Representation> out = new HashMap<>();
    Map<String, PagedFeed> feeds = new HashMap<>();
    addFeeds(out, feeds, Optional.empty(), index.newestFirst());
    List<String> none = List.of();
    out.put(
        links.indexPath(),
        html(
            pages.index(
                new Pages.IndexPage(
                    frame(site.title(), links.index(), none),
                    index.categories(),
                    head(index.newestFirst())))));
    for (Category category : index.categories()) {
      addFeeds(out, feeds, Optional.of(category.name()), category.articles());
      out.put(
          links.categoryPath(category.name()),
          html(
              pages.category(
                  new Pages.CategoryPage(
                      frame(category.name() + " · " + site.title(), links.category(category.name()),
                          List.of(category.name())),
                      category))));
    }
    for (Article article : index.newestFirst()) {
      out.put(
          links.entryPath(article.id()),
          html(
              pages.entry(
                  new Pages.EntryPage(
                      frame(article.title() + " · " + site.title(), links.entry(article.id()),
                          article.categories()),
                      article))));
    }
    Representation notFound =
        html(pages.notFound(new Pages.NotFoundPage(frame("Not found · " + site.title(), null, none),
            "There is no category or entry at this address.")));
    return new RenderedSite(out, feeds, notFound);
  }

  private void addFeeds(
      Map<String, Representation> out, Map<String, PagedFeed> feeds, Optional<String> category, List<Article> entries) {
    for (FeedFormat format : FeedFormat.values()) {
      PagedFeed feed = new PagedFeed(category, format, entries, feedSize, feedRenderer);
      String path = links.feedPath(category, format);
      feeds.put(path, feed);
      out.put(path, feed.render(1, OptionalInt.empty()));
    }
  }

  private Pages.Frame frame(String title, String canonical, List<String> categories) {
    return new Pages.Frame(site, links, title, canonical, Pages.feeds(site, links, categories));
  }

  private List<Article> head(List<Article> articles) {
    return articles.subList(0, Math.min(feedSize, articles.size()));
  }

  private static Representation html(byte[] body) {
    return new Representation(Representation.HTML, body);
  }
}
