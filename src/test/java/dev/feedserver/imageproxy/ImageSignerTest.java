package dev.feedserver.imageproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedserver.ImageHost;
import dev.feedserver.site.Links;
import dev.feedserver.site.Route;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signed image URLs: they read back into the route they were written from, and any change breaks them. */
class ImageSignerTest {
  private static final String URL = "https://p5.toutiaoimg.com/origin/tos-cn-i-qvj2lq49k0/bc5b2cedee704e1fa09de5d8b80c6a22";
  private final ImageSigner signer = new ImageSigner(ImageHost.SECRET);
  private final Links links = new Links(URI.create("https://feeds.example/"), "feeds.example,2026");

  @ParameterizedTest
  @ValueSource(strings = {URL, "https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/12/A.jpg",
      "http://img.example/图片/a%20b.png?x=1&y=2", "https://img.example/a.jpg?crop=1,2#frag"})
  void aSignedUrlReadsBackIntoItsRouteAndVerifies(String url) {
    Route.Image route = signer.route(url);
    String written = links.url(route);

    assertThat(written).startsWith("https://feeds.example/img/" + route.signature() + "/");
    assertThat(written.substring("https://feeds.example".length())).doesNotContain("%").doesNotContain("?");
    Optional<Route> read = links.route(written.substring("https://feeds.example".length()));
    assertThat(read).contains(route);
    assertThat(signer.verify((Route.Image) read.orElseThrow())).isTrue();
  }

  @Test
  void aChangedUrlDoesNotVerify() {
    Route.Image route = signer.route(URL);

    assertThat(signer.verify(new Route.Image(route.signature(), URL + "x"))).isFalse();
    assertThat(signer.verify(new Route.Image(route.signature(), "http://169.254.169.254/"))).isFalse();
  }

  @Test
  void aChangedTruncatedOrLengthenedSignatureDoesNotVerify() {
    String signature = signer.sign(URL);
    char first = signature.charAt(0);
    String changed = (first == 'A' ? 'B' : 'A') + signature.substring(1);

    assertThat(signer.verify(new Route.Image(changed, URL))).isFalse();
    assertThat(signer.verify(new Route.Image(signature.substring(0, signature.length() - 2), URL))).isFalse();
    assertThat(signer.verify(new Route.Image(signature + "AA", URL))).isFalse();
    assertThat(signer.verify(new Route.Image(signature, URL))).isTrue();
  }

  @Test
  void anotherSecretSignsDifferently() {
    ImageSigner other = new ImageSigner(ImageHost.SECRET + "!");

    assertThat(other.sign(URL)).isNotEqualTo(signer.sign(URL));
    assertThat(other.verify(signer.route(URL))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/img/abc", "/img/abc/!!!", "/img/abc/ZnRwOi8vYQ", "/img/abc/amF2YXNjcmlwdDphbGVydCgxKQ",
      "/img/a.b/aHR0cHM6Ly9hLmV4YW1wbGUv", "/img/abc/aHR0cHM6Ly9hLmV4YW1wbGUv/more"})
  void malformedImagePathsNameNoImage(String path) {
    assertThat(links.route(path)).isNotPresent();
  }
}
