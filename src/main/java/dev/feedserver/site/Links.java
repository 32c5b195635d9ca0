package dev.feedserver.site;

import dev.feedserver.content.Taxonomy;
import dev.feedserver.content.Topic;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The only place a URL or an entry id is built, and the only place request paths are read back
 * into {@link Route}s. The paths themselves are declared by the route kinds ({@link Route#path},
 * {@link Route#PARSERS}) in {@link RoutePath}'s grammar.
 *
 * <p>URL scheme (paths relative to the base URL; {@code {topic}} is {@code category/{name}} (in a
 * category tree {@code category/{name}/{child}/…}), {@code tag/{name}} or {@code author/{name}}):
 *
 * <pre>
 *   /                                        index: topics with counts, latest entries
 *   /rss.xml  /atom.xml  /feed.json          whole-site feeds
 *   /page/{n}/rss.xml ...                    their older pages (n &ge; 2)
 *   /{topic}                                 topic page (its latest entries)
 *   /{topic}/page/{n}                        its older entries
 *   /{topic}/rss.xml ...                     topic feeds
 *   /{topic}/page/{n}/rss.xml ...            their older pages
 *   /{topic}/embed                           widget page for an iframe (?limit=N&amp;theme=T)
 *   /entry/{id}                              permalink page
 *   /embed.js                                widget script (renders a topic's JSON Feed)
 *   /opml.xml                                OPML 2.0 of every topic feed
 *   /feeds.json                              JSON index of every feed
 *   /style.css                               the pages' stylesheet
 * </pre>
 *
 * A feed's browser preview ({@link Route.Preview}) has the feed's own URL. Pages are paths, not
 * query strings, so an exported copy of the site works on any static host; the only queries are a
 * feed's {@code ?limit=} and an embed page's options. Entry ids are {@code tag:} URIs built from
 * the configured authority and the article id, independent of the base URL, its scheme and the
 * article's topics.
 */
public final class Links {
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

  /** The canonical server-relative path of a route, without a query. */
  public String path(Route route) {
    return route.path();
  }

  /** The absolute URL of a server-relative path. */
  public String absolute(String path) {
    String b = base.toString();
    return b.substring(0, b.length() - 1) + path;
  }

  /** The absolute URL of a route, with its query when it has one (a feed's page size, embed options). */
  public String url(Route route) {
    return absolute(route.path()) + route.query();
  }

  /** The origin ({@code scheme://host[:port]}) of the base URL, for Content-Security-Policy. */
  public String origin() {
    return base.getScheme() + "://" + base.getRawAuthority();
  }

  public String index() {
    return url(new Route.Index());
  }

  /** The first page of the site's feed ({@code scope} empty) or a topic's. */
  public String feed(Optional<Topic> scope, FeedFormat format) {
    return url(new Route.Feed(scope, format));
  }

  public String siteFeed(FeedFormat format) {
    return feed(Optional.empty(), format);
  }

  public String topicFeed(Topic topic, FeedFormat format) {
    return feed(Optional.of(topic), format);
  }

  /** A topic's page. */
  public String topic(Topic topic) {
    return url(new Route.TopicPage(topic, 1));
  }

  public String entry(String id) {
    return url(new Route.Entry(id));
  }

  /** A topic's embed page at its default options. */
  public String embed(Topic topic) {
    return url(new Route.Embed(topic, EmbedOptions.DEFAULT));
  }

  public String embed(Topic topic, EmbedOptions options) {
    return url(new Route.Embed(topic, options));
  }

  public String embedScript() {
    return url(new Route.Asset(AssetFile.EMBED_SCRIPT));
  }

  public String stylesheet() {
    return url(new Route.Asset(AssetFile.STYLESHEET));
  }

  public String opml() {
    return url(new Route.Opml());
  }

  public String feedIndex() {
    return url(new Route.FeedIndex());
  }

  /** The entry's permanent id: {@code tag:<authority>:<percent-encoded article id>}. */
  public String entryTag(String id) {
    return "tag:" + idAuthority + ":" + PercentEncoding.encode(id);
  }

  /**
   * The permanent id of a feed (Atom {@code feed/id}): {@code tag:<authority>:feed} for the site,
   * {@code tag:<authority>:feed/category/<name>[/<child>…]}, {@code …:feed/tag/<name>} or {@code
   * …:feed/author/<name>} for a topic.
   */
  public String feedTag(Optional<Topic> scope) {
    StringBuilder tag = new StringBuilder("tag:").append(idAuthority).append(":feed");
    scope.ifPresent(topic -> {
      tag.append('/').append(topic.taxonomy().slug());
      topic.path().forEach(name -> tag.append('/').append(PercentEncoding.encode(name)));
    });
    return tag.toString();
  }

  /**
   * What tells a taxonomy's terms apart in feeds (Atom {@code category/@scheme}, RSS {@code
   * category/@domain}): {@code tag:<authority>:tag} and the like, as permanent as the entry ids.
   */
  public String scheme(Taxonomy taxonomy) {
    return "tag:" + idAuthority + ":" + taxonomy.slug();
  }

  /**
   * The route a request's raw (still percent-encoded) path names: names and ids are decoded (escaped
   * or raw UTF-8 alike), topic names normalized as topics are compared, one trailing slash ignored.
   * Empty when the path names nothing this scheme has. Query-chosen options are at their defaults
   * (see {@link Route#withQuery}); a feed's path names the feed, never its preview.
   */
  public Optional<Route> route(String rawPath) {
    String path =
        rawPath.isEmpty() ? "/"
            : rawPath.endsWith("/") && rawPath.length() > 1 ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    RoutePath.Reader reader = new RoutePath.Reader(path);
    for (var parser : Route.PARSERS) {
      Optional<? extends Route> route = parser.apply(reader.fresh());
      if (route.isPresent()) {
        return Optional.of(route.get());
      }
    }
    return Optional.empty();
  }
}
