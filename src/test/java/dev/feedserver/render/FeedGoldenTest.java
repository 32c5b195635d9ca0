package dev.feedserver.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedserver.FixtureSite;
import dev.feedserver.Publisher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact bytes of the fixture site's feeds and pages. Regenerate after an intended change with
 * {@code mvn test -Dtest=FeedGoldenTest -Dgolden.update=true} and review the diff.
 */
class FeedGoldenTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TempDir static Path dir;

  static Stream<String> paths() {
    return Stream.of(
        "/rss.xml",
        "/atom.xml",
        "/category/%E6%96%B0%E5%AA%92%E4%BD%93/rss.xml",
        "/category/%E6%96%B0%E5%AA%92%E4%BD%93/atom.xml",
        "/category/C%2B%2B/rss.xml",
        "/category/C%2B%2B/atom.xml",
        "/category/%E6%97%85%E8%A1%8C/atom.xml",
        "/feed.json",
        "/category/%E6%96%B0%E5%AA%92%E4%BD%93/feed.json",
        "/",
        "/category/%E7%94%9F%E6%B4%BB",
        "/entry/000_dc3f88500a8e27b9",
        "/entry/hello-world",
        "/category/%E6%96%B0%E5%AA%92%E4%BD%93/embed",
        "/opml.xml",
        "/feeds.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void bytesMatchTheGoldenFile(String path) throws Exception {
    Publisher.Publication site = new Publisher(FixtureSite.config(FixtureSite.copyTo(dir))).publish();
    byte[] actual = site.get(path).orElseThrow(() -> new AssertionError("nothing at " + path)).body();
    Path golden = GOLDEN.resolve(fileName(path));
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.write(golden, actual);
    }
    assertThat(golden).as("golden file; run with -Dgolden.update=true to create it").exists();
    assertThat(new String(actual, StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  private static String fileName(String path) {
    String name = path.equals("/") ? "index" : path.substring(1).replace('/', '_').replace('%', '-');
    return name.endsWith(".xml") || name.endsWith(".json") ? name : name + ".html";
  }
}
