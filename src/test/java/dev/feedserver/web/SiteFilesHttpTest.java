package dev.feedserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedserver.App;
import dev.feedserver.FixtureSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files a Hexo site serves as they are, over HTTP on the real server: a file of {@code source/}
 * at its own path, a post's asset folder (Hexo's and Typora's) below the post's URL, what a post's
 * relative and root-relative URLs resolve to, and everything that must stay unreachable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteFilesHttpTest {
  @TempDir static Path dir;
  private Path site;
  private App app;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    site = FixtureSite.copyHexoSiteTo(dir.resolve("site"));
    Path source = site.resolve("source");
    Files.writeString(source.resolve("images/icon.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"><script>alert(1)</script></svg>");
    Files.writeString(dir.resolve("outside.png"), "not in the site");
    Files.createSymbolicLink(source.resolve("images/linked.png"), dir.resolve("outside.png"));
    Files.createSymbolicLink(source.resolve("linked-folder"), dir);
    Process fifo = new ProcessBuilder("mkfifo", source.resolve("images/fifo.png").toString()).start();
    assertThat(fifo.waitFor()).isZero();
    app = App.start(FixtureSite.hexoConfig(site));
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aSourceFileIsServedAtItsPathWithValidatorsHeadAnd304() throws Exception {
    HttpResponse<byte[]> get = send("GET", "/images/logo.png");
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.headers().firstValue("Content-Type")).contains("image/png");
    assertThat(get.body()).isEqualTo(Files.readAllBytes(site.resolve("source/images/logo.png")));
    assertThat(get.headers().firstValue("Content-Encoding")).isEmpty(); // a PNG is not compressed again
    assertThat(get.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(get.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).startsWith("public, max-age="));
    assertThat(get.headers().firstValue("Last-Modified")).isPresent();
    String etag = get.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> head = send("HEAD", "/images/logo.png");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag")).contains(etag);
    assertThat(send("GET", "/images/logo.png", "If-None-Match", etag).statusCode()).isEqualTo(304);
  }

  @Test
  void anSvgIsSandboxed() throws Exception {
    HttpResponse<byte[]> svg = send("GET", "/images/icon.svg");
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type")).contains("image/svg+xml");
    assertThat(svg.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).startsWith("sandbox"));
  }

  @Test
  void aFileThatChangesIsServedAnewWithANewEtag() throws Exception {
    Path file = site.resolve("source/images/changing.png");
    Files.write(file, new byte[] {1, 2, 3});
    String before = send("GET", "/images/changing.png").headers().firstValue("ETag").orElseThrow();
    Files.write(file, new byte[] {4, 5, 6, 7});
    HttpResponse<byte[]> after = send("GET", "/images/changing.png");
    assertThat(after.body()).containsExactly(4, 5, 6, 7);
    assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "/entry/asset-post/cover.png",               // Hexo's asset folder
    "/entry/asset-post/asset-post/cover.png",    // the same, as editors resolve it beside the post
    "/entry/typora-post/typora-post.assets/shot.png", // Typora's folder beside the post
  })
  void aPostsOwnFilesAreServedBelowItsUrl(String path) throws Exception {
    HttpResponse<byte[]> response = send("GET", path);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "/_secret.png",                               // Hexo does not publish _ files
    "/images/.hidden.png",
    "/about/index.md",                            // a page's source, not a served type
    "/_config.yml",
    "/images/",                                   // no listings
    "/images",
    "/images/linked.png",                         // a link is never followed
    "/linked-folder/outside.png",
    "/images/fifo.png",                           // a FIFO is never opened (this would hang)
    "/images/%2E%2E/%2E%2E/_config.yml",
    "/images/..%2F..%2F_config.yml",
    "/entry/asset-post/..%2Fjava-top.md",
    "/entry/asset-post/%2E%2E/%2E%2E/images/logo.png",
    "/entry/asset-post/missing.png",
    "/entry/no-such-post/cover.png",
    "/entry/asset-post/typora-post.assets/shot.png", // another post's folder
    "/_posts/asset-post/cover.png",
    "/_drafts/draft.md",
  })
  void nothingElseIsReachable(String path) throws Exception {
    assertThat(send("GET", path).statusCode()).as(path).isIn(400, 404);
  }

  @Test
  void aPostsRelativeAndRootRelativeUrlsResolveToFilesTheServerServes() throws Exception {
    Document page = Jsoup.parse(new String(send("GET", "/entry/asset-post").body(), StandardCharsets.UTF_8));
    List<String> images = page.select("article img").eachAttr("src");
    assertThat(images).containsExactly("http://feeds.test/entry/asset-post/cover.png", "http://feeds.test/images/logo.png");
    assertThat(page.select("article a[title=the cover]").attr("href")).isEqualTo("http://feeds.test/entry/asset-post/cover.png");
    Document typora = Jsoup.parse(new String(send("GET", "/entry/typora-post").body(), StandardCharsets.UTF_8));
    images = new java.util.ArrayList<>(images);
    images.addAll(typora.select("article img").eachAttr("src"));
    assertThat(images).contains("http://feeds.test/entry/typora-post/typora-post.assets/shot.png");
    for (String url : images) {
      HttpResponse<byte[]> image = send("GET", url.substring("http://feeds.test".length()));
      assertThat(image.statusCode()).as(url).isEqualTo(200);
    }
  }
}
