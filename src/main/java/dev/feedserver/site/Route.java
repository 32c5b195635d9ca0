package dev.feedserver.site;

import dev.feedserver.content.Topic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * What a URL names, independent of its spelling: the unit every layer works in. Each kind is
 * declared here once, whole: its path ({@link #path}), how it is read from a path ({@link
 * #PARSERS}) and from a query ({@link #withQuery}), whether it is prepared ahead ({@link #polled}),
 * how a static export writes it ({@link #export}), what a browser gets at its URL ({@link
 * #forBrowser}), and, through {@link Visitor}, what it shows: a new kind does not compile until
 * the renderer says how to select and render it.
 *
 * <p>Every request-chosen detail (a feed's {@code ?limit=}, an embed page's options, a browser's
 * preview) is part of the route, so a route names exactly one response. Topic names here are in
 * their comparison form ({@link Topic#key}).
 */
public sealed interface Route {
  /** The canonical server-relative path, without a query; a preview's is its feed's. */
  String path();

  /** The query of its URL beyond the defaults: empty, or {@code ?limit=N} and the like. */
  default String query() {
    return "";
  }

  /**
   * This route as a request's query completes it; the query parameters it does not read are
   * ignored.
   */
  default Route withQuery(Query query, int maxLimit) throws Query.BadParameter {
    return this;
  }

  /**
   * Whether readers poll it: rendered, hashed and compressed ahead, when a site is published, and
   * kept for the life of the site; everything else is prepared on first request and kept in a
   * bounded cache.
   */
  boolean polled();

  /** How a static copy of the site holds it. */
  Export export();

  /** What a browser gets at this URL when it asks for HTML: a feed's preview; for others, itself. */
  default Route forBrowser() {
    return this;
  }

  /** Whether the answer at this URL depends on the request's {@code Accept} (a feed and its preview). */
  default boolean variesByAccept() {
    return false;
  }

  /** Whether its path names it; a preview shares its feed's path and is reached by {@link #forBrowser}. */
  default boolean namedByPath() {
    return true;
  }

  /** Whether it is a feed document (WebSub pings name these). */
  default boolean isFeed() {
    return false;
  }

  <T> T accept(Visitor<T> visitor);

  /** What a route's kind renders: one method per kind, so a new kind must be handled to compile. */
  interface Visitor<T> {
    T index(Index route);

    T feed(Feed route);

    T preview(Preview route);

    T topicPage(TopicPage route);

    T entry(Entry route);

    T embed(Embed route);

    T opml(Opml route);

    T feedIndex(FeedIndex route);

    T asset(Asset route);

    T sourceFile(SourceFile route);

    T postFile(PostFile route);

    T image(Image route);
  }

  /** How a static export writes a route. */
  enum Export {
    /** Not exported: chosen by a request (a preview, a query). */
    NONE,
    /** A file at its path. */
    FILE,
    /** An HTML page: {@code index.html} in the folder its path names. */
    FOLDER
  }

  /**
   * Reads a path into a route, one kind after another; each gets a fresh reader. {@link Preview}
   * has no parser: it shares its feed's path and is chosen by {@link #forBrowser}.
   */
  List<Function<RoutePath.Reader, Optional<? extends Route>>> PARSERS =
      List.of(Index::parse, Asset::parse, Opml::parse, FeedIndex::parse, Entry::parse, Feed::parse,
          TopicPage::parse, Embed::parse, PostFile::parse, Image::parse, SourceFile::parse);

  /** The index page. */
  record Index() implements Route {
    static Optional<Index> parse(RoutePath.Reader path) {
      return path.end() ? Optional.of(new Index()) : Optional.empty();
    }

    @Override
    public String path() {
      return "/";
    }

    @Override
    public boolean polled() {
      return true;
    }

    @Override
    public Export export() {
      return Export.FOLDER;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.index(this);
    }
  }

  /**
   * Page {@code page} (from 1) of the site's feed ({@code scope} empty) or a topic's, at the page
   * size a reader chose ({@code limit}) or the default.
   */
  record Feed(Optional<Topic> scope, FeedFormat format, int page, OptionalInt limit) implements Route {
    public Feed {
      Objects.requireNonNull(scope);
      Objects.requireNonNull(format);
      Objects.requireNonNull(limit);
      if (page < 1) {
        throw new IllegalArgumentException("page " + page);
      }
    }

    /** The first page at the default size. */
    public Feed(Optional<Topic> scope, FeedFormat format) {
      this(scope, format, 1, OptionalInt.empty());
    }

    /** Another page of the same feed at the same size. */
    public Feed page(int n) {
      return new Feed(scope, format, n, limit);
    }

    static Optional<Feed> parse(RoutePath.Reader path) {
      Optional<Topic> scope = path.topic();
      OptionalInt page = path.page();
      Optional<FeedFormat> format = path.format();
      if (page.isEmpty() || format.isEmpty() || !path.end()) {
        return Optional.empty();
      }
      return Optional.of(new Feed(scope, format.get(), page.getAsInt(), OptionalInt.empty()));
    }

    @Override
    public String path() {
      return new RoutePath.Writer().scope(scope).page(page).word(format.fileName()).build();
    }

    @Override
    public String query() {
      return limit.isPresent() ? "?limit=" + limit.getAsInt() : "";
    }

    @Override
    public Route withQuery(Query query, int maxLimit) throws Query.BadParameter {
      return new Feed(scope, format, page, query.limit(maxLimit));
    }

    @Override
    public boolean polled() {
      return page == 1 && limit.isEmpty();
    }

    @Override
    public Export export() {
      return limit.isEmpty() ? Export.FILE : Export.NONE;
    }

    @Override
    public Route forBrowser() {
      return new Preview(this);
    }

    @Override
    public boolean variesByAccept() {
      return true;
    }

    @Override
    public boolean isFeed() {
      return true;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.feed(this);
    }
  }

  /**
   * The HTML page a browser gets at a feed's URL: the same page of the same feed, for people. Its
   * path is the feed's path; content negotiation picks it.
   */
  record Preview(Feed feed) implements Route {
    public Preview {
      Objects.requireNonNull(feed);
    }

    @Override
    public String path() {
      return feed.path();
    }

    @Override
    public String query() {
      return feed.query();
    }

    @Override
    public Route withQuery(Query query, int maxLimit) throws Query.BadParameter {
      return feed.withQuery(query, maxLimit).forBrowser();
    }

    @Override
    public boolean polled() {
      return feed.polled();
    }

    @Override
    public Export export() {
      return Export.NONE;
    }

    @Override
    public boolean variesByAccept() {
      return true;
    }

    @Override
    public boolean namedByPath() {
      return false;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.preview(this);
    }
  }

  /** Page {@code page} (from 1) of a topic's HTML listing: a category's, a tag's or an author's. */
  record TopicPage(Topic topic, int page) implements Route {
    public TopicPage {
      Objects.requireNonNull(topic);
      if (page < 1) {
        throw new IllegalArgumentException("page " + page);
      }
    }

    static Optional<TopicPage> parse(RoutePath.Reader path) {
      Optional<Topic> topic = path.topic();
      OptionalInt page = path.page();
      if (topic.isEmpty() || page.isEmpty() || !path.end()) {
        return Optional.empty();
      }
      return Optional.of(new TopicPage(topic.get(), page.getAsInt()));
    }

    @Override
    public String path() {
      return new RoutePath.Writer().topic(topic).page(page).build();
    }

    @Override
    public boolean polled() {
      return page == 1;
    }

    @Override
    public Export export() {
      return Export.FOLDER;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.topicPage(this);
    }
  }

  /** An entry's permalink page. */
  record Entry(String id) implements Route {
    static final String WORD = "entry";

    public Entry {
      Objects.requireNonNull(id);
    }

    static Optional<Entry> parse(RoutePath.Reader path) {
      if (!path.word(WORD)) {
        return Optional.empty();
      }
      Optional<String> id = path.name();
      return id.isPresent() && path.end() ? Optional.of(new Entry(id.get())) : Optional.empty();
    }

    @Override
    public String path() {
      return new RoutePath.Writer().word(WORD).name(id).build();
    }

    @Override
    public boolean polled() {
      return false;
    }

    @Override
    public Export export() {
      return Export.FOLDER;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.entry(this);
    }
  }

  /** A topic's widget page, made to sit in an {@code <iframe>}, with the options it shows. */
  record Embed(Topic topic, EmbedOptions options) implements Route {
    public Embed {
      Objects.requireNonNull(topic);
      Objects.requireNonNull(options);
    }

    static Optional<Embed> parse(RoutePath.Reader path) {
      Optional<Topic> topic = path.topic();
      if (topic.isEmpty() || !path.word(RoutePath.EMBED) || !path.end()) {
        return Optional.empty();
      }
      return Optional.of(new Embed(topic.get(), EmbedOptions.DEFAULT));
    }

    @Override
    public String path() {
      return new RoutePath.Writer().topic(topic).word(RoutePath.EMBED).build();
    }

    @Override
    public String query() {
      return options.isDefault() ? "" : "?limit=" + options.limit() + "&theme=" + options.theme().param();
    }

    @Override
    public Route withQuery(Query query, int maxLimit) throws Query.BadParameter {
      return new Embed(topic, query.embedOptions());
    }

    @Override
    public boolean polled() {
      return options.isDefault();
    }

    @Override
    public Export export() {
      return options.isDefault() ? Export.FOLDER : Export.NONE;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.embed(this);
    }
  }

  /** OPML subscription list of every topic's feed. */
  record Opml() implements Route {
    static final String FILE = "opml.xml";

    static Optional<Opml> parse(RoutePath.Reader path) {
      return path.word(FILE) && path.end() ? Optional.of(new Opml()) : Optional.empty();
    }

    @Override
    public String path() {
      return "/" + FILE;
    }

    @Override
    public boolean polled() {
      return true;
    }

    @Override
    public Export export() {
      return Export.FILE;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.opml(this);
    }
  }

  /** JSON index of every feed. */
  record FeedIndex() implements Route {
    static final String FILE = "feeds.json";

    static Optional<FeedIndex> parse(RoutePath.Reader path) {
      return path.word(FILE) && path.end() ? Optional.of(new FeedIndex()) : Optional.empty();
    }

    @Override
    public String path() {
      return "/" + FILE;
    }

    @Override
    public boolean polled() {
      return true;
    }

    @Override
    public Export export() {
      return Export.FILE;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.feedIndex(this);
    }
  }

  /** A constant file: the stylesheet or the embed script. */
  record Asset(AssetFile file) implements Route {
    public Asset {
      Objects.requireNonNull(file);
    }

    static Optional<Asset> parse(RoutePath.Reader path) {
      for (AssetFile file : AssetFile.values()) {
        if (path.word(file.fileName())) {
          return path.end() ? Optional.of(new Asset(file)) : Optional.empty();
        }
      }
      return Optional.empty();
    }

    @Override
    public String path() {
      return "/" + file.fileName();
    }

    @Override
    public boolean polled() {
      return true;
    }

    @Override
    public Export export() {
      return Export.FILE;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.asset(this);
    }
  }

  /**
   * A file of a Hexo site's {@code source/} folder (an image, a PDF, …) at its own path, as Hexo
   * publishes it: {@code /images/x.png} is {@code source/images/x.png}. Only the {@link FileType}s
   * are served; names starting with {@code .} or {@code _} are not (Hexo does not publish them).
   */
  record SourceFile(List<String> names) implements Route {
    public SourceFile {
      names = List.copyOf(names);
      if (!RoutePath.isFilePath(names)) {
        throw new IllegalArgumentException("not a served file: " + names);
      }
    }

    static Optional<SourceFile> parse(RoutePath.Reader path) {
      return path.filePath().map(SourceFile::new);
    }

    @Override
    public String path() {
      RoutePath.Writer writer = new RoutePath.Writer();
      names.forEach(writer::name);
      return writer.build();
    }

    @Override
    public boolean polled() {
      return false;
    }

    @Override
    public Export export() {
      return Export.FILE;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.sourceFile(this);
    }
  }

  /**
   * A file of a post's own folder below its entry's URL: {@code /entry/{id}/x.png} is {@code x.png}
   * in the post's asset folder (Hexo's {@code _posts/<post>/}), {@code /entry/{id}/<post>.assets/x.png}
   * is in the Typora-style folder beside the post. What a relative URL in the post's body reaches.
   */
  record PostFile(String id, List<String> names) implements Route {
    public PostFile {
      Objects.requireNonNull(id);
      names = List.copyOf(names);
      if (!RoutePath.isFilePath(names)) {
        throw new IllegalArgumentException("not a served file: " + names);
      }
    }

    /** Whether names can make a post file's route (a served type, no hidden or dot names). */
    public static boolean isServed(List<String> names) {
      return RoutePath.isFilePath(names);
    }

    static Optional<PostFile> parse(RoutePath.Reader path) {
      if (!path.word(Entry.WORD)) {
        return Optional.empty();
      }
      Optional<String> id = path.name();
      return id.flatMap(i -> path.filePath().map(file -> new PostFile(i, file)));
    }

    @Override
    public String path() {
      RoutePath.Writer writer = new RoutePath.Writer().word(Entry.WORD).name(id);
      names.forEach(writer::name);
      return writer.build();
    }

    @Override
    public boolean polled() {
      return false;
    }

    @Override
    public Export export() {
      return Export.FILE;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.postFile(this);
    }
  }

  /**
   * Another host's image as the image proxy serves it ({@code imageProxy: true}): {@code
   * /img/{signature}/{url}}, the URL as unpadded base64url of its UTF-8 bytes (no {@code /}, {@code
   * %} or {@code ?} for a proxy or CDN in front to decode or normalize), and the signature the
   * server's HMAC of it, so that the server fetches only URLs it wrote itself. The route does not
   * know the key: the web layer checks the signature ({@code 403} when it does not match). Not
   * polled, not exported (a static copy has no proxy and keeps the original URLs), and not one of
   * a site's listed routes: it names whatever image an article shows.
   *
   * <p>Its path never shadows a Hexo {@code source/img/} file: a file's name has an extension, and
   * a {@code .} is not base64url.
   */
  record Image(String signature, String url) implements Route {
    static final String WORD = "img";
    private static final java.util.regex.Pattern SIGNATURE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,86}");

    public Image {
      Objects.requireNonNull(signature);
      Objects.requireNonNull(url);
      if (!SIGNATURE.matcher(signature).matches()) {
        throw new IllegalArgumentException("not a signature: " + signature);
      }
      if (!isHttpUrl(url)) {
        throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
      }
    }

    /** Whether {@code url} is an absolute http(s) URL with a host: what the proxy may fetch. */
    public static boolean isHttpUrl(String url) {
      try {
        java.net.URI uri = new java.net.URI(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
      } catch (java.net.URISyntaxException e) {
        return false;
      }
    }

    static Optional<Image> parse(RoutePath.Reader path) {
      if (!path.word(WORD)) {
        return Optional.empty();
      }
      Optional<String> signature = path.name().filter(s -> SIGNATURE.matcher(s).matches());
      Optional<String> url = signature.flatMap(s -> path.name()).flatMap(Image::decode);
      return url.isPresent() && path.end() ? Optional.of(new Image(signature.get(), url.get())) : Optional.empty();
    }

    /** The URL in its path segment: unpadded base64url of its UTF-8 bytes. */
    static String encode(String url) {
      return java.util.Base64.getUrlEncoder().withoutPadding()
          .encodeToString(url.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A path segment back into a URL: only the one spelling {@link #encode} writes, only http(s). */
    private static Optional<String> decode(String segment) {
      try {
        byte[] bytes = java.util.Base64.getUrlDecoder().decode(segment);
        String url = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
            .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        return encode(url).equals(segment) && isHttpUrl(url) ? Optional.of(url) : Optional.empty();
      } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
        return Optional.empty();
      }
    }

    @Override
    public String path() {
      return new RoutePath.Writer().word(WORD).name(signature).name(encode(url)).build();
    }

    @Override
    public boolean polled() {
      return false;
    }

    @Override
    public Export export() {
      return Export.NONE;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.image(this);
    }
  }
}
