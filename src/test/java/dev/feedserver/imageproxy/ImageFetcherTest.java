package dev.feedserver.imageproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedserver.ImageHost;
import dev.feedserver.config.ImageProxySettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fetcher against a hot-link-protected loopback host: every real image loads (no foreign
 * {@code Referer} reaches the host), everything else is refused with its reason; and no request
 * is ever sent to an address that is not public, by address, by name or by redirect. Only
 * 127.0.0.1 ever receives traffic: a refusal of another address happens before connecting, which
 * the tests show by its speed and by a resolver that knows only test names.
 */
class ImageFetcherTest {
  static final String SECRET = ImageHost.SECRET;
  private static ImageHost host;

  @BeforeAll
  static void start() {
    host = new ImageHost();
  }

  @AfterAll
  static void stop() {
    host.close();
  }

  static ImageProxySettings settings(boolean allowLoopback, ImageProxySettings.Referer referer) {
    return ImageHost.proxySettings(allowLoopback, referer);
  }

  /** Test names: {@code rebind.test} resolves to loopback, {@code metadata.test} to the cloud metadata address. */
  private static InetAddress[] resolve(String name) throws UnknownHostException {
    Map<String, String> table = Map.of("rebind.test", "127.0.0.1", "metadata.test", "169.254.169.254",
        "mixed.test", "93.184.215.14,10.0.0.1", "localhost", "127.0.0.1");
    String addresses = table.get(name);
    if (addresses == null) {
      if (name.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':' || (c >= 'a' && c <= 'f'))) {
        return InetAddress.getAllByName(name); // a literal: parsed, never looked up
      }
      throw new UnknownHostException(name);
    }
    String[] each = addresses.split(",");
    InetAddress[] out = new InetAddress[each.length];
    for (int i = 0; i < each.length; i++) {
      out[i] = InetAddress.getByName(each[i]);
    }
    return out;
  }

  private static ImageFetcher fetcher(boolean allowLoopback) {
    return new ImageFetcher(settings(allowLoopback, ImageProxySettings.Referer.NONE), ImageFetcherTest::resolve);
  }

  static Stream<Arguments> images() {
    return Stream.of(
        Arguments.of("/a.png", "image/png"), Arguments.of("/a.jpg", "image/jpeg"),
        Arguments.of("/a.gif", "image/gif"), Arguments.of("/a.webp", "image/webp"),
        Arguments.of("/r1", "image/png"), Arguments.of("/r3", "image/png"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("images")
  void realImagesLoadWithTheirBytesAndSniffedType(String path, String type) {
    ImageFetcher.Result result = fetcher(true).fetch(host.url(path));

    assertThat(result).isInstanceOf(ImageFetcher.Image.class);
    ImageFetcher.Image image = (ImageFetcher.Image) result;
    assertThat(image.mediaType()).isEqualTo(type);
    String served = path.startsWith("/r") ? "/a.png" : path;
    assertThat(image.bytes()).isEqualTo(host.image(served));
  }

  @Test
  void theOriginRefererIsTheImagesOwnAndAccepted() {
    ImageFetcher origin = new ImageFetcher(settings(true, ImageProxySettings.Referer.ORIGIN), ImageFetcherTest::resolve);

    assertThat(origin.fetch(host.url("/a.png"))).isInstanceOf(ImageFetcher.Image.class);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("/a.svg", "image/svg+xml, not a raster image"),
        Arguments.of("/page.html", "text/html, not a raster image"),
        Arguments.of("/fake.png", "the bytes are not a PNG"),
        Arguments.of("/r4", "more than 3 redirects"),
        Arguments.of("/big.png", "over the limit"),
        Arguments.of("/big-chunked.png", "over the limit"),
        Arguments.of("/missing.png", "upstream answered 404"),
        Arguments.of("/to?u=javascript:alert(1)", "redirect without a usable http(s) Location"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void everythingElseIsRefusedWithItsReason(String path, String reason) {
    ImageFetcher.Result result = fetcher(true).fetch(host.url(path));

    assertThat(result).isInstanceOf(ImageFetcher.Failed.class);
    assertThat(((ImageFetcher.Failed) result).timedOut()).isFalse();
    assertThat(((ImageFetcher.Failed) result).reason()).contains(reason);
  }

  @Test
  void fetchesBeyondAHostsLimitWaitTheirTurn() throws Exception {
    ImageProxySettings one = ImageHost.proxySettings(true, ImageProxySettings.Referer.NONE);
    ImageFetcher fetcher = new ImageFetcher(new ImageProxySettings(one.secret(), one.referer(), one.connectTimeout(),
        one.timeout(), one.maxBytes(), one.cacheBytes(), one.maxAgeSeconds(), 1, true), ImageFetcherTest::resolve);
    var slow = java.util.concurrent.CompletableFuture.supplyAsync(() -> fetcher.fetch(host.url("/slow.png")));
    Thread.sleep(200); // the slow fetch holds the host's only turn

    long t0 = System.nanoTime();
    ImageFetcher.Result waited = fetcher.fetch(host.url("/a.png"));
    long millis = (System.nanoTime() - t0) / 1_000_000;

    // it got the turn only when the slow fetch gave up at its 1 s limit, then loaded
    assertThat(millis).isGreaterThanOrEqualTo(600);
    assertThat(waited).isInstanceOf(ImageFetcher.Image.class);
    assertThat(slow.get()).isInstanceOf(ImageFetcher.Failed.class);
  }

  @Test
  void aSlowAnswerTimesOutAtTheLimit() {
    long t0 = System.nanoTime();
    ImageFetcher.Result result = fetcher(true).fetch(host.url("/slow.png"));
    long millis = (System.nanoTime() - t0) / 1_000_000;

    assertThat(result).isInstanceOf(ImageFetcher.Failed.class);
    assertThat(((ImageFetcher.Failed) result).timedOut()).isTrue();
    assertThat(millis).isBetween(900L, (long) ImageHost.SLOW_MILLIS - 500);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "http://127.0.0.1:1/x.png", "http://[::1]:1/x.png", "http://localhost:1/x.png", "http://rebind.test:1/x.png",
      "http://10.0.0.1/x.png", "http://192.168.1.1/x.png", "http://172.16.0.1/x.png", "http://169.254.169.254/latest/meta-data/",
      "http://metadata.test/latest/meta-data/", "https://mixed.test/x.png", "http://0.0.0.0/x.png", "http://[::]/x.png",
      "http://100.64.0.1/x.png", "http://224.0.0.1/x.png", "http://[fe80::1]/x.png", "http://[fd00::1]/x.png",
      "http://[::ffff:10.0.0.1]/x.png", "http://[64:ff9b::a9fe:a9fe]/x.png", "http://[2002:a00:1::]/x.png",
      "http://255.255.255.255/x.png"})
  void addressesThatAreNotPublicAreRefusedBeforeConnecting(String url) {
    ImageFetcher fetcher = fetcher(false); // (its TLS context is made once, outside the timing)
    long t0 = System.nanoTime();
    ImageFetcher.Result result = fetcher.fetch(url);
    long millis = (System.nanoTime() - t0) / 1_000_000;

    assertThat(result).isInstanceOf(ImageFetcher.Failed.class);
    assertThat(((ImageFetcher.Failed) result).reason()).contains("address").contains("not fetched");
    assertThat(millis).as("refused before any connection is tried").isLessThan(200);
  }

  @Test
  void theLoopbackHostItselfIsRefusedUnlessAllowedForTests() {
    int before = host.hits("/a.png");

    assertThat(fetcher(false).fetch(host.url("/a.png"))).isInstanceOf(ImageFetcher.Failed.class);
    assertThat(host.hits("/a.png")).as("nothing sent").isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/x.png",
      "http://metadata.test/x", "http://192.168.0.1/x.png"})
  void aRedirectToAnAddressThatIsNotPublicIsRefused(String target) {
    // loopback allowed (the test host), private and link-local still refused: the redirect is checked
    ImageFetcher fetcher = fetcher(true);
    long t0 = System.nanoTime();
    ImageFetcher.Result result = fetcher.fetch(host.url("/to?u=" + target));

    assertThat(result).isInstanceOf(ImageFetcher.Failed.class);
    assertThat(((ImageFetcher.Failed) result).reason()).contains("not fetched");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(500);
  }

  @Test
  void anUnknownNameIsAFailureNotAnException() {
    assertThat(fetcher(false).fetch("http://nowhere.test/x.png")).isInstanceOf(ImageFetcher.Failed.class);
  }
}
