package dev.feedserver.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
    assertThat(links.categoryPath(name)).isEqualTo("/category/" + encoded);
    assertThat(links.categoryFeed(name, FeedFormat.RSS))
        .isEqualTo("https://example.org/blog/category/" + encoded + "/rss.xml");
    assertThat(links.route("/category/" + encoded)).contains(new Route.CategoryPage(name, 1));
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
      })
  void requestsReachOneCanonicalPath(String raw, String canonical) {
    assertThat(links.route(raw).map(links::path)).contains(canonical);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/feed.xml", "/category", "/category/", "/category/%20", "/category/x/index.json",
    "/category/x/rss.xml/more", "/entry", "/entry/a/b", "/category/%ZZ", "/category/%C3",
    "/category/%E6%96", "/other/thing", "/page/1/rss.xml", "/page/02/rss.xml", "/page/x/atom.xml",
    "/page/2", "/category/x/page/2/other.xml", "/entry/", "/category/x/page",
    "/embed", "/category/x/page/2/embed", "/category/x/embed/more", "/category/x/embed/rss.xml",
    "/page/2/opml.xml", "/category/x/opml.xml", "/entry/x/embed", "/style.css/x",
  })
  void pathsThatNameNothing(String raw) {
    assertThat(links.route(raw)).isEqualTo(Optional.empty());
  }

  @Test
  void pagesArePathsWithTheLimitAsTheOnlyQuery() {
    assertThat(links.feedPage(Optional.of("新媒体"), FeedFormat.ATOM, 1, java.util.OptionalInt.empty()))
        .isEqualTo("https://example.org/blog/category/%E6%96%B0%E5%AA%92%E4%BD%93/atom.xml");
    assertThat(links.feedPage(Optional.empty(), FeedFormat.JSON, 3, java.util.OptionalInt.of(5)))
        .isEqualTo("https://example.org/blog/page/3/feed.json?limit=5");
    assertThat(links.url(new Route.CategoryPage("C#", 2))).isEqualTo("https://example.org/blog/category/C%23/page/2");
  }

  @Test
  void embedOptionsAreTheOnlyQueryOfAnEmbedPageAndAPreviewHasItsFeedsUrl() {
    assertThat(links.route("/category/C%23/embed")).contains(new Route.Embed("C#", EmbedOptions.DEFAULT));
    assertThat(links.embed("C#")).isEqualTo("https://example.org/blog/category/C%23/embed");
    Route.Embed dark = new Route.Embed("C#", new EmbedOptions(3, EmbedOptions.Theme.DARK));
    assertThat(links.path(dark)).isEqualTo("/category/C%23/embed");
    assertThat(links.url(dark)).isEqualTo("https://example.org/blog/category/C%23/embed?limit=3&theme=dark");
    Route.Feed feed = new Route.Feed(Optional.of("C#"), FeedFormat.ATOM, 2);
    assertThat(links.path(new Route.Preview(feed))).isEqualTo(links.path(feed)).isEqualTo("/category/C%23/page/2/atom.xml");
    assertThat(links.route(links.path(new Route.Preview(feed)))).contains(feed);
    assertThat(links.opml()).isEqualTo("https://example.org/blog/opml.xml");
    assertThat(links.origin()).isEqualTo("https://example.org");
  }

  @Test
  void dotSegmentNamesAreEncodedInPathsAndReadBackButIdsKeepTheirSpelling() {
    for (String name : new String[] {".", ".."}) {
      String encoded = "%2E".repeat(name.length());
      assertThat(links.categoryPath(name)).isEqualTo("/category/" + encoded);
      assertThat(links.path(new Route.Feed(Optional.of(name), FeedFormat.RSS, 2)))
          .isEqualTo("/category/" + encoded + "/page/2/rss.xml");
      assertThat(links.path(new Route.Embed(name, EmbedOptions.DEFAULT))).isEqualTo("/category/" + encoded + "/embed");
      assertThat(links.entryPath(name)).isEqualTo("/entry/" + encoded);
      for (Route route : new Route[] {new Route.CategoryPage(name, 1), new Route.Feed(Optional.of(name), FeedFormat.JSON, 3),
          new Route.Embed(name, EmbedOptions.DEFAULT), new Route.Entry(name)}) {
        assertThat(links.route(links.path(route))).as(route.toString()).contains(route);
      }
      // lower-case escapes read the same
      assertThat(links.route("/category/" + encoded.toLowerCase())).contains(new Route.CategoryPage(name, 1));
      // an entry's tag: URI is opaque (never resolved): it keeps the spelling it always had
      assertThat(links.entryTag(name)).isEqualTo("tag:example.org,2026:" + name);
    }
    // only a whole segment is a dot-segment
    assertThat(links.categoryPath("...")).isEqualTo("/category/...");
    assertThat(links.categoryPath(".x")).isEqualTo("/category/.x");
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
