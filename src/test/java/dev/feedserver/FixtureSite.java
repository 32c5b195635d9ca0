package dev.feedserver;

import dev.feedserver.config.Config;
import dev.feedserver.content.BodyStore;
import dev.feedserver.content.ContentLimits;
import dev.feedserver.content.PostNamePattern;
import dev.feedserver.site.Origins;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The test corpus: the user's real article from {@code seeds/} plus the small hand-written files
 * under {@code src/test/resources/fixture/}, copied into a fresh folder.
 */
public final class FixtureSite {
  public static final Path SEED = Path.of("seeds", "000_dc3f88500a8e27b9.txt");
  public static final Path FIXTURE = Path.of("src", "test", "resources", "fixture");
  public static final URI BASE_URL = URI.create("http://feeds.test/");
  public static final String ID_AUTHORITY = "feeds.test,2026";

  private FixtureSite() {}

  /** A small Hexo site (its {@code _config.yml}, {@code source/_posts/}), whose categories are trees. */
  public static final Path HEXO_SITE = Path.of("src", "test", "resources", "hexo-site");

  /** Copies the Hexo site into {@code dir} and returns it. */
  public static Path copyHexoSiteTo(Path dir) {
    copyTree(HEXO_SITE, dir);
    return dir;
  }

  /**
   * The configuration the Hexo site's golden files were made with: what {@code ConfigLoader} reads
   * from the site (its {@code _config.yml}: title, description, author, language, time zone, default
   * category; a Hexo site, so categories as trees), with the fixture's base URL, id authority and port.
   */
  public static Config hexoConfig(Path contentDir) {
    return hexoConfig(contentDir, BASE_URL, 0);
  }

  /** {@link #hexoConfig(Path)} at another base URL and port. */
  public static Config hexoConfig(Path contentDir, URI baseUrl, int port) {
    Config site = new dev.feedserver.config.ConfigLoader(java.util.Map.of("FEED_CONTENT_DIR", contentDir.toString()))
        .load(Optional.empty());
    Config c = config(contentDir, baseUrl, port);
    return new Config(site.title(), site.description(), c.baseUrl(), site.language(), site.timeZone(), c.contentDir(),
        c.feedSize(), c.maxLimit(), c.cacheMaxAge(), c.idAuthority(), c.port(), c.strict(), c.watch(), c.hub(),
        c.corsOrigins(), c.limits(), site.categoryTree(), site.hexoSite(), site.author(), site.defaultCategory(),
        site.excerptsInFeeds(), site.newPostName(), c.imageProxy());
  }

  private static void copyTree(Path from, Path dir) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = dir.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the corpus into {@code dir} and returns it. */
  public static Path copyTo(Path dir) {
    try {
      copyTree(FIXTURE, dir);
      Files.copy(SEED, dir.resolve(SEED.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The configuration the golden files were made with, reading {@code contentDir}. */
  public static Config config(Path contentDir, URI baseUrl, int port) {
    return new Config(
        "Fixture Feeds",
        "Test corpus",
        baseUrl,
        "zh-CN",
        ZoneId.of("Asia/Shanghai"),
        contentDir,
        20,
        100,
        300,
        ID_AUTHORITY,
        port,
        false,
        false,
        Optional.empty(),
        Origins.ANY,
        ContentLimits.DEFAULTS,
        false,
        false,
        "",
        "",
        false,
        PostNamePattern.DEFAULT);
  }

  /** A body store over a fixture folder, configured as {@link #config(Path)} configures the site. */
  public static BodyStore bodies(Config config) {
    return new dev.feedserver.Publisher(config).bodies();
  }

  /** The fixture configuration with the content folder watched and, if given, a WebSub hub. */
  public static Config watching(Path contentDir, Optional<URI> hub) {
    Config c = config(contentDir);
    return new Config(c.title(), c.description(), c.baseUrl(), c.language(), c.timeZone(), c.contentDir(),
        c.feedSize(), c.maxLimit(), c.cacheMaxAge(), c.idAuthority(), c.port(), c.strict(), true, hub,
        c.corsOrigins(), c.limits(), c.categoryTree(), c.hexoSite(), c.author(), c.defaultCategory(),
        c.excerptsInFeeds(), c.newPostName(), c.imageProxy());
  }

  /** The configuration with other origins allowed to read and frame (the {@code corsOrigins} key). */
  /** The configuration on another port. */
  public static Config onPort(Config c, int port) {
    return new Config(c.title(), c.description(), c.baseUrl(), c.language(), c.timeZone(), c.contentDir(),
        c.feedSize(), c.maxLimit(), c.cacheMaxAge(), c.idAuthority(), port, c.strict(), c.watch(), c.hub(),
        c.corsOrigins(), c.limits(), c.categoryTree(), c.hexoSite(), c.author(), c.defaultCategory(),
        c.excerptsInFeeds(), c.newPostName(), c.imageProxy());
  }

  public static Config withCorsOrigins(Config c, Origins origins) {
    return new Config(c.title(), c.description(), c.baseUrl(), c.language(), c.timeZone(), c.contentDir(),
        c.feedSize(), c.maxLimit(), c.cacheMaxAge(), c.idAuthority(), c.port(), c.strict(), c.watch(), c.hub(),
        origins, c.limits(), c.categoryTree(), c.hexoSite(), c.author(), c.defaultCategory(),
        c.excerptsInFeeds(), c.newPostName(), c.imageProxy());
  }

  /** The configuration with other content limits (the {@code maxFileBytes}, ... keys). */
  /** The configuration with feeds carrying excerpts ({@code feedContent: excerpt}). */
  public static Config withExcerptsInFeeds(Config c) {
    return new Config(c.title(), c.description(), c.baseUrl(), c.language(), c.timeZone(), c.contentDir(),
        c.feedSize(), c.maxLimit(), c.cacheMaxAge(), c.idAuthority(), c.port(), c.strict(), c.watch(), c.hub(),
        c.corsOrigins(), c.limits(), c.categoryTree(), c.hexoSite(), c.author(), c.defaultCategory(),
        true, c.newPostName(), c.imageProxy());
  }

  public static Config withLimits(Config c, ContentLimits limits) {
    return new Config(c.title(), c.description(), c.baseUrl(), c.language(), c.timeZone(), c.contentDir(),
        c.feedSize(), c.maxLimit(), c.cacheMaxAge(), c.idAuthority(), c.port(), c.strict(), c.watch(), c.hub(),
        c.corsOrigins(), limits, c.categoryTree(), c.hexoSite(), c.author(), c.defaultCategory(),
        c.excerptsInFeeds(), c.newPostName(), c.imageProxy());
  }

  public static Config config(Path contentDir) {
    return config(contentDir, BASE_URL, 0);
  }
}
