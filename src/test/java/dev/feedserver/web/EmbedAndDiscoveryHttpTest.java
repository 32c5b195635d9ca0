package dev.feedserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feedserver.App;
import dev.feedserver.FixtureSite;
import dev.feedserver.site.Origins;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.NodeList;

/** CORS, the embed page, OPML and the feed index, browser previews and security headers, over real HTTP. */
class EmbedAndDiscoveryHttpTest {
  private static final String JAVA_RSS = "/category/Java/rss.xml";
  private static final String XINMEITI = "/category/%E6%96%B0%E5%AA%92%E4%BD%93";
  private static final String CHROMIUM =
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,"
          + "application/signed-exchange;v=b3;q=0.7";

  @TempDir static Path dir;
  @TempDir static Path dir2;
  static App app;
  static App restricted;
  static final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    app = App.start(FixtureSite.config(FixtureSite.copyTo(dir)));
    restricted =
        App.start(
            FixtureSite.withCorsOrigins(
                FixtureSite.config(FixtureSite.copyTo(dir2)),
                Origins.parse("https://blog.example, http://localhost:8080")));
  }

  @AfterAll
  static void stop() {
    app.stop();
    restricted.stop();
  }

  static HttpResponse<byte[]> send(App to, String method, String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + to.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    return send(app, "GET", path, headers);
  }

  static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** A site URL as the server itself answers it. */
  static String local(String absolute) {
    return absolute.replace("http://feeds.test", "");
  }

  // ---- browser preview: the Accept headers real clients send ----

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // client | Accept header as sent | answer | where the value comes from
        "Chromium (navigation) | text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7 | preview | lightpanda-io/browser PR #808 quoting Chrome's first request",
        "Firefox 92 and later | text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8 | preview | MDN, List of default Accept values",
        "Firefox 66 to 71 | text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | preview | MDN, List of default Accept values",
        "Safari and older Chrome | text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,image/apng,*/*;q=0.8 | preview | MDN, List of default Accept values",
        "curl | */* | feed | curl commit 93e32e6 (lib/http.c default Accept)",
        "no Accept header at all | '' | feed | RFC 9110: absent means any type",
        "NetNewsWire | */* | feed | NetNewsWire issue #5161 (request captured with a proxy)",
        "Miniflux 2 | application/xml, application/atom+xml, application/rss+xml, application/rdf+xml, application/feed+json, text/html, */*;q=0.9 | feed | miniflux/v2 internal/reader/fetcher/request_builder.go defaultAcceptHeader",
        "Thunderbird | application/atom+xml,application/rss+xml;q=0.9,application/rdf+xml;q=0.8,application/xml;q=0.7,text/xml;q=0.7,*/*;q=0.1 | feed | comm-central mailnews/extensions/newsblog/FeedUtils.sys.mjs REQUEST_ACCEPT",
        "SimplePie (FreshRSS and others) | application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.7, unknown/unknown;q=0.1, application/unknown;q=0.1, */*;q=0.1 | feed | simplepie issue #20 and SimplePie DEFAULT_HTTP_ACCEPT_HEADER",
        "newsboat (libcurl, sets no Accept) | */* | feed | newsboat issues #2659 and #2985: it sends curl's default",
        "a script asking for JSON Feed | application/feed+json | feed | embed.js",
        "HTML named but not preferred | application/xml, text/html;q=0.5 | feed | q-values decide",
        "HTML and a feed type | text/html, application/rss+xml | feed | a feed type named: a reader",
      })
  void browsersGetThePreviewAndReadersTheFeed(String client, String accept, String answer, String source)
      throws Exception {
    HttpResponse<byte[]> response = accept.isEmpty() ? get(JAVA_RSS) : get(JAVA_RSS, "Accept", accept);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Vary")).as(source).isEqualTo("Accept, Accept-Encoding");
    if (answer.equals("preview")) {
      assertThat(header(response, "Content-Type")).as(source).isEqualTo("text/html;charset=utf-8");
      assertThat(text(response))
          .contains("<code class=\"subscribe\">http://feeds.test/category/Java/rss.xml</code>")
          .contains("This is a feed (RSS 2.0)");
    } else {
      assertThat(header(response, "Content-Type")).as(source).isEqualTo("application/rss+xml; charset=utf-8");
      assertThat(text(response)).startsWith("<?xml");
    }
  }

  @Test
  void thePreviewShowsTheEntriesAndHasItsOwnValidators() throws Exception {
    HttpResponse<byte[]> preview = get("/category/C%2B%2B/atom.xml", "Accept", CHROMIUM);
    HttpResponse<byte[]> feed = get("/category/C%2B%2B/atom.xml");
    Document html = Jsoup.parse(text(preview));
    assertThat(html.select("h1").text()).isEqualTo("C++ · Fixture Feeds");
    assertThat(html.select("ul.entries a").eachText()).containsExactly("Hello, <World> & \"friends\"");
    assertThat(html.select(".subscribe").text()).isEqualTo("http://feeds.test/category/C%2B%2B/atom.xml");
    assertThat(header(preview, "ETag")).isNotEqualTo(header(feed, "ETag"));
    assertThat(get("/category/C%2B%2B/atom.xml", "Accept", CHROMIUM, "If-None-Match", header(preview, "ETag"))
        .statusCode()).isEqualTo(304);
    // a preview of another page and size, rendered on request
    HttpResponse<byte[]> page2 = get("/category/Java/page/2/feed.json?limit=2", "Accept", CHROMIUM);
    assertThat(text(page2)).contains("page 2 of 2").contains(">Same day B<");
  }

  // ---- CORS ----

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/rss.xml", "/category/Java/atom.xml", "/feed.json", "/opml.xml", "/feeds.json", "/embed.js",
      XINMEITI + "/embed", XINMEITI + "/embed?limit=2&theme=dark"})
  void feedsAndEmbedResourcesAreReadableFromAnyOriginByDefault(String path) throws Exception {
    HttpResponse<byte[]> response = get(path, "Origin", "https://anywhere.example");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(header(response, "Access-Control-Expose-Headers")).isEqualTo("ETag, Link");
    assertThat(header(response, "Vary")).doesNotContain("Origin");
    HttpResponse<byte[]> preflight =
        send(app, "OPTIONS", path, "Origin", "https://anywhere.example", "Access-Control-Request-Method", "GET",
            "Access-Control-Request-Headers", "if-none-match");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(header(preflight, "Access-Control-Allow-Methods")).isEqualTo("GET, HEAD, OPTIONS");
    assertThat(header(preflight, "Access-Control-Allow-Headers")).contains("If-None-Match");
    assertThat(header(preflight, "Access-Control-Max-Age")).isEqualTo("86400");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/", "/category/Java", "/entry/hello-world", "/style.css"})
  void pagesAreNotOfferedCrossOrigin(String path) throws Exception {
    assertThat(header(get(path, "Origin", "https://anywhere.example"), "Access-Control-Allow-Origin")).isNull();
    HttpResponse<byte[]> preflight =
        send(app, "OPTIONS", path, "Origin", "https://anywhere.example", "Access-Control-Request-Method", "GET");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(header(preflight, "Allow")).isEqualTo("GET, HEAD, OPTIONS");
    assertThat(header(preflight, "Access-Control-Allow-Origin")).isNull();
    assertThat(send(app, "OPTIONS", "/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void anAllowListEchoesListedOriginsOnlyAndVariesByOrigin() throws Exception {
    for (String path : new String[] {"/rss.xml", XINMEITI + "/embed", "/embed.js"}) {
      HttpResponse<byte[]> listed = send(restricted, "GET", path, "Origin", "https://blog.example");
      assertThat(header(listed, "Access-Control-Allow-Origin")).isEqualTo("https://blog.example");
      assertThat(header(listed, "Vary")).endsWith(", Origin");
      HttpResponse<byte[]> other = send(restricted, "GET", path, "Origin", "https://evil.example");
      assertThat(header(other, "Access-Control-Allow-Origin")).isNull();
      assertThat(header(other, "Vary")).endsWith(", Origin");
      assertThat(other.body()).isEqualTo(listed.body());
    }
    HttpResponse<byte[]> allowed =
        send(restricted, "OPTIONS", "/feed.json", "Origin", "http://localhost:8080", "Access-Control-Request-Method", "GET");
    assertThat(header(allowed, "Access-Control-Allow-Origin")).isEqualTo("http://localhost:8080");
    assertThat(header(allowed, "Vary")).isEqualTo("Origin");
    HttpResponse<byte[]> denied =
        send(restricted, "OPTIONS", "/feed.json", "Origin", "https://evil.example", "Access-Control-Request-Method", "GET");
    assertThat(header(denied, "Access-Control-Allow-Origin")).isNull();
    HttpResponse<byte[]> post =
        send(restricted, "OPTIONS", "/feed.json", "Origin", "https://blog.example", "Access-Control-Request-Method", "POST");
    assertThat(header(post, "Access-Control-Allow-Origin")).isNull();
    // only the listed origins may frame the embed page
    assertThat(header(send(restricted, "GET", XINMEITI + "/embed"), "Content-Security-Policy"))
        .endsWith("frame-ancestors https://blog.example http://localhost:8080");
  }

  // ---- security headers ----

  @Test
  void everyHtmlAnswerForbidsScriptsAndFramingAndKeepsReferrersToItself() throws Exception {
    List<String> pages = new ArrayList<>(List.of("/", "/nope", "/entry/hello-world", "/entry/000_dc3f88500a8e27b9"));
    for (Element a : Jsoup.parse(text(get("/")), "http://feeds.test/").select("ul.categories > li > a:not([type])")) {
      pages.add(local(a.absUrl("href")));
    }
    pages.add(JAVA_RSS + "?accept=browser");
    for (String path : pages) {
      HttpResponse<byte[]> response = path.endsWith("?accept=browser") ? get(path, "Accept", CHROMIUM) : get(path);
      assertThat(header(response, "Content-Type")).as(path).startsWith("text/html");
      String csp = header(response, "Content-Security-Policy");
      assertThat(csp).as(path)
          .startsWith("default-src 'none'; ")
          .contains("style-src 'self' http://feeds.test;", "frame-ancestors 'none'", "base-uri 'none'")
          .doesNotContain("script-src", "unsafe-inline", "unsafe-eval");
      assertThat(header(response, "X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(header(response, "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(header(response, "Referrer-Policy")).as(path).isEqualTo("no-referrer");
      Document html = Jsoup.parse(text(response));
      assertThat(html.select("script, style, [style]")).as(path).isEmpty();
      assertThat(html.select("link[rel=stylesheet]").attr("href")).as(path).isEqualTo("http://feeds.test/style.css");
    }
  }

  @Test
  void theEmbedPageMayBeFramedAndAllowsOnlyItsOwnStyleByHash() throws Exception {
    HttpResponse<byte[]> response = get(XINMEITI + "/embed");
    String csp = header(response, "Content-Security-Policy");
    Document html = Jsoup.parse(text(response));
    String style = html.select("style").first().data();
    String hash = Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));
    assertThat(csp)
        .isEqualTo("default-src 'none'; img-src http: https:; base-uri 'none'; form-action 'none'; "
            + "style-src 'sha256-" + hash + "'; frame-ancestors *");
    assertThat(header(response, "X-Frame-Options")).isNull();
    assertThat(header(response, "Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(html.select("script, [style]")).isEmpty();
    assertThat(html.select("ol > li a[target=_blank][rel=noopener]").eachText())
        .containsExactly("视频号灰度测试购物车功能，微信要扛起腾讯电商大旗了？");
    assertThat(html.select("ol > li img").attr("referrerpolicy")).isEqualTo("no-referrer");
  }

  @Test
  void staticResourcesHaveTheirTypesAndNoSniffing() throws Exception {
    HttpResponse<byte[]> css = get("/style.css");
    assertThat(header(css, "Content-Type")).isEqualTo("text/css; charset=utf-8");
    HttpResponse<byte[]> js = get("/embed.js");
    assertThat(header(js, "Content-Type")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(header(js, "X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(text(js)).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
  }

  // ---- headers on revalidation and HEAD ----

  /** Headers that belong to an answer: a 304 and a HEAD must carry them exactly as the 200 does. */
  private static final List<String> REPRESENTATION_HEADERS =
      List.of("Content-Type", "ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Security-Policy",
          "X-Frame-Options", "Referrer-Policy", "X-Content-Type-Options", "Link", "Access-Control-Allow-Origin",
          "Access-Control-Expose-Headers");

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // app | path | Accept | headers the 200 must have
        "any | /category/Java/rss.xml | | Access-Control-Allow-Origin Vary X-Content-Type-Options",
        "any | /category/Java/rss.xml | browser | Content-Security-Policy Link Access-Control-Allow-Origin Vary",
        "any | /category/Java/page/2/atom.xml?limit=2 | browser | Content-Security-Policy Link Vary",
        "any | /category/%E6%96%B0%E5%AA%92%E4%BD%93/embed?limit=2&theme=dark | | Content-Security-Policy Access-Control-Allow-Origin",
        "any | / | | Content-Security-Policy X-Frame-Options Link Referrer-Policy",
        "any | /opml.xml | | Access-Control-Allow-Origin X-Content-Type-Options",
        "any | /style.css | | X-Content-Type-Options",
        "restricted | /rss.xml | | Access-Control-Allow-Origin Vary",
        "restricted | /category/%E6%96%B0%E5%AA%92%E4%BD%93/embed | browser | Access-Control-Allow-Origin Content-Security-Policy",
      })
  void headersSurviveRevalidationAndHead(String which, String path, String accept, String required) throws Exception {
    App to = which.equals("any") ? app : restricted;
    List<String> base = new ArrayList<>(List.of("Origin", "https://blog.example"));
    if (accept != null) {
      base.addAll(List.of("Accept", CHROMIUM));
    }
    HttpResponse<byte[]> ok = send(to, "GET", path, base.toArray(String[]::new));
    assertThat(ok.statusCode()).isEqualTo(200);
    for (String name : required.split(" ")) {
      assertThat(header(ok, name)).as(name).isNotNull();
    }
    List<String> conditional = new ArrayList<>(base);
    conditional.addAll(List.of("If-None-Match", header(ok, "ETag")));
    HttpResponse<byte[]> notModified = send(to, "GET", path, conditional.toArray(String[]::new));
    HttpResponse<byte[]> head = send(to, "HEAD", path, base.toArray(String[]::new));
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    for (String name : REPRESENTATION_HEADERS) {
      assertThat(header(notModified, name)).as("304 " + name).isEqualTo(header(ok, name));
      assertThat(header(head, name)).as("HEAD " + name).isEqualTo(header(ok, name));
    }
    assertThat(header(head, "Content-Length")).isEqualTo(header(ok, "Content-Length"));
    assertThat(notModified.headers().firstValue("Content-Length")).as("a 304's Content-Length").isEmpty();
  }

  // ---- embed page options ----

  @ParameterizedTest(name = "query [{0}]")
  @CsvSource({
    "'', light, 3", "?limit=2, light, 2", "?theme=dark, dark, 3", "?limit=1&theme=auto, auto, 1",
    "?limit=10&theme=dark, dark, 3", "?utm_source=x, light, 3",
  })
  void embedOptionsPickWhatThePageShows(String query, String theme, int entries) throws Exception {
    HttpResponse<byte[]> response = get("/category/Java/embed" + query);
    assertThat(response.statusCode()).isEqualTo(200);
    Document html = Jsoup.parse(text(response));
    assertThat(html.select("html").attr("class")).isEqualTo(theme);
    assertThat(html.select("ol > li")).hasSize(entries);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "?limit=0 | query parameter 'limit': must be a whole number from 1 to 10 (got 0)",
        "?limit=11 | query parameter 'limit': must be a whole number from 1 to 10 (got 11)",
        "?limit=x | query parameter 'limit': must be a whole number from 1 to 10",
        "?theme=pink | query parameter 'theme': must be light, dark or auto",
        "?theme=dark&theme=light | query parameter 'theme': give it once",
      })
  void badEmbedOptionsAre400(String query, String message) throws Exception {
    HttpResponse<byte[]> response = get("/category/Java/embed" + query);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(text(response)).isEqualTo(message + "\n");
  }

  // ---- discovery ----

  @Test
  void everyCategoryPageAnnouncesItsFeedsInEveryFormatInHtmlAndLinkHeaders() throws Exception {
    Document index = Jsoup.parse(text(get("/")), "http://feeds.test/");
    List<Element> categories = index.select("ul.categories > li > a:not([type])");
    assertThat(categories).hasSize(8);
    Set<String> indexFeeds = alternates(index);
    assertThat(indexFeeds).containsExactly(
        "application/rss+xml http://feeds.test/rss.xml", "application/atom+xml http://feeds.test/atom.xml",
        "application/feed+json http://feeds.test/feed.json");
    assertThat(linkHeader(get("/"))).isEqualTo(indexFeeds);
    for (Element a : categories) {
      String url = a.absUrl("href");
      HttpResponse<byte[]> response = get(local(url));
      Document page = Jsoup.parse(text(response), url);
      Set<String> feeds = alternates(page);
      assertThat(feeds).as(url).contains(
          "application/rss+xml " + url + "/rss.xml", "application/atom+xml " + url + "/atom.xml",
          "application/feed+json " + url + "/feed.json");
      assertThat(linkHeader(response)).as(url).isEqualTo(feeds);
      assertThat(page.select("pre code").eachText()).as(url).hasSize(2);
    }
    assertThat(header(get(XINMEITI), "Link"))
        .contains("<http://feeds.test/category/%E6%96%B0%E5%AA%92%E4%BD%93/rss.xml>; rel=\"alternate\"; "
            + "type=\"application/rss+xml\"; title*=UTF-8''%E6%96%B0%E5%AA%92%E4%BD%93%20%C2%B7%20Fixture%20Feeds%20%28RSS%202.0%29");
  }

  @Test
  void opmlListsEveryCategoryFeedInItsOwnScript() throws Exception {
    HttpResponse<byte[]> response = get("/opml.xml");
    assertThat(header(response, "Content-Type")).isEqualTo("text/x-opml; charset=utf-8");
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
    assertThat(xml.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
    NodeList outlines = xml.getElementsByTagName("outline");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < outlines.getLength(); i++) {
      var outline = (org.w3c.dom.Element) outlines.item(i);
      if (!outline.hasAttribute("xmlUrl")) {
        continue;
      }
      names.add(outline.getAttribute("text"));
      assertThat(outline.getAttribute("type")).isEqualTo("rss");
      HttpResponse<byte[]> feed = get(local(outline.getAttribute("xmlUrl")));
      assertThat(header(feed, "Content-Type")).isEqualTo("application/rss+xml; charset=utf-8");
      assertThat(text(feed)).contains("<title>" + outline.getAttribute("text").replace("&", "&amp;"));
      assertThat(get(local(outline.getAttribute("htmlUrl"))).statusCode()).isEqualTo(200);
    }
    assertThat(names).containsExactly("C++", "Java", "人人都是产品经理", "新媒体", "旅行", "日本", "最新文章", "生活",
        "#Java", "#intro", "#test", "@Ada Lovelace", "@人人都是产品经理", "@小明");
    // each taxonomy is a folder of its own
    List<String> folders = new ArrayList<>();
    for (int i = 0; i < outlines.getLength(); i++) {
      var outline = (org.w3c.dom.Element) outlines.item(i);
      if (!outline.hasAttribute("xmlUrl")) {
        folders.add(outline.getAttribute("text"));
      }
    }
    assertThat(folders).containsExactly("Fixture Feeds", "Fixture Feeds · Tags", "Fixture Feeds · Authors");
  }

  @Test
  void theFeedIndexNamesEveryFeedInEveryFormat() throws Exception {
    HttpResponse<byte[]> response = get("/feeds.json");
    assertThat(header(response, "Content-Type")).isEqualTo("application/json");
    JsonNode index = new ObjectMapper().readTree(response.body());
    assertThat(index.path("opml_url").asText()).isEqualTo("http://feeds.test/opml.xml");
    // the site, 8 categories, 3 tags, 3 authors
    assertThat(index.path("feeds")).hasSize(15);
    for (JsonNode feed : index.path("feeds")) {
      assertThat(feed.path("formats")).hasSize(3);
      for (JsonNode format : feed.path("formats")) {
        HttpResponse<byte[]> got = get(local(format.path("url").asText()));
        assertThat(header(got, "Content-Type")).startsWith(format.path("type").asText());
      }
      if (feed.has("category") || feed.has("tag") || feed.has("author")) {
        assertThat(get(local(feed.path("embed_url").asText())).statusCode()).isEqualTo(200);
      }
    }
  }

  private static Set<String> alternates(Document page) {
    Set<String> out = new LinkedHashSet<>();
    for (Element link : page.select("head link[rel=alternate]")) {
      out.add(link.attr("type") + " " + link.absUrl("href"));
    }
    return out;
  }

  private static Set<String> linkHeader(HttpResponse<byte[]> response) {
    Set<String> out = new LinkedHashSet<>();
    for (String link : header(response, "Link").split(", <")) {
      String href = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
      String type = link.replaceAll(".*type=\"([^\"]+)\".*", "$1");
      assertThat(link).contains("rel=\"alternate\"");
      out.add(type + " " + href);
    }
    return out;
  }
}
