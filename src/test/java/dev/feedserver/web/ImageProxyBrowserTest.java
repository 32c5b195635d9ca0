package dev.feedserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedserver.App;
import dev.feedserver.FixtureSite;
import dev.feedserver.ImageHost;
import dev.feedserver.config.Config;
import dev.feedserver.config.ImageProxySettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * What a browser loads with the image proxy on and off. The images live on a hot-link-protected
 * host ({@link ImageHost}, on 127.0.0.1, another site than the servers' {@code localhost}) that
 * refuses any request a browser marks as cross-site ({@code Sec-Fetch-Site: cross-site}: Chromium
 * sends it for every image of another site, whatever the referrer policy) or that carries a foreign
 * {@code Referer}: it plays the feed reader that sends its own page as {@code Referer}, which a
 * {@code referrerpolicy} in feed content does not stop. Through the proxy the browser asks only the
 * server (same site), and the server asks the host without either header: every image loads
 * ({@code naturalWidth > 0}). Without the proxy the same pages load none of them: the control.
 *
 * <p>Feed previews show each entry's title, date and plain-text summary, no images, so there is
 * nothing in them to load; the page, the iframe embed page and {@code embed.js} (which reads the
 * JSON Feed's {@code image}) are what show images.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageProxyBrowserTest {
  @TempDir static Path dir;
  @TempDir static Path profile;
  private ImageHost host;
  /** A blog on a third site ({@code localhost} on its own port: another site than the image host's 127.0.0.1). */
  private ImageHost blog;
  private App proxied;
  private App plain;
  private String proxiedSite;
  private String plainSite;
  private ChromeDriver browser;

  @BeforeAll
  void start() throws Exception {
    host = new ImageHost();
    blog = new ImageHost();
    Path content = Files.createDirectories(dir.resolve("content"));
    Files.writeString(content.resolve("pictures.md"), "---\n"
        + "title: Pictures\n"
        + "categories: [Pictures]\n"
        + "date: 2024-05-02 10:00:00\n"
        + "headimg: " + host.url("/a.jpg") + "\n"
        + "---\n"
        + "<p><img src=\"" + host.url("/a.png") + "\" alt=\"png\"></p>\n"
        + "<p><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"" + host.url("/a.gif") + "\"></p>\n"
        + "<p><img src=\"" + host.url("/a.webp") + "\" srcset=\"" + host.url("/a.png") + " 1x, "
        + host.url("/a.jpg") + " 2x\"></p>\n", StandardCharsets.UTF_8);
    ImageProxySettings settings = ImageHost.proxySettings(true, ImageProxySettings.Referer.NONE);
    int a = freePort();
    proxiedSite = "http://localhost:" + a;
    proxied = App.start(FixtureSite.config(content, URI.create(proxiedSite + "/"), a).withImageProxy(Optional.of(settings)));
    int b = freePort();
    plainSite = "http://localhost:" + b;
    plain = App.start(FixtureSite.config(content, URI.create(plainSite + "/"), b));
    browser = Chromium.start(profile);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (proxied != null) {
      proxied.stop();
    }
    if (plain != null) {
      plain.stop();
    }
    if (host != null) {
      host.close();
    }
    if (blog != null) {
      blog.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void thePermalinkPageLoadsEveryImageThroughTheProxyAndNoneWithoutIt() throws Exception {
    browser.get(proxiedSite + "/entry/pictures");
    waitFor(() -> settled("article img"));
    List<WebElement> images = browser.findElements(By.cssSelector("article img"));
    assertThat(images).hasSize(3);
    for (WebElement img : images) {
      assertThat(img.getAttribute("currentSrc")).startsWith(proxiedSite + "/img/");
      assertThat(naturalWidth(img)).as(img.getAttribute("src")).isGreaterThan(0);
    }
    screenshot("image-proxy-permalink");

    browser.get(plainSite + "/entry/pictures");
    waitFor(() -> settled("article img"));
    for (WebElement img : browser.findElements(By.cssSelector("article img"))) {
      assertThat(img.getAttribute("currentSrc")).startsWith(host.origin());
      assertThat(naturalWidth(img)).as("the control: refused by the host").isZero();
    }
  }

  @Test
  void theFeedPreviewShowsNoImagesToLoad() {
    browser.get(proxiedSite + "/category/Pictures/rss.xml");
    waitFor(() -> "complete".equals(script("return document.readyState")));
    assertThat(browser.findElements(By.cssSelector(".subscribe"))).isNotEmpty();
    assertThat(browser.findElements(By.tagName("img"))).isEmpty();
  }

  @Test
  void bothEmbedsLoadTheirImagesThroughTheProxyAndNoneWithoutIt() throws Exception {
    for (String site : List.of(proxiedSite, plainSite)) {
      boolean throughProxy = site.equals(proxiedSite);
      String topic = site + "/category/Pictures";
      blog.page("/blog.html", "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>blog</title></head><body>"
          + "<iframe src=\"" + topic + "/embed\" title=\"Pictures\" width=\"400\" height=\"300\"></iframe>"
          + "<div data-feedserver-embed=\"" + topic + "/feed.json\" data-limit=\"5\"></div>"
          + "<script src=\"" + site + "/embed.js\" async></script></body></html>");
      browser.get("http://localhost:" + blog.port() + "/blog.html");

      // embed.js: the JSON Feed's image
      waitFor(() -> "done".equals(
          browser.findElement(By.cssSelector("[data-feedserver-embed]")).getAttribute("data-feedserver-state")));
      waitFor(() -> settled(".feedserver-embed__image"));
      WebElement scripted = browser.findElement(By.cssSelector(".feedserver-embed__image"));
      assertThat(scripted.getAttribute("src")).startsWith(throughProxy ? site + "/img/" : host.origin());
      assertThat(naturalWidth(scripted) > 0).as(site + " embed.js image loads").isEqualTo(throughProxy);

      // the iframe's embed page
      browser.switchTo().frame(browser.findElement(By.tagName("iframe")));
      waitFor(() -> settled("ol > li img"));
      WebElement framed = browser.findElement(By.cssSelector("ol > li img"));
      assertThat(framed.getAttribute("src")).startsWith(throughProxy ? site + "/img/" : host.origin());
      assertThat(naturalWidth(framed) > 0).as(site + " embed page image loads").isEqualTo(throughProxy);
      browser.switchTo().defaultContent();
      if (throughProxy) {
        screenshot("image-proxy-embeds");
      }
    }
  }

  /** Whether every matching image has finished, loaded or failed. */
  private boolean settled(String selector) {
    List<WebElement> images = browser.findElements(By.cssSelector(selector));
    return !images.isEmpty() && images.stream().allMatch(i -> Boolean.TRUE.equals(script("return arguments[0].complete", i)));
  }

  private int naturalWidth(WebElement img) {
    return ((Number) script("return arguments[0].naturalWidth", img)).intValue();
  }

  private Object script(String code, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(code, args);
  }

  private void waitFor(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
  }

  private void screenshot(String name) throws IOException {
    Path out = Path.of("target", "browser-screenshots");
    Files.createDirectories(out);
    Files.write(out.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
