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

/** Renders every feed and page of an {@link ArticleIndex} into a {@link RenderedSite}. */
public final class SiteRenderer {
  private final Site site;
  private final Links links;
  private final int feedSize;
  private final FeedRenderer feeds;
  private final PageRenderer pages;

  public SiteRenderer(Site site, Links links, int feedSize) {
    this.site = site;
    this.links = links;
    this.feedSize = feedSize;
    this.feeds = new FeedRenderer(site, links);
    this.pages = new PageRenderer();
  }

  public RenderedSite render(ArticleIndex index) {
    Map<String, Representation> out = new HashMap<>();
    addFeeds(out, new FeedDocument(Optional.empty(), head(index.newestFirst())));
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
      addFeeds(out, new FeedDocument(Optional.of(category.name()), head(category.articles())));
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
    return new RenderedSite(out, notFound);
  }

  private void addFeeds(Map<String, Representation> out, FeedDocument feed) {
    for (FeedFormat format : FeedFormat.values()) {
      out.put(feed.path(links, format), new Representation(format.contentType(), feeds.render(feed, format)));
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
