package dev.feedserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.feedserver.App;
import dev.feedserver.FixtureSite;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real server driven by a real browser: Debian's {@code chromium} through its {@code
 * chromium-driver}, headless, with a fresh profile and no network but loopback. Nothing is
 * downloaded: the driver and browser paths are given, so Selenium Manager is never run (and the
 * build points {@code SE_MANAGER_PATH} at {@code /bin/false} in case it were).
 *
 * <p>A second server on another loopback origin plays the host site: it serves a page built from
 * the snippets the category page shows, and the test image.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
  private static final String MARKER = "window.__pwned=1;document.title='pwned'";
  /** Script and event-handler payloads, each of which sets the marker if it ever runs. */
  private static final String BODY_PAYLOADS =
      "<p>Body text 正文</p>\n"
          + "<script>" + MARKER + "</script>\n"
          + "<img src=\"x\" onerror=\"" + MARKER + "\">\n"
          + "<svg><script>" + MARKER + "</script></svg><svg onload=\"" + MARKER + "\"></svg>\n"
          + "<iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>\n"
          + "<details open ontoggle=\"" + MARKER + "\"><summary>s</summary></details>\n"
          + "<a href=\"javascript:" + MARKER + "\" id=\"js-link\">js link</a>\n"
          + "<body onload=\"" + MARKER + "\"><input autofocus onfocus=\"" + MARKER + "\">\n"
          + "<object data=\"javascript:" + MARKER + "\"></object><embed src=\"javascript:" + MARKER + "\">\n"
          + "<math><mtext><table><mglyph><style><img src=x onerror=\"" + MARKER + "\"></style></mglyph></table></mtext></math>\n";
  private static final String TITLE_PAYLOAD = "<img src=x onerror=\"" + MARKER + "\"><script>" + MARKER + "</script>";

  @TempDir static Path dir;
  @TempDir static Path profile;
  private final Map<String, byte[]> hostPages = new ConcurrentHashMap<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer host;
  private App app;
  private ChromeDriver browser;
  private String site;
  private String hostOrigin;

  @BeforeAll
  void start() throws Exception {
    host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    host.createContext("/", exchange -> {
      byte[] body = hostPages.get(exchange.getRequestURI().getPath());
      String type = exchange.getRequestURI().getPath().endsWith(".png") ? "image/png" : "text/html; charset=utf-8";
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      if (body != null) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      exchange.close();
    });
    host.start();
    hostOrigin = "http://127.0.0.1:" + host.getAddress().getPort();
    hostPages.put("/pixel.png", png());
    hostPages.put("/control.html", page("<p>control</p>" + BODY_PAYLOADS));

    writeCorpus(dir, hostOrigin + "/pixel.png");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    site = "http://localhost:" + port;
    app = App.start(FixtureSite.config(dir, URI.create(site + "/"), port));

    browser = Chromium.start(profile);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.stop();
    }
    if (host != null) {
      host.stop(0);
    }
  }

  private static void writeCorpus(Path dir, String pixel) throws IOException {
    Files.writeString(dir.resolve("wechat.md"), """
        ---
        title: 视频号灰度测试购物车功能
        categories: [新媒体]
        tags: [电商]
        date: 2024-05-02 10:00:00
        headimg: %s
        ---
        <p>微信要扛起腾讯电商大旗了？</p>
        """.formatted(pixel));
    Files.writeString(dir.resolve("kyoto.md"), """
        ---
        title: 京都の紅葉と日本旅行
        categories: [新媒体, 旅行]
        tags: [电商, 紅葉]
        date: 2024-05-01 10:00:00
        ---
        <p>紅葉の季節。</p>
        """);
    Files.writeString(dir.resolve("picture.md"), """
        ---
        title: 图片测试
        categories: [图片]
        date: 2024-04-01 10:00:00
        ---
        <p>一张图片：</p><p><img src="%s" alt="pixel" id="pixel"></p>
        """.formatted(pixel));
    Files.writeString(dir.resolve("xss.md"), """
        ---
        title: '%s'
        author: '<script>%s</script>'
        categories:
          - 安全
          - '<img src=x onerror="%s">'
        tags: ['<svg onload="%s">']
        date: 2024-04-02 10:00:00
        headimg: 'javascript:%s'
        ---
        %s
        """.formatted(yaml(TITLE_PAYLOAD), yaml(MARKER), yaml(MARKER), yaml(MARKER), yaml(MARKER), BODY_PAYLOADS));
  }

  private static String yaml(String singleQuoted) {
    return singleQuoted.replace("'", "''");
  }

  @Test
  void aHostPageOnAnotherOriginEmbedsTheWidgetBothWaysWithCjkTitles() throws Exception {
    embedsBothWays(site + "/category/" + URLEncoder.encode("新媒体", StandardCharsets.UTF_8));
  }

  @Test
  void aTagFeedEmbedsLikeACategorys() throws Exception {
    embedsBothWays(site + "/tag/" + URLEncoder.encode("电商", StandardCharsets.UTF_8));
  }

  /** The two snippets a topic page shows, pasted into a page on another origin: both show its entries. */
  private void embedsBothWays(String topicPage) throws Exception {
    var snippets = Jsoup.parse(fetch(topicPage)).select("pre code").eachText();
    assertThat(snippets).hasSize(2);
    hostPages.put("/host.html", page(
        "<script>window.__before = Object.getOwnPropertyNames(window);</script>\n"
            + "<h1>A blog on another origin</h1>\n" + snippets.get(0) + "\n" + snippets.get(1)));
    browser.get(hostOrigin + "/host.html");
    List<String> titles = List.of("视频号灰度测试购物车功能", "京都の紅葉と日本旅行");

    // embed.js: a list built from the JSON Feed, fetched cross-origin
    waitFor(() -> "done".equals(
        browser.findElement(By.cssSelector("[data-feedserver-embed]")).getAttribute("data-feedserver-state")));
    assertThat(texts(".feedserver-embed__title")).containsExactlyElementsOf(titles);
    assertThat(browser.findElement(By.cssSelector(".feedserver-embed__title")).getAttribute("href"))
        .startsWith(site + "/entry/");
    assertThat(browser.findElement(By.cssSelector(".feedserver-embed__title")).getAttribute("target"))
        .isEqualTo("_blank");
    waitFor(() -> imageLoaded(".feedserver-embed__image"));
    // no global leaks: the script adds no property to window beyond what the same page without it
    // gets (the iframe's index, the test's own __before and the driver's helpers)
    Object withScript = newGlobals();
    screenshot("host-page");
    hostPages.put("/baseline.html", page(
        "<script>window.__before = Object.getOwnPropertyNames(window);</script>\n" + snippets.get(0)));
    browser.get(hostOrigin + "/baseline.html");
    browser.findElements(By.cssSelector("[data-feedserver-embed], .feedserver-embed__title"));
    assertThat(withScript).isEqualTo(newGlobals());
    browser.get(hostOrigin + "/host.html");
    waitFor(() -> browser.findElements(By.cssSelector(".feedserver-embed__title")).size() == 2);

    // the iframe: the embed page, framed by another origin
    browser.switchTo().frame(browser.findElement(By.tagName("iframe")));
    waitFor(() -> browser.findElements(By.cssSelector("ol > li a")).size() == 2);
    assertThat(texts("ol > li div > a")).containsExactlyElementsOf(titles);
    waitFor(() -> imageLoaded("ol > li img"));
    assertThat(browser.findElement(By.cssSelector("ol > li div > a")).getAttribute("target")).isEqualTo("_blank");
    browser.switchTo().defaultContent();
  }

  @Test
  void payloadsInBodyAndFrontMatterExecuteNothingAnywhere() throws Exception {
    // the marker works: the same payloads on a page without our defences do set it
    browser.get(hostOrigin + "/control.html");
    waitFor(() -> Long.valueOf(1).equals(script("return window.__pwned")));

    String safety = "/category/" + URLEncoder.encode("安全", StandardCharsets.UTF_8);
    String entry = site + "/entry/xss";
    hostPages.put("/xss-host.html", page(
        "<div data-feedserver-embed=\"" + site + safety + "/feed.json\" data-limit=\"5\"></div>"
            + "<script src=\"" + site + "/embed.js\" async></script>"));
    String tagPayload = site + "/tag/" + URLEncoder.encode("<svg onload=\"" + MARKER + "\">", StandardCharsets.UTF_8)
        .replace("+", "%20");
    for (String url : List.of(
        entry,
        tagPayload,
        tagPayload + "/embed",
        tagPayload + "/atom.xml",
        site + safety + "/rss.xml", // a browser's Accept: the HTML preview
        site + safety + "/atom.xml",
        site + safety + "/embed",
        site + safety + "/embed?limit=3&theme=dark",
        site + safety,
        site + "/",
        hostOrigin + "/xss-host.html")) {
      browser.get(url);
      if (url.endsWith("xss-host.html")) {
        waitFor(() -> "done".equals(
            browser.findElement(By.cssSelector("[data-feedserver-embed]")).getAttribute("data-feedserver-state")));
        assertThat(texts(".feedserver-embed__title")).containsExactly(TITLE_PAYLOAD);
      }
      waitFor(() -> "complete".equals(script("return document.readyState")));
      Thread.sleep(150); // let error and load handlers fire, if any were left
      assertThat(script("return window.__pwned")).as(url).isNull();
      assertThat(browser.getTitle()).as(url).isNotEqualTo("pwned");
    }
    // a tag's name is shown as text, exactly as written, on its own page
    browser.get(tagPayload);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("#<svg onload=\"" + MARKER + "\">");
    // the title is shown as text, exactly as written
    browser.get(entry);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(TITLE_PAYLOAD);
    assertThat(browser.findElements(By.cssSelector("main script, main iframe, main svg, main [onerror]"))).isEmpty();
    browser.get(site + safety + "/rss.xml");
    assertThat(browser.findElement(By.cssSelector(".subscribe")).getText()).isEqualTo(site + safety + "/rss.xml");
    screenshot("payload-preview");
  }

  @Test
  void aHexoSitesPostsShowTheirAssetFolderAndSourceImages(@TempDir Path hexo) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String base = "http://localhost:" + port;
    App hexoApp = App.start(FixtureSite.hexoConfig(FixtureSite.copyHexoSiteTo(hexo), URI.create(base + "/"), port));
    try {
      // relative (asset folder), root-relative (source/), Typora's folder, and tag plugins' images
      for (String entry : List.of("/entry/asset-post", "/entry/typora-post", "/entry/tag-plugins")) {
        browser.get(base + entry);
        waitFor(() -> imageLoaded("article img"));
        assertThat(browser.findElements(By.cssSelector("article img"))).as(entry).isNotEmpty();
      }
      screenshot("hexo-tag-plugins");
      // Markdown rendered: a table, code with every character, a heading with its id
      browser.get(base + "/entry/markdown-tour");
      assertThat(browser.findElement(By.cssSelector("article pre code.language-objc")).getText())
          .startsWith("#import <UIKit/UIKit.h>");
      assertThat(browser.findElements(By.cssSelector("article table td"))).hasSize(2);
      assertThat(browser.findElement(By.cssSelector("article h2")).getAttribute("id")).isEqualTo("二级标题-Heading");
      screenshot("hexo-markdown");
    } finally {
      hexoApp.stop();
    }
  }

  @Test
  void thePermalinkPageRendersItsImages() throws Exception {
    browser.get(site + "/entry/picture");
    waitFor(() -> imageLoaded("#pixel") || imageLoaded("main img"));
    WebElement img = browser.findElement(By.cssSelector("main img"));
    assertThat(img.getAttribute("referrerpolicy")).isEqualTo("no-referrer");
    assertThat(((Number) script("return arguments[0].naturalWidth", img)).intValue()).isEqualTo(4);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("图片测试");
    // the stylesheet applied (served from our origin, allowed by the CSP)
    assertThat(script("return getComputedStyle(document.body).maxWidth")).isEqualTo("736px");
  }

  private Object newGlobals() {
    return script("return Object.getOwnPropertyNames(window).filter(n => !window.__before.includes(n)).sort()");
  }

  private boolean imageLoaded(String selector) {
    List<WebElement> images = browser.findElements(By.cssSelector(selector));
    return !images.isEmpty()
        && images.stream().allMatch(i -> Boolean.TRUE.equals(script("return arguments[0].complete", i))
            && ((Number) script("return arguments[0].naturalWidth", i)).intValue() > 0);
  }

  private List<String> texts(String selector) {
    return browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
  }

  private Object script(String code, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(code, args);
  }

  private void waitFor(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
  }

  /** Saves what the browser shows, for people to look at (target/browser-screenshots). */
  private void screenshot(String name) throws IOException {
    Path out = Path.of("target", "browser-screenshots");
    Files.createDirectories(out);
    Files.write(out.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private String fetch(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static byte[] page(String body) {
    return ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>host</title></head><body>"
        + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] png() {
    BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 4; x++) {
      for (int y = 0; y < 3; y++) {
        image.setRGB(x, y, 0xCC3333);
      }
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
