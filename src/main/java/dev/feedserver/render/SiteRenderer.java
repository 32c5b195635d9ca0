package dev.feedserver.render;

import dev.feedserver.content.Article;
import dev.feedserver.content.ArticleIndex;
import dev.feedserver.content.BodyStore;
import dev.feedserver.content.Category;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Links;
import dev.feedserver.site.Route;
import dev.feedserver.site.Site;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Renders the routes of an {@link ArticleIndex}: ahead of time into a {@link RenderedSite} the
 * responses readers poll, and on request everything else.
 */
public final class SiteRenderer {
  /** Entries listed on one category page. */
  public static final int CATEGORY_PAGE_SIZE = 100;

  private final Site site;
  private final Links links;
  private final int feedSize;
  private final BodyStore bodies;
  private final FeedRenderer feedRenderer;
  private final PageRenderer pages;

  public SiteRenderer(Site site, Links links, int feedSize, BodyStore bodies) {
    this.site = site;
    this.links = links;
    this.feedSize = feedSize;
    this.bodies = bodies;
    this.feedRenderer = new FeedRenderer(site, links, bodies);
    this.pages = new PageRenderer();
  }

  /**
   * The site of {@code index}; its polled responses (the index page, every category page and feed)
   * render on first use. Reading the bodies those feeds show starts now, in the background.
   */
  public RenderedSite render(ArticleIndex index) {
    java.util.Set<Route> polled = new java.util.HashSet<>();
    polled.add(new Route.Index());
    List<Optional<String>> feeds = new java.util.ArrayList<>();
    feeds.add(Optional.empty());
    index.categories().forEach(c -> feeds.add(Optional.of(c.name())));
    for (Optional<String> category : feeds) {
      for (FeedFormat format : FeedFormat.values()) {
        polled.add(new Route.Feed(category, format, 1));
      }
      category.ifPresent(name -> polled.add(new Route.CategoryPage(name, 1)));
    }
    Representation notFound =
        html(pages.notFound(new Pages.NotFoundPage(frame("Not found · " + site.title(), null, List.of()),
            "There is no category or entry at this address.")));
    return new RenderedSite(polled, this, index, notFound);
  }

  /** Every route of {@code index} at the default page size: what a static copy of the site holds. */
  java.util.stream.Stream<Route> routes(ArticleIndex index) {
    java.util.stream.Stream.Builder<Route> out = java.util.stream.Stream.builder();
    out.add(new Route.Index());
    feedRoutes(Optional.empty(), index.newestFirst().size(), out);
    for (Category category : index.categories()) {
      int pages = PagedFeed.pageCount(category.articles().size(), CATEGORY_PAGE_SIZE);
      for (int page = 1; page <= pages; page++) {
        out.add(new Route.CategoryPage(category.name(), page));
      }
      feedRoutes(Optional.of(category.name()), category.articles().size(), out);
    }
    index.newestFirst().forEach(article -> out.add(new Route.Entry(article.id())));
    return out.build();
  }

  private void feedRoutes(Optional<String> category, int entries, java.util.stream.Stream.Builder<Route> out) {
    int pages = PagedFeed.pageCount(entries, feedSize);
    for (FeedFormat format : FeedFormat.values()) {
      for (int page = 1; page <= pages; page++) {
        out.add(new Route.Feed(category, format, page));
      }
    }
  }

  /** Renders one route now; empty when it names nothing in {@code index}. */
  Optional<Representation> render(ArticleIndex index, Route route, OptionalInt limit) {
    if (route instanceof Route.Index) {
      return Optional.of(index(index));
    }
    if (route instanceof Route.Feed feed) {
      Optional<List<Article>> entries =
          feed.category().isEmpty()
              ? Optional.of(index.newestFirst())
              : index.category(feed.category().get()).map(Category::articles);
      return entries
          .flatMap(list -> PagedFeed.page(feed.category(), list, feed.page(), feedSize, limit))
          .map(doc -> new Representation(feed.format().contentType(), feedRenderer.render(doc, feed.format())));
    }
    if (route instanceof Route.CategoryPage page) {
      return index.category(page.name()).flatMap(c -> categoryPage(c, page.page()));
    }
    if (route instanceof Route.Entry entry) {
      return index.article(entry.id()).map(this::entryPage);
    }
    return Optional.empty();
  }

  private Representation index(ArticleIndex index) {
    return html(
        pages.index(
            new Pages.IndexPage(frame(site.title(), links.index(), List.of()), index.categories(), head(index.newestFirst()))));
  }

  private Optional<Representation> categoryPage(Category category, int page) {
    List<Article> all = category.articles();
    int count = PagedFeed.pageCount(all.size(), CATEGORY_PAGE_SIZE);
    if (page > count) {
      return Optional.empty();
    }
    int from = (page - 1) * CATEGORY_PAGE_SIZE;
    List<Article> shown = all.subList(from, Math.min(all.size(), from + CATEGORY_PAGE_SIZE));
    String url = links.url(new Route.CategoryPage(category.name(), page));
    String older = page < count ? links.url(new Route.CategoryPage(category.name(), page + 1)) : null;
    String title = category.name() + (page > 1 ? " (" + page + ")" : "") + " · " + site.title();
    return Optional.of(
        html(
            pages.category(
                new Pages.CategoryPage(frame(title, url, List.of(category.name())), category, shown, older))));
  }

  private Representation entryPage(Article article) {
    return html(
        pages.entry(
            new Pages.EntryPage(
                frame(article.title() + " · " + site.title(), links.entry(article.id()), article.categories()),
                article,
                bodies.body(article))));
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
