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
        "/feeds.json",
        "/tag/intro/rss.xml",
        "/tag/intro/atom.xml",
        "/tag/intro/feed.json",
        "/tag/intro",
        "/author/Ada%20Lovelace/atom.xml",
        "/author/Ada%20Lovelace");
  }

  /**
   * The Hexo site ({@code src/test/resources/hexo-site}): a two-level category tree, Markdown, tag
   * plugins, excerpts, asset folders, Hexo's front-matter forms and its {@code _config.yml}.
   */
  static Stream<String> hexoPaths() {
    return Stream.of(
        "/",
        "/rss.xml",
        "/atom.xml",
        "/feed.json",
        "/category/Java",
        "/category/Java/rss.xml",
        "/category/Java/%E5%9F%BA%E7%A1%80",
        "/category/Java/%E5%9F%BA%E7%A1%80/atom.xml",
        "/category/Notes/%70age",
        "/category/uncategorized",
        "/entry/two-trees",
        "/entry/markdown-tour",
        "/entry/tag-plugins",
        "/entry/asset-post",
        "/entry/no-category",
        "/opml.xml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hexoPaths")
  void aHexoSiteMatchesItsGoldenFile(String path, @TempDir Path hexo) throws Exception {
    Path site = FixtureSite.copyHexoSiteTo(hexo);
    Publisher.Publication publication = new Publisher(FixtureSite.hexoConfig(site)).publish();
    assertThat(publication.load().problems()).isEmpty();
    compare(publication, path, GOLDEN.resolve("hexo-site"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void bytesMatchTheGoldenFile(String path) throws Exception {
    Publisher.Publication site = new Publisher(FixtureSite.config(FixtureSite.copyTo(dir))).publish();
    compare(site, path, GOLDEN);
  }

  private static void compare(Publisher.Publication site, String path, Path folder) throws Exception {
    byte[] actual = site.get(path).orElseThrow(() -> new AssertionError("nothing at " + path)).body();
    Path golden = folder.resolve(fileName(path));
    if (UPDATE) {
      Files.createDirectories(folder);
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
