package dev.feedserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feedserver.App;
import dev.feedserver.FixtureSite;
import dev.feedserver.ImageHost;
import dev.feedserver.config.Config;
import dev.feedserver.config.ImageProxySettings;
import dev.feedserver.imageproxy.ImageSigner;
import dev.feedserver.site.Links;
import dev.feedserver.site.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The image proxy over HTTP, on the fixture corpus plus an article whose images live on a
 * hot-link-protected loopback host ({@link ImageHost}): every image URL the server writes (the
 * permalink page's body, {@code srcset}, the feeds' {@code media:thumbnail} and content, JSON Feed
 * {@code image}, the embed page) is a signed {@code /img/} URL that loads the host's exact bytes
 * with a week of {@code max-age}, a strong {@code ETag}, {@code 304} and {@code HEAD}; forged URLs
 * are {@code 403}, upstream failures {@code 502}/{@code 504}, one fetch serves concurrent requests;
 * with the proxy off the URLs are the originals and {@code /img/} is a 404.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageProxyHttpTest {
  private static final String BASE = FixtureSite.BASE_URL.toString(); // http://feeds.test/
  @TempDir static Path dir;
  private ImageHost host;
  private App proxied;
  private App plain;
  private final HttpClient client = HttpClient.newHttpClient();
  private final ImageSigner signer = new ImageSigner(ImageHost.SECRET);
  private final Links links = new Links(FixtureSite.BASE_URL, FixtureSite.ID_AUTHORITY);

  @BeforeAll
  void start() throws Exception {
    host = new ImageHost();
    Path content = FixtureSite.copyTo(Files.createDirectories(dir.resolve("content")));
    Files.writeString(content.resolve("pictures.html"), "---\n"
        + "title: Pictures\n"
        + "categories:\n - Pictures\n"
        + "date: 2030-01-01 10:00:00\n"
        + "headimg: " + host.url("/a.jpg") + "\n"
        + "---\n"
        + "<p><img src=\"" + host.url("/a.png") + "\" alt=\"png\"></p>\n"
        + "<p><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"" + host.url("/a.gif") + "\"></p>\n"
        + "<p><img src=\"" + host.url("/a.webp") + "\" srcset=\"" + host.url("/a.png") + " 1x, " + host.url("/a.jpg")
        + " 2x\"></p>\n", StandardCharsets.UTF_8);
    Config config = FixtureSite.config(content);
    proxied = App.start(FixtureSite.onPort(
        config.withImageProxy(Optional.of(ImageHost.proxySettings(true, ImageProxySettings.Referer.NONE))), 0));
    plain = App.start(FixtureSite.onPort(config, 0));
  }

  @AfterAll
  void stop() {
    if (proxied != null) {
      proxied.stop();
    }
    if (plain != null) {
      plain.stop();
    }
    if (host != null) {
      host.close();
    }
  }

  private HttpResponse<byte[]> send(App app, String method, String url, String... headers) throws Exception {
    String path = url.startsWith(BASE) ? url.substring(BASE.length() - 1) : url;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private String text(App app, String path, String... headers) throws Exception {
    HttpResponse<byte[]> response = send(app, "GET", path, headers);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** The original URL a proxied one names, read back through the route grammar. */
  private String original(String proxiedUrl) {
    assertThat(proxiedUrl).startsWith(BASE + "img/");
    Route route = links.route(proxiedUrl.substring(BASE.length() - 1)).orElseThrow();
    return ((Route.Image) route).url();
  }

  /** Loads a proxied URL and checks it is exactly the host's image, with the proxy's caching headers. */
  private void loadsAsTheHostsImage(String proxiedUrl) throws Exception {
    String path = URI.create(original(proxiedUrl)).getPath();
    HttpResponse<byte[]> get = send(proxied, "GET", proxiedUrl);
    assertThat(get.statusCode()).as(proxiedUrl).isEqualTo(200);
    assertThat(get.body()).isEqualTo(host.image(path));
    assertThat(get.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/");
    assertThat(get.headers().firstValue("Cache-Control")).contains("public, max-age=604800");
    assertThat(get.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    String etag = get.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).startsWith("\"").doesNotStartWith("W/");
    HttpResponse<byte[]> head = send(proxied, "HEAD", proxiedUrl);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag")).contains(etag);
    HttpResponse<byte[]> again = send(proxied, "GET", proxiedUrl, "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.headers().firstValue("Cache-Control")).contains("public, max-age=604800");
  }

  @Test
  void thePermalinkPageShowsEveryImageThroughTheProxy() throws Exception {
    Document page = Jsoup.parse(text(proxied, "/entry/pictures"));
    List<Element> images = page.select("article img");

    assertThat(images).hasSize(3);
    for (Element img : images) {
      assertThat(img.hasAttr("alt")).as(img.outerHtml()).isTrue();
      loadsAsTheHostsImage(img.attr("src"));
      if (img.hasAttr("srcset")) {
        for (String candidate : img.attr("srcset").split(", ")) {
          loadsAsTheHostsImage(candidate.split(" ")[0]);
        }
      }
    }
    assertThat(original(images.get(1).attr("src"))).as("the lazy image's real source").isEqualTo(host.url("/a.gif"));
  }

  @Test
  void theSeedsHotLinkProtectedAndWrappedImagesAreProxiedToo() throws Exception {
    Document page = Jsoup.parse(text(proxied, "/entry/000_dc3f88500a8e27b9"));
    List<String> originals = new ArrayList<>();
    for (Element img : page.select("article img")) {
      originals.add(original(img.attr("src")));
      assertThat(img.hasAttr("alt")).isTrue();
    }
    assertThat(originals).contains(
        "https://p5.toutiaoimg.com/origin/tos-cn-i-qvj2lq49k0/bc5b2cedee704e1fa09de5d8b80c6a22",
        "https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/12/AMiMikPY6L7FnWiJzWAl.jpg");
  }

  @Test
  void feedsJsonFeedAndTheEmbedPageCarryProxiedImages() throws Exception {
    String rss = text(proxied, "/category/Pictures/rss.xml");
    Matcher thumbnail = Pattern.compile("<media:thumbnail url=\"([^\"]+)\"").matcher(rss);
    assertThat(thumbnail.find()).isTrue();
    loadsAsTheHostsImage(thumbnail.group(1).replace("&amp;", "&"));
    assertThat(rss).doesNotContain(host.origin());

    String atom = text(proxied, "/category/Pictures/atom.xml");
    assertThat(atom).contains(BASE + "img/").doesNotContain(host.origin());

    JsonNode json = new ObjectMapper().readTree(text(proxied, "/category/Pictures/feed.json"));
    JsonNode item = json.get("items").get(0);
    loadsAsTheHostsImage(item.get("image").asText());
    Document content = Jsoup.parseBodyFragment(item.get("content_html").asText());
    for (Element img : content.select("img")) {
      loadsAsTheHostsImage(img.attr("src"));
    }

    Document embed = Jsoup.parse(text(proxied, "/category/Pictures/embed"));
    Element img = embed.selectFirst("img");
    assertThat(img).isNotNull();
    loadsAsTheHostsImage(img.attr("src"));
  }

  @Test
  void withTheProxyOffUrlsAreTheOriginalsAndImgIsNotFound() throws Exception {
    Document page = Jsoup.parse(text(plain, "/entry/pictures"));
    assertThat(page.select("article img").eachAttr("src"))
        .containsExactly(host.url("/a.png"), host.url("/a.gif"), host.url("/a.webp"));
    JsonNode json = new ObjectMapper().readTree(text(plain, "/category/Pictures/feed.json"));
    assertThat(json.get("items").get(0).get("image").asText()).isEqualTo(host.url("/a.jpg"));

    HttpResponse<byte[]> img = send(plain, "GET", links.url(signer.route(host.url("/a.png"))));
    assertThat(img.statusCode()).isEqualTo(404);
  }

  @Test
  void forgedOrAlteredImageUrlsAreRefusedWithoutFetching() throws Exception {
    String url = host.url("/unique/forged.png");
    Route.Image signed = signer.route(url);
    String otherSignature = new ImageSigner(ImageHost.SECRET + "x").sign(url);
    String sig = signed.signature();
    String changed = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
    for (Route.Image forged : List.of(new Route.Image(otherSignature, url), new Route.Image(changed, url),
        new Route.Image(sig.substring(0, 10), url), new Route.Image(sig, url + "?x"),
        new Route.Image(sig, "http://169.254.169.254/latest/meta-data/"))) {
      HttpResponse<byte[]> response = send(proxied, "GET", links.url(forged));
      assertThat(response.statusCode()).as(forged.toString()).isEqualTo(403);
      assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
    }
    assertThat(host.hits("/unique/forged.png")).isZero();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "/a.svg, 502", "/page.html, 502", "/fake.png, 502", "/r4, 502", "/big.png, 502", "/big-chunked.png, 502",
      "/missing.png, 502", "/slow.png, 504", "'/to?u=http://169.254.169.254/latest/meta-data/', 502",
      "'/to?u=http://10.0.0.1/x.png', 502"})
  void upstreamFailuresAreBadGatewayOrTimeoutNeverAServerError(String path, int status) throws Exception {
    HttpResponse<byte[]> response = send(proxied, "GET", links.url(signer.route(host.url(path))));

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).startsWith("image unavailable: ");
    assertThat(response.body().length).isLessThan(400);
  }

  @Test
  void concurrentRequestsForOneImageFetchItOnce() throws Exception {
    String url = links.url(signer.route(host.url("/unique/once.png")));
    List<CompletableFuture<HttpResponse<byte[]>>> requests = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      requests.add(CompletableFuture.supplyAsync(() -> {
        try {
          return send(proxied, "GET", url);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    for (CompletableFuture<HttpResponse<byte[]>> request : requests) {
      assertThat(request.join().statusCode()).isEqualTo(200);
    }
    assertThat(host.hits("/unique/once.png")).isEqualTo(1);
    assertThat(send(proxied, "GET", url).statusCode()).isEqualTo(200);
    assertThat(host.hits("/unique/once.png")).as("kept").isEqualTo(1);
  }

  /**
   * Image fetches wait on another host; feeds and pages must not wait behind them. The fast path
   * answers on the threads that read requests, so whatever may block (a fetch) is handed to the
   * pool: while sixteen slow fetches are in flight, feeds and an entry page still answer at once.
   */
  @Test
  void slowImageFetchesDoNotHoldUpFeedsAndPages() throws Exception {
    List<CompletableFuture<HttpResponse<byte[]>>> images = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String url = links.url(signer.route(host.url("/unique/waiting-" + i + ".png")));
      images.add(CompletableFuture.supplyAsync(() -> {
        try {
          return send(proxied, "GET", url);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    while (host.hits("/unique/waiting-0.png") + host.hits("/unique/waiting-1.png") == 0) {
      Thread.sleep(5); // the first fetches are under way
    }
    String entry = links.url(new Route.Entry("pictures")).substring(BASE.length() - 1);
    for (String path : List.of("/rss.xml", "/atom.xml", "/feed.json", entry, "/rss.xml", entry)) {
      assertThat(send(proxied, "GET", path).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(images.stream().filter(CompletableFuture::isDone).count())
        .as("image requests answered before the feeds and pages were").isLessThan(16);
    for (CompletableFuture<HttpResponse<byte[]>> image : images) {
      assertThat(image.join().statusCode()).isIn(200, 504);
    }
  }

  @Test
  void theServersOwnImagesAreNeverProxied() {
    var urls = new dev.feedserver.imageproxy.SignedImageUrls(links, signer);

    assertThat(urls.image(BASE + "images/logo.png")).isEqualTo(BASE + "images/logo.png");
    assertThat(urls.image(BASE + "entry/x/a.png")).isEqualTo(BASE + "entry/x/a.png");
    assertThat(urls.image("https://img.example/a.png")).startsWith(BASE + "img/");
    assertThat(urls.html("<p><img src=\"" + BASE + "images/a.png\" srcset=\"" + BASE + "images/a.png 1x, https://img.example/b.png?c=1,2 2x\" alt=\"\"></p>"))
        .isEqualTo("<p><img src=\"" + BASE + "images/a.png\" srcset=\"" + BASE + "images/a.png 1x, "
            + links.url(signer.route("https://img.example/b.png?c=1,2")) + " 2x\" alt=\"\"></p>");
  }
}
