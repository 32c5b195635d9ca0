package dev.feedserver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsServeSeedsOnPort7070() {
    Config config = new ConfigLoader(Map.of()).load(Optional.empty());
    assertThat(config.port()).isEqualTo(7070);
    assertThat(config.baseUrl()).isEqualTo(URI.create("http://localhost:7070/"));
    assertThat(config.contentDir()).isEqualTo(Path.of("seeds"));
    assertThat(config.timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(config.feedSize()).isEqualTo(20);
    assertThat(config.idAuthority()).isEqualTo("feedserver.local,2026");
    assertThat(config.strict()).isFalse();
  }

  @Test
  void categoryTreesAreReadInAHexoSiteByDefaultAndTheKeyChoosesEitherWay() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Path hexo = Files.createDirectories(dir.resolve("hexo/source/_posts"));
    Files.writeString(dir.resolve("hexo/_config.yml"), "title: A blog\n");
    Path root = dir.resolve("hexo");
    assertThat(new ConfigLoader(Map.of("FEED_CONTENT_DIR", plain.toString())).load(Optional.empty()).categoryTree())
        .isFalse();
    assertThat(new ConfigLoader(Map.of("FEED_CONTENT_DIR", root.toString())).load(Optional.empty()).categoryTree())
        .isTrue();
    // a source/ folder alone, or _config.yml alone, is not a Hexo site
    assertThat(new ConfigLoader(Map.of("FEED_CONTENT_DIR", hexo.getParent().toString())).load(Optional.empty())
        .categoryTree()).isFalse();
    assertThat(new ConfigLoader(Map.of("FEED_CONTENT_DIR", root.toString(), "FEED_CATEGORY_TREE", "false"))
        .load(Optional.empty()).categoryTree()).isFalse();
    assertThat(new ConfigLoader(Map.of("FEED_CONTENT_DIR", plain.toString(), "FEED_CATEGORY_TREE", "true"))
        .load(Optional.empty()).categoryTree()).isTrue();
    assertThatThrownBy(() -> new ConfigLoader(Map.of("FEED_CATEGORY_TREE", "yes")).load(Optional.empty()))
        .hasMessage("config key 'categoryTree' (environment variable FEED_CATEGORY_TREE): must be true, false or auto"
            + " (got 'yes')");
  }

  @Test
  void newPostNameIsHexosDefaultAndTheFileOrEnvironmentSetsIt() throws Exception {
    assertThat(new ConfigLoader(Map.of()).load(Optional.empty()).newPostName()).hasToString(":title.md");
    Path file = Files.writeString(dir.resolve("site.yaml"), "newPostName: ':year-:month-:day-:title.md'\n");
    assertThat(new ConfigLoader(Map.of()).load(Optional.of(file)).newPostName().carriesDate()).isTrue();
    assertThat(new ConfigLoader(Map.of("FEED_NEW_POST_NAME", ":lang/:title.md")).load(Optional.of(file)).newPostName())
        .hasToString(":lang/:title.md");
    assertThatThrownBy(() -> new ConfigLoader(Map.of("FEED_NEW_POST_NAME", "post.md")).load(Optional.empty()))
        .hasMessage("config key 'newPostName' (environment variable FEED_NEW_POST_NAME): must hold a placeholder such as"
            + " :title (Hexo's new_post_name) (got 'post.md')");
  }

  @Test
  void portFromEnvironmentAlsoMovesTheDefaultBaseUrl() {
    Config config = new ConfigLoader(Map.of("PORT", "9000")).load(Optional.empty());
    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.baseUrl()).isEqualTo(URI.create("http://localhost:9000/"));
  }

  @Test
  void fileThenEnvironment() throws Exception {
    Path file = dir.resolve("site.yaml");
    Files.writeString(
        file,
        """
        title: 我的订阅
        description: Scraped articles
        baseUrl: https://feeds.example.org/blog
        language: en-GB
        timeZone: Asia/Shanghai
        contentDir: /srv/articles
        feedSize: 50
        idAuthority: example.org,2026-01
        strict: true
        """);
    Config config =
        new ConfigLoader(Map.of("FEED_CONFIG", file.toString(), "FEED_CONTENT_DIR", "/other")).load();
    assertThat(config.title()).isEqualTo("我的订阅");
    assertThat(config.baseUrl()).isEqualTo(URI.create("https://feeds.example.org/blog/"));
    assertThat(config.language()).isEqualTo("en-GB");
    assertThat(config.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(config.contentDir()).isEqualTo(Path.of("/other"));
    assertThat(config.feedSize()).isEqualTo(50);
    assertThat(config.idAuthority()).isEqualTo("example.org,2026-01");
    assertThat(config.strict()).isTrue();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "feedSize    | 0             | config key 'feedSize'",
        "feedSize    | twenty        | config key 'feedSize'",
        "baseUrl     | ftp://x/      | config key 'baseUrl'",
        "baseUrl     | /relative     | config key 'baseUrl'",
        "timeZone    | Mars/Olympus  | config key 'timeZone'",
        "language    | not a tag!    | config key 'language'",
        "idAuthority | example.org   | config key 'idAuthority'",
        "strict      | maybe         | config key 'strict'",
        "port        | 70000         | config key 'port'",
        "titel       | typo          | config key 'titel'",
        "maxFileBytes | 100          | config key 'maxFileBytes'",
        "maxAliases  | -1            | config key 'maxAliases'",
        "maxNesting  | 0             | config key 'maxNesting'",
        "maxNames    | 10001         | config key 'maxNames'",
        "imageProxy  | yes           | config key 'imageProxy'",
        "imageProxyReferer | always  | config key 'imageProxyReferer'",
        "imageProxyTimeout | 0       | config key 'imageProxyTimeout'",
        "imageProxyMaxBytes | 10     | config key 'imageProxyMaxBytes'",
      })
  void badValuesNameTheKey(String key, String value, String message) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, key + ": '" + value + "'\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(file)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message)
        .hasMessageContaining(file.toString());
  }

  @Test
  void badEnvironmentValueNamesTheVariable() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of("PORT", "http")).load(Optional.empty()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("config key 'port' (environment variable PORT)");
  }

  @Test
  void malformedYamlNamesFileAndLine() throws Exception {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "title: ok\nfeedSize: [\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(file)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":");
  }

  @Test
  void contentLimitsDefaultToTheSafeConstantsAndAreKeys() throws Exception {
    assertThat(new ConfigLoader(Map.of()).load(Optional.empty()).limits())
        .isEqualTo(new dev.feedserver.content.ContentLimits(10_485_760, 20, 16, 100))
        .isEqualTo(dev.feedserver.content.ContentLimits.DEFAULTS);
    Path file = dir.resolve("limits.yaml");
    Files.writeString(file, "maxFileBytes: 4096\nmaxAliases: 0\nmaxNesting: 4\nmaxNames: 3\n");
    assertThat(new ConfigLoader(Map.of()).load(Optional.of(file)).limits())
        .isEqualTo(new dev.feedserver.content.ContentLimits(4096, 0, 4, 3));
  }

  @Test
  void theImageProxyIsOffByDefaultAndNeedsALongSecret() {
    assertThat(new ConfigLoader(Map.of()).load(Optional.empty()).imageProxy()).isEmpty();
    assertThatThrownBy(() -> new ConfigLoader(Map.of("FEED_IMAGE_PROXY", "true")).load(Optional.empty()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config key 'imageProxySecret' (default): must be set when imageProxy is true");
    String shortSecret = "s3cret-but-only-27-characters";
    assertThatThrownBy(() -> new ConfigLoader(Map.of("FEED_IMAGE_PROXY", "true", "FEED_IMAGE_PROXY_SECRET", shortSecret))
            .load(Optional.empty()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config key 'imageProxySecret' (environment variable FEED_IMAGE_PROXY_SECRET): must be at least 32")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(shortSecret));
  }

  @Test
  void theImageProxysKeysAreRead() throws Exception {
    Path file = dir.resolve("proxy.yaml");
    Files.writeString(file, "imageProxy: 'true'\nimageProxyReferer: origin\nimageProxyTimeout: '20'\n"
        + "imageProxyConnectTimeout: '2'\nimageProxyMaxBytes: '2048'\nimageProxyCacheBytes: '0'\n"
        + "imageProxyMaxAge: '86400'\n");
    String secret = "x".repeat(32);
    ImageProxySettings settings = new ConfigLoader(Map.of("FEED_IMAGE_PROXY_SECRET", secret))
        .load(Optional.of(file)).imageProxy().orElseThrow();

    assertThat(settings.secret()).isEqualTo(secret);
    assertThat(settings.referer()).isEqualTo(ImageProxySettings.Referer.ORIGIN);
    assertThat(settings.timeout()).hasSeconds(20);
    assertThat(settings.connectTimeout()).hasSeconds(2);
    assertThat(settings.maxBytes()).isEqualTo(2048);
    assertThat(settings.cacheBytes()).isZero();
    assertThat(settings.maxAgeSeconds()).isEqualTo(86400);
    assertThat(settings.allowLoopback()).isFalse();
    assertThat(settings.toString()).doesNotContain(secret);
  }
}
