package dev.feedserver.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedserver.content.Taxonomy;
import dev.feedserver.content.Topic;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinksTest {
  private final Links links = new Links(URI.create("https://example.org/blog/"), "example.org,2026");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "新媒体       | %E6%96%B0%E5%AA%92%E4%BD%93",
        "C++          | C%2B%2B",
        "C#           | C%23",
        "UI/UX        | UI%2FUX",
        "a b?c        | a%20b%3Fc",
        "100%         | 100%25",
        "Java-1.0_~x  | Java-1.0_~x",
      })
  void categoryNamesArePercentEncodedAsUtf8(String name, String encoded) {
    assertThat(links.path(new Route.TopicPage(cat(name), 1))).isEqualTo("/category/" + encoded);
    assertThat(links.topicFeed(cat(name), FeedFormat.RSS))
        .isEqualTo("https://example.org/blog/category/" + encoded + "/rss.xml");
    assertThat(links.route("/category/" + encoded)).contains(new Route.TopicPage(cat(name), 1));
    // tags and authors are written alike, under their own word
    assertThat(links.topic(Topic.of(Taxonomy.TAG, name))).isEqualTo("https://example.org/blog/tag/" + encoded);
    assertThat(links.route("/author/" + encoded + "/atom.xml"))
        .contains(new Route.Feed(Optional.of(Topic.of(Taxonomy.AUTHOR, name)), FeedFormat.ATOM));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/                                           | /",
        "/rss.xml                                    | /rss.xml",
        "/atom.xml/                                  | /atom.xml",
        "/feed.json                                  | /feed.json",
        "/category/C%2B%2B/feed.json                 | /category/C%2B%2B/feed.json",
        "/category/新媒体                            | /category/%E6%96%B0%E5%AA%92%E4%BD%93",
        "/category/%E6%96%B0%E5%AA%92%E4%BD%93/     | /category/%E6%96%B0%E5%AA%92%E4%BD%93",
        "/category/%e6%96%b0%e5%aa%92%e4%bd%93      | /category/%E6%96%B0%E5%AA%92%E4%BD%93",
        "/category/%20%E6%96%B0%E5%AA%92%E4%BD%93%20/rss.xml | /category/%E6%96%B0%E5%AA%92%E4%BD%93/rss.xml",
        "/category/e%CC%81t%C3%A9/atom.xml          | /category/%C3%A9t%C3%A9/atom.xml",
        "/category/C++                               | /category/C%2B%2B",
        "/entry/000_dc3f88500a8e27b9                 | /entry/000_dc3f88500a8e27b9",
        "/page/2/rss.xml                             | /page/2/rss.xml",
        "/category/C++/page/12/feed.json/            | /category/C%2B%2B/page/12/feed.json",
        "/category/page/page/3                       | /category/page/page/3",
        "/category/新媒体/embed                      | /category/%E6%96%B0%E5%AA%92%E4%BD%93/embed",
        "/category/C++/embed/                        | /category/C%2B%2B/embed",
        "/category/embed                             | /category/embed",
        "/opml.xml                                   | /opml.xml",
        "/feeds.json/                                | /feeds.json",
        "/embed.js                                   | /embed.js",
        "/style.css                                  | /style.css",
        "/tag/C++/page/2                             | /tag/C%2B%2B/page/2",
        "/category/x/index.json                      | /category/x/index.json",
        "/category/x/opml.xml                        | /category/x/opml.xml",
        "/author/小明/feed.json                      | /author/%E5%B0%8F%E6%98%8E/feed.json",
        "/tag/embed/embed                            | /tag/embed/embed",
        "/category/Java/基础/rss.xml                 | /category/Java/%E5%9F%BA%E7%A1%80/rss.xml",
      })
  void requestsReachOneCanonicalPath(String raw, String canonical) {
    assertThat(links.route(raw).map(links::path)).contains(canonical);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/feed.xml", "/category", "/category/", "/category/%20",
    "/category/x/rss.xml/more", "/entry", "/entry/a/b", "/category/%ZZ", "/category/%C3",
    "/category/%E6%96", "/other/thing", "/page/1/rss.xml", "/page/02/rss.xml", "/page/x/atom.xml",
    "/page/2", "/category/x/page/2/other.xml", "/entry/", "/category/x/page",
    "/embed", "/category/x/page/2/embed", "/category/x/embed/more", "/category/x/embed/rss.xml",
    "/page/2/opml.xml", "/entry/x/embed", "/style.css/x", "/tag", "/tag/",
    "/author/%20/rss.xml", "/tags/x", "/category/x//rss.xml", "/category/x/%20/rss.xml",
  })
  void pathsThatNameNothing(String raw) {
    assertThat(links.route(raw)).isEqualTo(Optional.empty());
  }

  @Test
  void pagesArePathsWithTheLimitAsTheOnlyQuery() {
    assertThat(links.url(new Route.Feed(Optional.of(cat("新媒体")), FeedFormat.ATOM)))
        .isEqualTo("https://example.org/blog/category/%E6%96%B0%E5%AA%92%E4%BD%93/atom.xml");
    assertThat(links.url(new Route.Feed(Optional.empty(), FeedFormat.JSON, 3, java.util.OptionalInt.of(5))))
        .isEqualTo("https://example.org/blog/page/3/feed.json?limit=5");
    assertThat(links.url(new Route.TopicPage(cat("C#"), 2))).isEqualTo("https://example.org/blog/category/C%23/page/2");
  }

  @Test
  void embedOptionsAreTheOnlyQueryOfAnEmbedPageAndAPreviewHasItsFeedsUrl() {
    assertThat(links.route("/category/C%23/embed")).contains(new Route.Embed(cat("C#"), EmbedOptions.DEFAULT));
    assertThat(links.embed(cat("C#"))).isEqualTo("https://example.org/blog/category/C%23/embed");
    Route.Embed dark = new Route.Embed(cat("C#"), new EmbedOptions(3, EmbedOptions.Theme.DARK));
    assertThat(links.path(dark)).isEqualTo("/category/C%23/embed");
    assertThat(links.url(dark)).isEqualTo("https://example.org/blog/category/C%23/embed?limit=3&theme=dark");
    Route.Feed feed = new Route.Feed(Optional.of(cat("C#")), FeedFormat.ATOM).page(2);
    assertThat(links.path(new Route.Preview(feed))).isEqualTo(links.path(feed)).isEqualTo("/category/C%23/page/2/atom.xml");
    assertThat(links.route(links.path(new Route.Preview(feed)))).contains(feed);
    assertThat(links.opml()).isEqualTo("https://example.org/blog/opml.xml");
    assertThat(links.origin()).isEqualTo("https://example.org");
  }

  @Test
  void dotSegmentNamesAreEncodedInPathsAndReadBackButIdsKeepTheirSpelling() {
    for (String name : new String[] {".", ".."}) {
      String encoded = "%2E".repeat(name.length());
      assertThat(links.path(new Route.TopicPage(cat(name), 1))).isEqualTo("/category/" + encoded);
      assertThat(links.path(new Route.Feed(Optional.of(cat(name)), FeedFormat.RSS).page(2)))
          .isEqualTo("/category/" + encoded + "/page/2/rss.xml");
      assertThat(links.path(new Route.Embed(cat(name), EmbedOptions.DEFAULT))).isEqualTo("/category/" + encoded + "/embed");
      assertThat(links.path(new Route.Entry(name))).isEqualTo("/entry/" + encoded);
      for (Route route : new Route[] {new Route.TopicPage(cat(name), 1), new Route.Feed(Optional.of(cat(name)), FeedFormat.JSON).page(3),
          new Route.Embed(cat(name), EmbedOptions.DEFAULT), new Route.Entry(name)}) {
        assertThat(links.route(links.path(route))).as(route.toString()).contains(route);
      }
      // lower-case escapes read the same
      assertThat(links.route("/category/" + encoded.toLowerCase())).contains(new Route.TopicPage(cat(name), 1));
      // an entry's tag: URI is opaque (never resolved): it keeps the spelling it always had
      assertThat(links.entryTag(name)).isEqualTo("tag:example.org,2026:" + name);
    }
    // only a whole segment is a dot-segment
    assertThat(links.path(new Route.TopicPage(cat("..."), 1))).isEqualTo("/category/...");
    assertThat(links.path(new Route.TopicPage(cat(".x"), 1))).isEqualTo("/category/.x");
  }

  @Test
  void aCategoryTreeIsOneSegmentALevelAndTheGrammarsWordsBelowTheTopAreEscaped() {
    Topic child = new Topic(Taxonomy.CATEGORY, List.of("Java", "基础"));
    assertThat(links.topic(child)).isEqualTo("https://example.org/blog/category/Java/%E5%9F%BA%E7%A1%80");
    assertThat(links.route("/category/Java/基础/page/2/rss.xml"))
        .contains(new Route.Feed(Optional.of(child), FeedFormat.RSS).page(2));
    assertThat(links.route("/category/Java/基础/embed")).contains(new Route.Embed(child, EmbedOptions.DEFAULT));
    // a child named like a word of the grammar: its first character is escaped, so the path stays one reading
    for (String word : new String[] {"page", "embed", "rss.xml", "atom.xml", "feed.json"}) {
      Topic named = new Topic(Taxonomy.CATEGORY, List.of("A", word, "B"));
      String path = links.path(new Route.TopicPage(named, 2));
      assertThat(path).startsWith("/category/A/%").endsWith("/B/page/2");
      assertThat(links.route(path)).as(path).contains(new Route.TopicPage(named, 2));
      // the first level is always a name: a plain folder's URLs never change
      assertThat(links.path(new Route.TopicPage(cat(word), 1))).isEqualTo("/category/" + word);
      assertThat(links.route("/category/" + word)).contains(new Route.TopicPage(cat(word), 1));
    }
    assertThat(links.route("/category/A/page")).isEmpty();
    // tags and authors never nest
    assertThat(links.route("/tag/a/b")).isEmpty();
    assertThat(links.route("/author/a/b/rss.xml")).isEmpty();
    assertThat(links.feedTag(Optional.of(child))).isEqualTo("tag:example.org,2026:feed/category/Java/%E5%9F%BA%E7%A1%80");
    assertThat(links.feedTag(Optional.of(cat("C#")))).isEqualTo("tag:example.org,2026:feed/category/C%23");
    assertThat(links.feedTag(Optional.of(Topic.of(Taxonomy.TAG, "intro")))).isEqualTo("tag:example.org,2026:feed/tag/intro");
  }

  private static Topic cat(String name) {
    return Topic.of(Taxonomy.CATEGORY, name);
  }

  @Test
  void entryIdsDoNotDependOnBaseUrlOrScheme() {
    Links moved = new Links(URI.create("http://localhost:7070/"), "example.org,2026");
    assertThat(links.entryTag("000_dc3f88500a8e27b9"))
        .isEqualTo(moved.entryTag("000_dc3f88500a8e27b9"))
        .isEqualTo("tag:example.org,2026:000_dc3f88500a8e27b9");
    assertThat(links.entryTag("a b/c")).isEqualTo("tag:example.org,2026:a%20b%2Fc");
  }
}
