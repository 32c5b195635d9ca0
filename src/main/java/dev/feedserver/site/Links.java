package dev.feedserver.site;

import dev.feedserver.content.Category;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The only place a URL, a route or an entry id is built, and the only place request paths are
 * read back into {@link Route}s.
 *
 * <p>URL scheme (paths relative to the base URL):
 *
 * <pre>
 *   /                                        index: categories with counts, latest entries
 *   /rss.xml  /atom.xml  /feed.json          whole-site feeds
 *   /page/{n}/rss.xml ...                    their older pages (n &ge; 2)
 *   /category/{name}                         category page (its latest entries)
 *   /category/{name}/page/{n}                its older entries
 *   /category/{name}/rss.xml ...             category feeds
 *   /category/{name}/page/{n}/rss.xml ...    their older pages
 *   /entry/{id}                              permalink page
 *   /category/{name}/embed                   widget page for an iframe (?limit=N&amp;theme=T)
 *   /embed.js                                widget script (renders a category's JSON Feed)
 *   /opml.xml                                OPML 2.0 of every category feed
 *   /feeds.json                              JSON index of every feed
 *   /style.css                               the pages' stylesheet
 * </pre>
 *
 * A feed's browser preview ({@link Route.Preview}) has the feed's own URL.
 *
 * Names and ids are percent-encoded as UTF-8, every byte outside RFC 3986's unreserved set encoded
 * (so {@code /}, {@code ?}, {@code #}, {@code +} and spaces stay inside their segment); a name that
 * is exactly {@code .} or {@code ..} is written {@code %2E} or {@code %2E%2E} in paths. Pages are
 * paths, not query strings, so an exported copy of the site works on any static host; the only
 * queries are a feed's {@code ?limit=} and an embed page's options. Entry ids
 * are {@code tag:} URIs built from the configured authority and the article id, independent of the
 * base URL, its scheme and the article's categories.
 */
public final class Links {
  private static final String CATEGORY = "category";
  private static final String ENTRY = "entry";
  private static final String PAGE = "page";
  private static final String EMBED = "embed";
  private static final String STYLESHEET = "style.css";
  private static final String EMBED_SCRIPT = "embed.js";
  private static final String OPML = "opml.xml";
  private static final String FEED_INDEX = "feeds.json";

  private final URI base;
  private final String idAuthority;

  /**
   * @param baseUrl absolute base URL ending in {@code /}
   * @param idAuthority tagging entity of entry ids, e.g. {@code example.org,2026}
   */
  public Links(URI baseUrl, String idAuthority) {
    this.base = Objects.requireNonNull(baseUrl);
    this.idAuthority = Objects.requireNonNull(idAuthority);
  }

  // ---- server-relative paths ----

  /**
   * The canonical server-relative path of a route, without a query: an embed page's path is the
   * same for every option, and a preview's is its feed's.
   */
  public String path(Route route) {
    if (route instanceof Route.Index) {
      return "/";
    }
    if (route instanceof Route.Preview preview) {
      return path(preview.feed());
    }
    if (route instanceof Route.Feed feed) {
      String prefix = feed.category().map(c -> "/" + CATEGORY + "/" + segment(c)).orElse("");
      String page = feed.page() > 1 ? "/" + PAGE + "/" + feed.page() : "";
      return prefix + page + "/" + feed.format().fileName();
    }
    if (route instanceof Route.CategoryPage category) {
      String page = category.page() > 1 ? "/" + PAGE + "/" + category.page() : "";
      return "/" + CATEGORY + "/" + segment(category.name()) + page;
    }
    if (route instanceof Route.Entry entry) {
      return "/" + ENTRY + "/" + segment(entry.id());
    }
    if (route instanceof Route.Embed embed) {
      return "/" + CATEGORY + "/" + segment(embed.category()) + "/" + EMBED;
    }
    if (route instanceof Route.EmbedScript) {
      return "/" + EMBED_SCRIPT;
    }
    if (route instanceof Route.Opml) {
      return "/" + OPML;
    }
    if (route instanceof Route.FeedIndex) {
      return "/" + FEED_INDEX;
    }
    if (route instanceof Route.Stylesheet) {
      return "/" + STYLESHEET;
    }
    throw new IllegalArgumentException(String.valueOf(route));
  }

  public String indexPath() {
    return path(new Route.Index());
  }

  public String siteFeedPath(FeedFormat format) {
    return path(new Route.Feed(Optional.empty(), format, 1));
  }

  public String categoryPath(String name) {
    return path(new Route.CategoryPage(name, 1));
  }

  public String categoryFeedPath(String name, FeedFormat format) {
    return path(new Route.Feed(Optional.of(name), format, 1));
  }

  /** The site's feed ({@code category} empty) or a category's. */
  public String feedPath(Optional<String> category, FeedFormat format) {
    return path(new Route.Feed(category, format, 1));
  }

  public String entryPath(String id) {
    return path(new Route.Entry(id));
  }

  // ---- absolute URLs (what pages and feeds link to) ----

  /** The absolute URL of a server-relative path built above. */
  public String absolute(String path) {
    String b = base.toString();
    return b.substring(0, b.length() - 1) + path;
  }

  /**
   * The absolute URL of a route; an embed page's options other than the defaults are its query
   * ({@code ?limit=N&theme=T}).
   */
  public String url(Route route) {
    String url = absolute(path(route));
    if (route instanceof Route.Embed embed && !embed.options().isDefault()) {
      return url + "?limit=" + embed.options().limit() + "&theme=" + embed.options().theme().param();
    }
    return url;
  }

  /** The origin ({@code scheme://host[:port]}) of the base URL, for Content-Security-Policy. */
  public String origin() {
    return base.getScheme() + "://" + base.getRawAuthority();
  }

  public String index() {
    return absolute(indexPath());
  }

  public String siteFeed(FeedFormat format) {
    return absolute(siteFeedPath(format));
  }

  public String category(String name) {
    return absolute(categoryPath(name));
  }

  public String categoryFeed(String name, FeedFormat format) {
    return absolute(categoryFeedPath(name, format));
  }

  /**
   * The absolute URL of one page of a feed (RFC 5005 paging), with {@code ?limit=N} when the reader
   * chose the page size.
   */
  public String feedPage(Optional<String> category, FeedFormat format, int page, OptionalInt limit) {
    String url = url(new Route.Feed(category, format, page));
    return limit.isPresent() ? url + "?limit=" + limit.getAsInt() : url;
  }

  public String entry(String id) {
    return absolute(entryPath(id));
  }

  /** A category's embed page at its default options. */
  public String embed(String name) {
    return url(new Route.Embed(name, EmbedOptions.DEFAULT));
  }

  public String embed(String name, EmbedOptions options) {
    return url(new Route.Embed(name, options));
  }

  public String embedScript() {
    return url(new Route.EmbedScript());
  }

  public String opml() {
    return url(new Route.Opml());
  }

  public String feedIndex() {
    return url(new Route.FeedIndex());
  }

  public String stylesheet() {
    return url(new Route.Stylesheet());
  }

  /** The entry's permanent id: {@code tag:<authority>:<percent-encoded article id>}. */
  public String entryTag(String id) {
    return "tag:" + idAuthority + ":" + encode(id);
  }

  /** The permanent id of a feed (Atom {@code feed/id}): {@code tag:<authority>:feed/<...>}. */
  public String feedTag(Optional<String> category) {
    return "tag:" + idAuthority + ":feed" + category.map(c -> "/category/" + encode(c)).orElse("");
  }

  // ---- reading requests ----

  /**
   * The route a request's raw (still percent-encoded) path names: names and ids are decoded (escaped
   * or raw UTF-8 alike), category names normalized as categories are compared, one trailing slash
   * ignored. Empty when the path names nothing this scheme has. An embed page comes back with the
   * default options (its query is read by the web layer); a feed's path names the feed, never its
   * preview.
   */
  public Optional<Route> route(String rawPath) {
    String path =
        rawPath.endsWith("/") && rawPath.length() > 1 ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    if (path.equals("/") || path.isEmpty()) {
      return Optional.of(new Route.Index());
    }
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    String[] s = path.substring(1).split("/", -1);
    if (s.length == 1) {
      switch (s[0]) {
        case EMBED_SCRIPT:
          return Optional.of(new Route.EmbedScript());
        case OPML:
          return Optional.of(new Route.Opml());
        case FEED_INDEX:
          return Optional.of(new Route.FeedIndex());
        case STYLESHEET:
          return Optional.of(new Route.Stylesheet());
        default:
          break;
      }
    }
    if (s.length == 2 && s[0].equals(ENTRY)) {
      return PercentEncoding.decodePathSegment(s[1]).filter(id -> !id.isEmpty()).map(Route.Entry::new);
    }
    Optional<String> category = Optional.empty();
    int at = 0;
    if (s[0].equals(CATEGORY)) {
      if (s.length < 2) {
        return Optional.empty();
      }
      category = PercentEncoding.decodePathSegment(s[1]).map(Category::key).filter(n -> !n.isEmpty());
      if (category.isEmpty()) {
        return Optional.empty();
      }
      at = 2;
    }
    int page = 1;
    if (s.length >= at + 2 && s[at].equals(PAGE)) {
      OptionalInt n = pageNumber(s[at + 1]);
      if (n.isEmpty()) {
        return Optional.empty();
      }
      page = n.getAsInt();
      at += 2;
    }
    if (s.length == at && category.isPresent()) {
      return Optional.of(new Route.CategoryPage(category.get(), page));
    }
    if (s.length == at + 1 && category.isPresent() && page == 1 && s[at].equals(EMBED)) {
      return Optional.of(new Route.Embed(category.get(), EmbedOptions.DEFAULT));
    }
    if (s.length == at + 1) {
      Optional<String> c = category;
      int p = page;
      return format(s[at]).map(f -> new Route.Feed(c, f, p));
    }
    return Optional.empty();
  }

  /** A page number as written in canonical paths: 2 or more, no sign, no leading zero. */
  private static OptionalInt pageNumber(String segment) {
    if (segment.isEmpty() || segment.length() > 9 || segment.charAt(0) == '0'
        || !segment.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalInt.empty();
    }
    int n = Integer.parseInt(segment);
    return n >= 2 ? OptionalInt.of(n) : OptionalInt.empty();
  }

  /** The format whose file name is {@code fileName}, if any. */
  static Optional<FeedFormat> format(String fileName) {
    for (FeedFormat f : FeedFormat.values()) {
      if (f.fileName().equals(fileName)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * One path segment: {@link #encode}d, except that a name that is exactly {@code .} or {@code ..}
   * is written {@code %2E} or {@code %2E%2E}: as a raw dot-segment every client would resolve it
   * away (RFC 3986 section 5.2.4) before the request is sent. {@link #route} reads both back.
   * (Entry and feed ids are opaque {@code tag:} URIs, never resolved: they keep {@link #encode}, so
   * no id already published changes.)
   */
  static String segment(String name) {
    if (name.equals(".") || name.equals("..")) {
      return "%2E".repeat(name.length());
    }
    return encode(name);
  }

  /** Percent-encodes UTF-8 bytes outside RFC 3986's unreserved characters. */
  static String encode(String segment) {
    return PercentEncoding.encode(segment);
  }

}
