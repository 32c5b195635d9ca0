package dev.feedserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.InputSource;

/** The real server on a random port, over real HTTP. */
class FeedServerHttpTest {
  private static final String SEED_TITLE = "视频号灰度测试购物车功能，微信要扛起腾讯电商大旗了？";
  private static final String SEED_TAG = "tag:feeds.test,2026:000_dc3f88500a8e27b9";

  @RegisterExtension static final FixtureServer server = new FixtureServer();

  static HttpResponse<byte[]> get(String path) throws Exception {
    return send("GET", path);
  }

  static HttpResponse<byte[]> send(String method, String path) throws Exception {
    return server.send(method, path);
  }

  static SyndFeed parse(byte[] body) throws Exception {
    return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(body)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/rss.xml, application/rss+xml; charset=utf-8",
    "/atom.xml, application/atom+xml; charset=utf-8",
    "/category/Java/rss.xml, application/rss+xml; charset=utf-8",
    "/category/C%2B%2B/atom.xml, application/atom+xml; charset=utf-8",
    "/, text/html;charset=utf-8",
    "/category/Java, text/html;charset=utf-8",
    "/entry/hello-world, text/html;charset=utf-8",
  })
  void servesEveryKindWithItsMediaType(String path, String contentType) throws Exception {
    HttpResponse<byte[]> response = get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(contentType);
    assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "新媒体, %E6%96%B0%E5%AA%92%E4%BD%93",
    "人人都是产品经理, %E4%BA%BA%E4%BA%BA%E9%83%BD%E6%98%AF%E4%BA%A7%E5%93%81%E7%BB%8F%E7%90%86",
    "最新文章, %E6%9C%80%E6%96%B0%E6%96%87%E7%AB%A0",
  })
  void theSeedArticleIsInTheFeedsOfAllThreeCategories(String name, String encoded) throws Exception {
    for (String format : new String[] {"rss.xml", "atom.xml"}) {
      HttpResponse<byte[]> response = get("/category/" + encoded + "/" + format);
      assertThat(response.statusCode()).isEqualTo(200);
      SyndFeed feed = parse(response.body());
      assertThat(feed.getTitle()).startsWith(name);
      SyndEntry entry = feed.getEntries().get(0);
      assertThat(entry.getTitle()).isEqualTo(SEED_TITLE);
      assertThat(entry.getUri()).isEqualTo(SEED_TAG);
      assertThat(entry.getLink()).isEqualTo("http://feeds.test/entry/000_dc3f88500a8e27b9");
    }
  }

  @Test
  void rawUtf8AndPercentEncodedNamesReachTheSameFeed() throws Exception {
    byte[] encoded = get("/category/%E6%96%B0%E5%AA%92%E4%BD%93/rss.xml").body();
    String raw = rawGet("/category/新媒体/rss.xml");
    assertThat(raw).startsWith("HTTP/1.1 200");
    assertThat(raw).endsWith(new String(encoded, StandardCharsets.UTF_8));
    // NFD spelling and surrounding spaces reach the same feed too
    assertThat(get("/category/%20%E6%96%B0%E5%AA%92%E4%BD%93%20/rss.xml").body()).isEqualTo(encoded);
    assertThat(get("/category/%E6%97%A5%E6%9C%AC/atom.xml").statusCode()).isEqualTo(200);
  }

  @Test
  void permalinkPageShowsTheArticle() throws Exception {
    HttpResponse<byte[]> response = get("/entry/000_dc3f88500a8e27b9");
    String html = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(html)
        .startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">")
        .contains("<meta charset=\"utf-8\">")
        .contains("<h1>" + SEED_TITLE + "</h1>")
        .contains("<link rel=\"canonical\" href=\"http://feeds.test/entry/000_dc3f88500a8e27b9\">")
        .contains(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"新媒体 · Fixture Feeds (Atom 1.0)\""
                + " href=\"http://feeds.test/category/%E6%96%B0%E5%AA%92%E4%BD%93/atom.xml\">")
        .contains("<img src=\"https://p5.toutiaoimg.com/origin/tos-cn-i-qvj2lq49k0/bc5b2cedee704e1fa09de5d8b80c6a22\" referrerpolicy=\"no-referrer\" alt=\"\">")
        .doesNotContain("<svg", "<button", "data-action", "<script");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/category/nope", "/category/nope/rss.xml", "/entry/nope", "/entry/nope/", "/nope",
        "/category/Java/feed.xml", "/a/b/c/d"
      })
  void unknownThingsAre404HtmlPages(String path) throws Exception {
    HttpResponse<byte[]> response = get(path);
    String html = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/html;charset=utf-8");
    assertThat(html).contains("<h1>Not found</h1>").doesNotContain("Exception", "at dev.");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/rss.xml", "/category/Java/atom.xml", "/entry/hello-world", "/nope"})
  void headMatchesGetWithoutBody(String path) throws Exception {
    HttpResponse<byte[]> get = get(path);
    HttpResponse<byte[]> head = send("HEAD", path);
    assertThat(head.statusCode()).isEqualTo(get.statusCode());
    assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
    assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(get.body().length));
    assertThat(head.body()).isEmpty();
  }

  @Test
  void indexListsCategoriesWithCountsAndFeeds() throws Exception {
    String html = new String(get("/").body(), StandardCharsets.UTF_8);
    assertThat(html)
        .contains("<a href=\"http://feeds.test/category/Java\">Java</a> (3)")
        .contains("<a href=\"http://feeds.test/category/%E6%96%B0%E5%AA%92%E4%BD%93\">新媒体</a> (1)")
        .contains("href=\"http://feeds.test/category/C%2B%2B/rss.xml\" type=\"application/rss+xml\">RSS 2.0</a>");
  }

  /** Sends the path's UTF-8 bytes unescaped, as some clients do. */
  private static String rawGet(String path) throws Exception {
    try (Socket socket = new Socket("localhost", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
