package dev.feedserver.render;

import dev.feedserver.content.Article;
import dev.feedserver.content.ArticleIndex;
import dev.feedserver.content.BodyStore;
import dev.feedserver.content.Category;
import dev.feedserver.site.EmbedOptions;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Links;
import dev.feedserver.site.Origins;
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
  private final ResponseHeaders headers;
  private final PreviewRenderer previews;
  private final StaticAssets assets;
  private final OpmlRenderer opml;
  private final FeedIndexRenderer feedIndex;

  /** @param embedders the origins allowed to frame the embed pages */
  public SiteRenderer(Site site, Links links, int feedSize, BodyStore bodies, Origins embedders) {
    this.site = site;
    this.links = links;
    this.feedSize = feedSize;
    this.bodies = bodies;
    this.feedRenderer = new FeedRenderer(site, links, bodies);
    this.pages = new PageRenderer();
    this.headers = new ResponseHeaders(links, embedders);
    this.previews = new PreviewRenderer(site, links, pages, headers, bodies);
    this.assets = StaticAssets.load();
    this.opml = new OpmlRenderer(site, links);
    this.feedIndex = new FeedIndexRenderer(site, links);
  }

  /**
   * The site of {@code index}; its polled responses render on first use: the index page, every
   * category page, feed and feed preview (what a browser gets at a feed's URL), each category's
   * default embed page, the OPML list, the feed index, the embed script and the stylesheet.
   */
  public RenderedSite render(ArticleIndex index) {
    java.util.Set<Route> polled = new java.util.HashSet<>();
    polled.add(new Route.Index());
    polled.add(new Route.Opml());
    polled.add(new Route.FeedIndex());
    polled.add(new Route.EmbedScript());
    polled.add(new Route.Stylesheet());
    List<Optional<String>> feeds = new java.util.ArrayList<>();
    feeds.add(Optional.empty());
    index.categories().forEach(c -> feeds.add(Optional.of(c.name())));
    for (Optional<String> category : feeds) {
      for (FeedFormat format : FeedFormat.values()) {
        Route.Feed feed = new Route.Feed(category, format, 1);
        polled.add(feed);
        polled.add(new Route.Preview(feed));
      }
      category.ifPresent(name -> {
        polled.add(new Route.CategoryPage(name, 1));
        polled.add(new Route.Embed(name, EmbedOptions.DEFAULT));
      });
    }
    Pages.Frame notFoundFrame = frame("Not found · " + site.title(), null, List.of());
    Representation notFound =
        html(pages.notFound(new Pages.NotFoundPage(notFoundFrame, "There is no category or entry at this address.")),
            notFoundFrame);
    return new RenderedSite(polled, this, index, notFound);
  }

  /** The canonical path of a route. */
  String path(Route route) {
    return links.path(route);
  }

  /**
   * Every route of {@code index} that has a plain path, at the default page size: what a static
   * copy of the site holds. Feed previews share their feed's path and other embed options are
   * queries, so neither is here.
   */
  java.util.stream.Stream<Route> routes(ArticleIndex index) {
    java.util.stream.Stream.Builder<Route> out = java.util.stream.Stream.builder();
    out.add(new Route.Index());
    out.add(new Route.Opml());
    out.add(new Route.FeedIndex());
    out.add(new Route.EmbedScript());
    out.add(new Route.Stylesheet());
    feedRoutes(Optional.empty(), index.newestFirst().size(), out);
    for (Category category : index.categories()) {
      int pages = PagedFeed.pageCount(category.articles().size(), CATEGORY_PAGE_SIZE);
      for (int page = 1; page <= pages; page++) {
        out.add(new Route.CategoryPage(category.name(), page));
      }
      out.add(new Route.Embed(category.name(), EmbedOptions.DEFAULT));
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

  /**
   * Renders one route now; empty when it names nothing in {@code index}. {@code limit} is the page
   * size of a feed or its preview; other routes ignore it.
   */
  Optional<Representation> render(ArticleIndex index, Route route, OptionalInt limit) {
    if (route instanceof Route.Index) {
      return Optional.of(index(index));
    }
    if (route instanceof Route.Feed feed) {
      return document(index, feed, limit)
          .map(doc -> crossOrigin(feed.format().contentType(), feedRenderer.render(doc, feed.format())));
    }
    if (route instanceof Route.Preview preview) {
      return document(index, preview.feed(), limit).map(doc -> previews.render(doc, preview.feed().format()));
    }
    if (route instanceof Route.CategoryPage page) {
      return index.category(page.name()).flatMap(c -> categoryPage(c, page.page()));
    }
    if (route instanceof Route.Entry entry) {
      return index.article(entry.id()).map(this::entryPage);
    }
    if (route instanceof Route.Embed embed) {
      return index.category(embed.category()).map(c -> embedPage(c, embed.options()));
    }
    if (route instanceof Route.Opml) {
      return Optional.of(crossOrigin(OpmlRenderer.MEDIA_TYPE, opml.render(index.categories())));
    }
    if (route instanceof Route.FeedIndex) {
      return Optional.of(crossOrigin(FeedIndexRenderer.MEDIA_TYPE, feedIndex.render(index)));
    }
    if (route instanceof Route.EmbedScript) {
      return Optional.of(crossOrigin(StaticAssets.JAVASCRIPT, assets.embedScript()));
    }
    if (route instanceof Route.Stylesheet) {
      return Optional.of(new Representation(StaticAssets.CSS, assets.stylesheet()));
    }
    return Optional.empty();
  }

  /**
   * Everything a polled route's bytes depend on besides the configuration, which is fixed for the
   * life of the process: equal inputs, equal bytes. Articles carry a fingerprint of their file's
   * bytes, so an edited article is a different input. A reload uses this to keep every response
   * whose inputs did not change without rendering it again.
   */
  Object inputs(ArticleIndex index, Route route) {
    if (route instanceof Route.Preview preview) {
      return List.of("preview", inputs(index, preview.feed()));
    }
    if (route instanceof Route.Feed feed) {
      List<Article> entries =
          feed.category().isEmpty()
              ? index.newestFirst()
              : index.category(feed.category().get()).map(Category::articles).orElse(List.of());
      int size = entries.size();
      int from = Math.min(size, (feed.page() - 1) * feedSize);
      return List.of(route, List.copyOf(entries.subList(from, Math.min(size, from + feedSize))),
          PagedFeed.pageCount(size, feedSize));
    }
    if (route instanceof Route.CategoryPage page) {
      List<Article> all = index.category(page.name()).map(Category::articles).orElse(List.of());
      int from = Math.min(all.size(), (page.page() - 1) * CATEGORY_PAGE_SIZE);
      return List.of(route, List.copyOf(all.subList(from, Math.min(all.size(), from + CATEGORY_PAGE_SIZE))),
          all.size());
    }
    if (route instanceof Route.Embed embed) {
      List<Article> all = index.category(embed.category()).map(Category::articles).orElse(List.of());
      return List.of(route, List.copyOf(all.subList(0, Math.min(embed.options().limit(), all.size()))));
    }
    if (route instanceof Route.Index || route instanceof Route.FeedIndex || route instanceof Route.Opml) {
      // category names and sizes, and the newest entries (the index lists them; the feed index
      // names the newest date of each feed)
      List<Object> categories = new java.util.ArrayList<>();
      for (Category category : index.categories()) {
        categories.add(List.of(category.name(), category.articles().size(), category.articles().get(0)));
      }
      return List.of(route, categories, List.copyOf(head(index.newestFirst())));
    }
    return route; // constant resources (script, stylesheet)
  }

  /** The page of the site's or a category's feed a feed route names, at a page size. */
  private Optional<FeedDocument> document(ArticleIndex index, Route.Feed feed, OptionalInt limit) {
    Optional<List<Article>> entries =
        feed.category().isEmpty()
            ? Optional.of(index.newestFirst())
            : index.category(feed.category().get()).map(Category::articles);
    return entries.flatMap(list -> PagedFeed.page(feed.category(), list, feed.page(), feedSize, limit));
  }

  private Representation index(ArticleIndex index) {
    Pages.Frame frame = frame(site.title(), links.index(), List.of());
    return html(pages.index(new Pages.IndexPage(frame, index.categories(), head(index.newestFirst()))), frame);
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
    Pages.Frame frame = frame(title, url, List.of(category.name()));
    EmbedSnippets embed = EmbedSnippets.of(links, category.name(), site.title());
    return Optional.of(html(pages.category(new Pages.CategoryPage(frame, category, shown, older, embed)), frame));
  }

  private Representation entryPage(Article article) {
    Pages.Frame frame =
        frame(article.title() + " · " + site.title(), links.entry(article.id()), article.categories());
    return html(pages.entry(new Pages.EntryPage(frame, article, bodies.body(article))), frame);
  }

  /** A category's embed page with its latest {@code options.limit()} entries. */
  private Representation embedPage(Category category, EmbedOptions options) {
    Pages.Frame frame =
        frame(category.name() + " · " + site.title(), links.category(category.name()), List.of(category.name()));
    List<Article> entries = category.articles().subList(0, Math.min(options.limit(), category.articles().size()));
    return new Representation(
        Representation.HTML,
        pages.embed(new Pages.EmbedPage(frame, category, entries, options, assets.embedStyleElement())),
        true,
        headers.embed(assets.embedStyleHash()));
  }

  private Pages.Frame frame(String title, String canonical, List<String> categories) {
    return new Pages.Frame(site, links, title, canonical, Pages.feeds(site, links, categories));
  }

  private List<Article> head(List<Article> articles) {
    return articles.subList(0, Math.min(feedSize, articles.size()));
  }

  /** What other sites may read from scripts (CORS): feeds, OPML, the feed index, the embed script. */
  private static Representation crossOrigin(String contentType, byte[] body) {
    return new Representation(contentType, body, true, List.of());
  }

  /** A page: same-origin, with the page's security headers and its feeds as {@code Link}. */
  private Representation html(byte[] body, Pages.Frame frame) {
    return new Representation(Representation.HTML, body, false, headers.page(frame.feeds()));
  }
}
