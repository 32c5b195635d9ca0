package dev.feedserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import dev.feedserver.App;
import dev.feedserver.FixtureSite;
import dev.feedserver.Publisher;
import dev.feedserver.content.Taxonomy;
import dev.feedserver.content.Topic;
import dev.feedserver.site.AssetFile;
import dev.feedserver.site.EmbedOptions;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Route;
import java.util.List;
import java.util.Optional;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditional GET, compression and paging against the real server. */
class HttpCachingTest {
  @TempDir static Path dir;
  @RegisterExtension static final FixtureServer server = new FixtureServer();

  static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    return send("GET", path, headers);
  }

  static HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
    return server.send(method, path, headers);
  }

  static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // a feed URL also answers browsers with an HTML preview, so its answer varies by Accept
    "/rss.xml, 'Accept, Accept-Encoding'",
    "/atom.xml, 'Accept, Accept-Encoding'",
    "/feed.json, 'Accept, Accept-Encoding'",
    "/category/Java/rss.xml, 'Accept, Accept-Encoding'",
    "/, Accept-Encoding",
    "/entry/hello-world, Accept-Encoding",
  })
  void everyResponseCarriesValidatorsAndCachePolicy(String path, String vary) throws Exception {
    HttpResponse<byte[]> response = get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "ETag")).matches("\"[A-Za-z0-9_-]{27}\"");
    assertThat(header(response, "Last-Modified")).endsWith(" GMT");
    assertThat(header(response, "Cache-Control")).isEqualTo("public, max-age=300");
    assertThat(header(response, "Vary")).isEqualTo(vary);
    assertThat(header(response, "Content-Encoding")).isNull();
  }

  @Test
  void ifNoneMatchGets304WithEmptyBodyAndTheRealContentType() throws Exception {
    HttpResponse<byte[]> first = get("/rss.xml");
    String etag = header(first, "ETag");
    HttpResponse<byte[]> again = get("/rss.xml", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(header(again, "ETag")).isEqualTo(etag);
    assertThat(header(again, "Content-Type")).isEqualTo("application/rss+xml; charset=utf-8");
    assertThat(header(again, "Last-Modified")).isEqualTo(header(first, "Last-Modified"));
    // the same answer from the Javalin handlers (a query takes the request past the fast path)
    HttpResponse<byte[]> limited = get("/rss.xml?limit=1");
    HttpResponse<byte[]> limitedAgain = get("/rss.xml?limit=1", "If-None-Match", header(limited, "ETag"));
    assertThat(limitedAgain.statusCode()).isEqualTo(304);
    assertThat(limitedAgain.body()).isEmpty();
    assertThat(header(limitedAgain, "ETag")).isEqualTo(header(limited, "ETag"));
    assertThat(header(limitedAgain, "Content-Type")).isEqualTo("application/rss+xml; charset=utf-8");
    // no Content-Length on a 304, as nginx: RFC 9110 §8.6 allows only the 200's, and clients that
    // read one wait for a body that never comes
    assertThat(again.headers().firstValue("Content-Length")).isEmpty();
    assertThat(limitedAgain.headers().firstValue("Content-Length")).isEmpty();
    assertThat(get("/rss.xml", "If-None-Match", "\"other\", W/" + etag).statusCode()).isEqualTo(304);
    assertThat(get("/rss.xml", "If-None-Match", "*").statusCode()).isEqualTo(304);
    assertThat(get("/rss.xml", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
  }

  @Test
  void ifModifiedSinceAndItsPrecedence() throws Exception {
    HttpResponse<byte[]> first = get("/atom.xml");
    String lastModified = header(first, "Last-Modified");
    Instant at = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(lastModified));
    String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(at.minusSeconds(60));
    assertThat(get("/atom.xml", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
    assertThat(get("/atom.xml", "If-Modified-Since", earlier).statusCode()).isEqualTo(200);
    assertThat(get("/atom.xml", "If-Modified-Since", "not a date").statusCode()).isEqualTo(200);
    // If-None-Match wins: a stale ETag means 200 even with a current date
    assertThat(get("/atom.xml", "If-None-Match", "\"stale\"", "If-Modified-Since", lastModified).statusCode())
        .isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"gzip, gzip", "'br, gzip', br", "'gzip;q=0, identity', ", "'br;q=0, gzip;q=0.5', gzip", "'*', br", "identity, "})
  void compressedVariantsAreNegotiatedAndDecodeToTheSameBytes(String accept, String expected) throws Exception {
    byte[] identity = get("/rss.xml").body();
    HttpResponse<byte[]> response = get("/rss.xml", "Accept-Encoding", accept);
    assertThat(header(response, "Content-Encoding")).isEqualTo(expected);
    assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
    byte[] decoded =
        expected == null ? response.body()
            : expected.equals("gzip") ? new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes()
            : Decoder.decompress(response.body()).getDecompressedData();
    assertThat(decoded).isEqualTo(identity);
    if (expected != null) {
      assertThat(response.body().length).isLessThan(identity.length);
    }
  }

  @Test
  void eachEncodingHasItsOwnEtagAndRevalidates() throws Exception {
    assertThat(Brotli4jLoader.isAvailable()).as("brotli4j native library").isTrue();
    String plain = header(get("/rss.xml"), "ETag");
    String gzip = header(get("/rss.xml", "Accept-Encoding", "gzip"), "ETag");
    String br = header(get("/rss.xml", "Accept-Encoding", "br"), "ETag");
    assertThat(java.util.Set.of(plain, gzip, br)).hasSize(3);
    HttpResponse<byte[]> revalidated = get("/rss.xml", "Accept-Encoding", "gzip", "If-None-Match", gzip);
    assertThat(revalidated.statusCode()).isEqualTo(304);
    assertThat(header(revalidated, "ETag")).isEqualTo(gzip);
  }

  @Test
  void headMatchesGetWithoutBody() throws Exception {
    HttpResponse<byte[]> get = get("/feed.json", "Accept-Encoding", "gzip");
    HttpResponse<byte[]> head = send("HEAD", "/feed.json", "Accept-Encoding", "gzip");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    for (String name : new String[] {"ETag", "Last-Modified", "Content-Type", "Content-Encoding", "Content-Length", "Vary"}) {
      assertThat(header(head, name)).as(name).isEqualTo(header(get, name));
    }
    assertThat(header(head, "Content-Type")).isEqualTo("application/feed+json");
  }

  @Test
  void pagingLinksWalkEveryEntryOnce() throws Exception {
    String page1 = new String(get("/category/Java/atom.xml?limit=2").body(), StandardCharsets.UTF_8);
    assertThat(page1)
        .contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"http://feeds.test/category/Java/atom.xml?limit=2\" />")
        .contains("<link rel=\"next\" type=\"application/atom+xml\" href=\"http://feeds.test/category/Java/page/2/atom.xml?limit=2\" />")
        .contains("<link rel=\"last\" type=\"application/atom+xml\" href=\"http://feeds.test/category/Java/page/2/atom.xml?limit=2\" />")
        .doesNotContain("rel=\"previous\"");
    String page2 = new String(get("/category/Java/page/2/atom.xml?limit=2").body(), StandardCharsets.UTF_8);
    assertThat(page2).contains("rel=\"previous\"").doesNotContain("rel=\"next\"").contains("<id>tag:feeds.test,2026:same-day-b</id>");
    String rss = new String(get("/category/Java/rss.xml?limit=1").body(), StandardCharsets.UTF_8);
    assertThat(rss).contains("<atom:link href=\"http://feeds.test/category/Java/page/2/rss.xml?limit=1\" type=\"application/rss+xml\" rel=\"next\" />");
    String json = new String(get("/category/Java/page/2/feed.json?limit=1").body(), StandardCharsets.UTF_8);
    assertThat(json).contains("\"next_url\":\"http://feeds.test/category/Java/page/3/feed.json?limit=1\"");
    // the default document carries no paging links when everything fits
    assertThat(new String(get("/category/Java/atom.xml").body(), StandardCharsets.UTF_8)).doesNotContain("rel=\"next\"");
    // readers' cache busters are ignored
    assertThat(get("/rss.xml?_=12345").body()).isEqualTo(get("/rss.xml").body());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/rss.xml?limit=0           | query parameter 'limit': must be a whole number from 1 to 100 (got 0)",
        "/rss.xml?limit=101         | query parameter 'limit': must be a whole number from 1 to 100 (got 101)",
        "/rss.xml?limit=abc         | query parameter 'limit': must be a whole number from 1 to 100",
        "/rss.xml?limit=            | query parameter 'limit': must be a whole number from 1 to 100",
        "/rss.xml?limit=-1          | query parameter 'limit': must be a whole number from 1 to 100",
        "/rss.xml?limit=99999999999 | query parameter 'limit': must be a whole number from 1 to 100",
        "/rss.xml?limit=1&limit=2   | query parameter 'limit': give it once",
        "/feed.json?limit=x<script> | query parameter 'limit': must be a whole number from 1 to 100",
      })
  void badQueryValuesAre400NamingTheParameter(String path, String message) throws Exception {
    HttpResponse<byte[]> response = get(path.replace("<", "%3C").replace(">", "%3E"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(header(response, "Content-Type")).isEqualTo("text/plain;charset=utf-8");
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(message + "\n");
  }

  private static Route.Feed feed(String category, FeedFormat format) {
    return new Route.Feed(Optional.of(Topic.of(Taxonomy.CATEGORY, category)), format);
  }

  @Test
  void validatorsChangeExactlyWhenBytesChange() throws Exception {
    Path content = FixtureSite.copyTo(Files.createTempDirectory(dir, "reload"));
    Publisher publisher = new Publisher(FixtureSite.config(content));
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    ServedSite before = ServedSite.first(publisher.publish().site(), t0).warm(); // as App does

    // edit an OLDER item of the Java feed (its newest item stays the same) and delete another
    Path older = content.resolve("same-day-a.md");
    Files.writeString(older, Files.readString(older).replace("<p>A</p>", "<p>A, edited</p>"));
    Files.delete(content.resolve("nested/cjk.md"));
    Instant t1 = t0.plusSeconds(3600);
    ServedSite after = before.next(publisher.publish().site(), t1).warm();

    HttpResource javaBefore = before.resolve(feed("Java", FeedFormat.RSS)).orElseThrow();
    HttpResource javaAfter = after.resolve(feed("Java", FeedFormat.RSS)).orElseThrow();
    assertThat(javaAfter.variants().get(0).etag()).isNotEqualTo(javaBefore.variants().get(0).etag());
    assertThat(javaAfter.lastModified()).isEqualTo(t1);
    // a feed whose bytes did not change keeps both validators
    HttpResource cppBefore = before.resolve(feed("C++", FeedFormat.ATOM)).orElseThrow();
    HttpResource cppAfter = after.resolve(feed("C++", FeedFormat.ATOM)).orElseThrow();
    assertThat(cppAfter.variants().get(0).etag()).isEqualTo(cppBefore.variants().get(0).etag());
    assertThat(cppAfter.lastModified()).isEqualTo(t0);
    // the deleted item's category feed is gone; the site feed changed
    assertThat(after.resolve(feed("日本", FeedFormat.ATOM))).isEmpty();
    assertThat(after.resolve(new Route.Feed(Optional.empty(), FeedFormat.ATOM)).orElseThrow().lastModified()).isEqualTo(t1);

    // the other polled responses follow the same rule: previews, embed pages, OPML, feed index, assets
    HttpResource javaPreview = after.resolve(new Route.Preview(feed("Java", FeedFormat.RSS))).orElseThrow();
    assertThat(javaPreview.lastModified()).isEqualTo(t1);
    assertThat(javaPreview).isNotSameAs(before.resolve(new Route.Preview(feed("Java", FeedFormat.RSS))).orElseThrow());
    // the Java widget shows titles and dates only: an edited body leaves it alone
    for (Route same : List.of(new Route.Preview(feed("C++", FeedFormat.ATOM)), new Route.Embed(Topic.of(Taxonomy.CATEGORY, "Java"), EmbedOptions.DEFAULT),
        new Route.Embed(Topic.of(Taxonomy.CATEGORY, "C++"), EmbedOptions.DEFAULT), new Route.Asset(AssetFile.EMBED_SCRIPT), new Route.Asset(AssetFile.STYLESHEET))) {
      assertThat(after.resolve(same).orElseThrow()).as(same.toString()).isSameAs(before.resolve(same).orElseThrow());
    }
    // categories are gone: the lists of feeds changed, and their embed pages are gone
    for (Route changed : List.of(new Route.Opml(), new Route.FeedIndex())) {
      assertThat(after.resolve(changed).orElseThrow().lastModified()).as(changed.toString()).isEqualTo(t1);
    }
    assertThat(after.resolve(new Route.Embed(Topic.of(Taxonomy.CATEGORY, "日本"), EmbedOptions.DEFAULT))).isEmpty();
    assertThat(after.changedSince(before))
        .contains(new Route.Opml(), new Route.Preview(feed("Java", FeedFormat.RSS)))
        .doesNotContain(new Route.Asset(AssetFile.STYLESHEET), new Route.Embed(Topic.of(Taxonomy.CATEGORY, "Java"), EmbedOptions.DEFAULT));
  }
}
