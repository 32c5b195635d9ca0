package dev.feedserver.render;

import dev.feedserver.content.Article;
import dev.feedserver.content.ArticleIndex;
import dev.feedserver.content.BodyStore;
import dev.feedserver.content.SafeHtml;
import dev.feedserver.content.SiteFiles;
import dev.feedserver.content.Taxonomy;
import dev.feedserver.content.Topic;
import dev.feedserver.content.TopicEntries;
import dev.feedserver.site.AssetFile;
import dev.feedserver.site.EmbedOptions;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.FileType;
import dev.feedserver.site.Links;
import dev.feedserver.site.Origins;
import dev.feedserver.site.Route;
import dev.feedserver.site.Site;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Turns routes into responses in two steps: {@link #select} picks what a route shows from an
 * {@link ArticleIndex} (a {@link View}), and {@link #render} writes a view's bytes. {@link #routes}
 * lists every route a site has.
 */
public final class SiteRenderer {
  /** Entries listed on one topic page. */
  public static final int TOPIC_PAGE_SIZE = 100;

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
  private final Representation notFound;
  private final SiteFiles files;
  private final ImageUrls images;

  /**
   * @param embedders the origins allowed to frame the embed pages
   * @param files the files served as they are (a Hexo site's {@code source/}, posts' asset folders)
   * @param excerptsInFeeds whether feed items carry excerpts ({@code feedContent: excerpt})
   * @param images how image URLs are written: {@link ImageUrls#ORIGINAL}, or through the image proxy
   */
  public SiteRenderer(Site site, Links links, int feedSize, BodyStore bodies, Origins embedders, SiteFiles files,
      boolean excerptsInFeeds, ImageUrls images) {
    this.site = site;
    this.images = images;
    this.files = files;
    this.links = links;
    this.feedSize = feedSize;
    this.bodies = bodies;
    this.feedRenderer = new FeedRenderer(site, links, bodies, excerptsInFeeds, images);
    this.pages = new PageRenderer();
    this.headers = new ResponseHeaders(links, embedders);
    this.previews = new PreviewRenderer(site, links, pages, headers, bodies);
    this.assets = StaticAssets.load();
    this.opml = new OpmlRenderer(site, links);
    this.feedIndex = new FeedIndexRenderer(site, links);
    Pages.Frame frame = frame("Not found · " + site.title(), null, List.of());
    this.notFound =
        html(pages.notFound(new Pages.NotFoundPage(frame, "There is no topic or entry at this address.")), frame);
  }

  // ---- routes ----

  /**
   * Every route of {@code index} at its default options: the constant ones, each feed's every page
   * in every format with its first page's preview, each topic's pages and embed page, and every
   * entry. The polled ones ({@link Route#polled}) are what a site prepares ahead; the exported ones
   * ({@link Route#export}) what a static copy holds.
   */
  public Stream<Route> routes(ArticleIndex index) {
    Stream.Builder<Route> out = Stream.builder();
    out.add(new Route.Index());
    out.add(new Route.Opml());
    out.add(new Route.FeedIndex());
    for (AssetFile file : AssetFile.values()) {
      out.add(new Route.Asset(file));
    }
    feedRoutes(Optional.empty(), index.newestFirst().size(), out);
    for (Taxonomy taxonomy : Taxonomy.values()) {
      for (TopicEntries topic : index.topics(taxonomy)) {
        int pages = FeedDocument.pageCount(topic.articles().size(), TOPIC_PAGE_SIZE);
        for (int page = 1; page <= pages; page++) {
          out.add(new Route.TopicPage(topic.topic(), page));
        }
        out.add(new Route.Embed(topic.topic(), EmbedOptions.DEFAULT));
        feedRoutes(Optional.of(topic.topic()), topic.articles().size(), out);
      }
    }
    index.newestFirst().forEach(article -> out.add(new Route.Entry(article.id())));
    return out.build();
  }

  /**
   * The routes of the files served as they are: every file of a Hexo site's {@code source/} and of
   * each post's own folders. Walks the folders: for a static copy, not for every publication.
   */
  public Stream<Route> fileRoutes(ArticleIndex index) {
    Stream.Builder<Route> out = Stream.builder();
    java.util.function.Predicate<String> served = name -> FileType.of(name).isPresent();
    files.sourceFiles(served).forEach(names -> out.add(new Route.SourceFile(names)));
    for (Article article : index.newestFirst()) {
      files.postFiles(article, served).forEach(names -> out.add(new Route.PostFile(article.id(), names)));
    }
    return out.build();
  }

  private void feedRoutes(Optional<Topic> scope, int entries, Stream.Builder<Route> out) {
    int pages = FeedDocument.pageCount(entries, feedSize);
    for (FeedFormat format : FeedFormat.values()) {
      Route.Feed first = new Route.Feed(scope, format);
      out.add(first);
      out.add(first.forBrowser());
      for (int page = 2; page <= pages; page++) {
        out.add(first.page(page));
      }
    }
  }

  // ---- selecting ----

  /** What a route shows in {@code index}; empty when it names nothing there (an unknown topic or entry, a page past the last). */
  public Optional<View> select(ArticleIndex index, Route route) {
    return route.accept(new Selection(index));
  }

  /** The one place that says which entries and topics each kind of route shows. */
  private final class Selection implements Route.Visitor<Optional<View>> {
    private final ArticleIndex index;

    Selection(ArticleIndex index) {
      this.index = index;
    }

    @Override
    public Optional<View> index(Route.Index route) {
      List<View.TopicGroup> groups = new ArrayList<>();
      for (Taxonomy taxonomy : Taxonomy.values()) {
        List<View.FeedSummary> topics = index.topics(taxonomy).stream().map(SiteRenderer::summary).toList();
        if (taxonomy == Taxonomy.TAG) { // the most used first; ties in name order
          topics = topics.stream().sorted(Comparator.comparingInt(View.FeedSummary::count).reversed()).toList();
        }
        groups.add(new View.TopicGroup(taxonomy, topics));
      }
      return Optional.of(new View.IndexView(groups, head(index.newestFirst())));
    }

    @Override
    public Optional<View> feed(Route.Feed route) {
      return document(route).map(doc -> new View.FeedView(doc, route.format()));
    }

    @Override
    public Optional<View> preview(Route.Preview route) {
      return document(route.feed()).map(doc -> new View.PreviewView(doc, route.feed().format()));
    }

    private Optional<FeedDocument> document(Route.Feed route) {
      Optional<List<Article>> entries =
          route.scope().isEmpty()
              ? Optional.of(index.newestFirst())
              : index.topic(route.scope().get()).map(TopicEntries::articles);
      int size = route.limit().orElse(feedSize);
      return entries.flatMap(all -> FeedDocument.slice(all, route.page(), size)
          .map(page -> new FeedDocument(route.scope(), page, route.page(),
              FeedDocument.pageCount(all.size(), size), route.limit())));
    }

    @Override
    public Optional<View> topicPage(Route.TopicPage route) {
      return index.topic(route.topic()).flatMap(topic -> FeedDocument.slice(topic.articles(), route.page(), TOPIC_PAGE_SIZE)
          .map(shown -> new View.TopicPageView(summary(topic), shown, route.page(),
              FeedDocument.pageCount(topic.articles().size(), TOPIC_PAGE_SIZE), topic.topic().parent(),
              index.children(topic.topic()).stream()
                  .map(child -> summary(index.topic(child).orElseThrow()))
                  .toList())));
    }

    @Override
    public Optional<View> entry(Route.Entry route) {
      return index.article(route.id())
          .map(article -> new View.EntryView(article, index.categoryTree()));
    }

    @Override
    public Optional<View> embed(Route.Embed route) {
      return index.topic(route.topic())
          .map(topic -> new View.EmbedView(topic.topic(),
              topic.articles().subList(0, Math.min(route.options().limit(), topic.articles().size())),
              route.options()));
    }

    @Override
    public Optional<View> opml(Route.Opml route) {
      List<Topic> topics = new ArrayList<>();
      for (Taxonomy taxonomy : Taxonomy.values()) {
        index.topics(taxonomy).forEach(t -> topics.add(t.topic()));
      }
      return Optional.of(new View.OpmlView(topics));
    }

    @Override
    public Optional<View> feedIndex(Route.FeedIndex route) {
      List<View.TopicGroup> groups = new ArrayList<>();
      for (Taxonomy taxonomy : Taxonomy.values()) {
        groups.add(new View.TopicGroup(taxonomy, index.topics(taxonomy).stream().map(SiteRenderer::summary).toList()));
      }
      List<Article> all = index.newestFirst();
      View.FeedSummary site =
          new View.FeedSummary(Optional.empty(), all.size(), all.stream().findFirst().map(Article::published));
      return Optional.of(new View.FeedIndexView(site, groups));
    }

    @Override
    public Optional<View> asset(Route.Asset route) {
      return Optional.of(new View.AssetView(route.file()));
    }

    @Override
    public Optional<View> sourceFile(Route.SourceFile route) {
      return files.sourceFile(route.names()).map(found -> fileView(found, route.names()));
    }

    /**
     * Nothing: another host's image is not the site's to render. The web layer's image proxy
     * answers these routes itself (fetching, checking and caching the bytes), or 404 when it is off.
     */
    @Override
    public Optional<View> image(Route.Image route) {
      return Optional.empty();
    }

    @Override
    public Optional<View> postFile(Route.PostFile route) {
      return index.article(route.id())
          .flatMap(article -> files.postFile(article, route.names()))
          .map(found -> fileView(found, route.names()));
    }
  }

  private static View fileView(SiteFiles.Found found, List<String> names) {
    return new View.FileView(found, FileType.of(names.get(names.size() - 1)).orElseThrow());
  }

  private static View.FeedSummary summary(TopicEntries topic) {
    return new View.FeedSummary(Optional.of(topic.topic()), topic.articles().size(),
        Optional.of(topic.newest().published()));
  }

  private List<Article> head(List<Article> articles) {
    return List.copyOf(articles.subList(0, Math.min(feedSize, articles.size())));
  }

  // ---- rendering ----

  /** A view's bytes and the headers that belong to them. */
  public Representation render(View view) {
    return view.render(this);
  }

  /** The 404 page. */
  public Representation notFound() {
    return notFound;
  }

  Representation index(View.IndexView view) {
    Pages.Frame frame = frame(site.title(), links.index(), List.of());
    return html(pages.index(new Pages.IndexPage(frame, view.groups(), view.latest())), frame);
  }

  Representation feed(View.FeedView view) {
    return crossOrigin(view.format().contentType(), feedRenderer.render(view.feed(), view.format()));
  }

  Representation preview(View.PreviewView view) {
    return previews.render(view.feed(), view.format());
  }

  Representation topicPage(View.TopicPageView view) {
    Topic topic = view.subject();
    String url = links.url(new Route.TopicPage(topic, view.page()));
    String older = view.page() < view.pageCount() ? links.url(new Route.TopicPage(topic, view.page() + 1)) : null;
    String title = Pages.label(topic) + (view.page() > 1 ? " (" + view.page() + ")" : "") + " · " + site.title();
    Pages.Frame frame = frame(title, url, List.of(topic));
    EmbedSnippets embed = EmbedSnippets.of(links, topic, Pages.label(topic) + " · " + site.title());
    return html(pages.topic(new Pages.TopicPage(frame, view, older, embed)), frame);
  }

  Representation entry(View.EntryView view) {
    Article article = view.article();
    Pages.Frame frame = frame(article.title() + " · " + site.title(), links.entry(article.id()), view.topics());
    // the page's body: image URLs written for this site, headings below the page's own h1
    SafeHtml body = PageBody.of(new SafeHtml(images.html(bodies.body(article).html().html())));
    return html(pages.entry(new Pages.EntryPage(frame, view, body)), frame);
  }

  Representation embed(View.EmbedView view) {
    Topic topic = view.topic();
    Pages.Frame frame = frame(Pages.label(topic) + " · " + site.title(), links.topic(topic), List.of(topic));
    return new Representation(
        Representation.HTML,
        pages.embed(new Pages.EmbedPage(frame, topic, view.entries(), view.options(), assets.embedStyleElement(),
            images)),
        true,
        headers.embed(assets.embedStyleHash()));
  }

  Representation opml(View.OpmlView view) {
    return crossOrigin(OpmlRenderer.MEDIA_TYPE, opml.render(view.topics()));
  }

  Representation feedIndex(View.FeedIndexView view) {
    return crossOrigin(FeedIndexRenderer.MEDIA_TYPE, feedIndex.render(view));
  }

  /** A file as it is; an SVG is sandboxed (no script runs in it, even opened on its own). */
  Representation file(View.FileView view) {
    byte[] bytes;
    try {
      bytes = files.read(view.file());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("changed while being served: " + view.file().file().getFileName(), e);
    }
    List<Representation.Header> headers = view.type().scriptable()
        ? List.of(new Representation.Header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'"))
        : List.of();
    return new Representation(view.type().mediaType(), bytes, false, headers);
  }

  Representation asset(View.AssetView view) {
    return switch (view.file()) {
      case EMBED_SCRIPT -> crossOrigin(StaticAssets.JAVASCRIPT, assets.embedScript());
      case STYLESHEET -> new Representation(StaticAssets.CSS, assets.stylesheet());
    };
  }

  private Pages.Frame frame(String title, String canonical, List<Topic> topics) {
    return new Pages.Frame(site, links, title, canonical, Pages.feeds(site, links, topics));
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
