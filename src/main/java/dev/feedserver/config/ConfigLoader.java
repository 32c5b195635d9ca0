package dev.feedserver.config;

import dev.feedserver.content.ContentLimits;
import dev.feedserver.content.PostNamePattern;
import dev.feedserver.site.Origins;
import dev.feedserver.yaml.StrictYamlLoader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Builds a {@link Config} from defaults, a Hexo site's {@code _config.yml}, an optional YAML file and
 * environment variables (in that order of precedence, the environment winning). Every key is
 * declared once in {@link #KEYS}, with its environment variable, default and meaning; an unknown key
 * or a bad value fails with a message that names the key and its source.
 *
 * <p>When {@code contentDir} is a Hexo site (its {@code _config.yml} beside {@code source/}), that
 * file supplies defaults through {@link #HEXO_KEYS}; the rest of it is Hexo's business and is not
 * checked.
 */
public final class ConfigLoader {
  /** Environment variable naming the YAML configuration file. */
  public static final String CONFIG_FILE_ENV = "FEED_CONFIG";

  /** A declared configuration key. {@code env} is null when no environment variable overrides it. */
  public record Key(String name, String env, String defaultValue, String meaning) {}

  /** Every configuration key, in the order the README documents them. */
  public static final List<Key> KEYS =
      List.of(
          new Key("title", null, "Feed Server", "site title, shown in pages and feed channels"),
          new Key("description", null, "Articles", "site description (RSS description, Atom subtitle)"),
          new Key(
              "baseUrl",
              "FEED_BASE_URL",
              "http://localhost:<port>/",
              "absolute http(s) URL readers reach the site at; used for every link in feeds"),
          new Key("language", null, "zh-CN", "BCP 47 language tag of the content"),
          new Key(
              "timeZone", null, "UTC", "zone for front-matter dates written without an offset"),
          new Key("contentDir", "FEED_CONTENT_DIR", "seeds", "folder scanned recursively for articles"),
          new Key("feedSize", null, "20", "entries per feed page by default (1 to 1000)"),
          new Key(
              "maxLimit", null, "100", "largest page size a reader may ask for with ?limit= (1 to 1000)"),
          new Key(
              "cacheMaxAge",
              null,
              "300",
              "seconds readers and CDNs may reuse a response before revalidating (Cache-Control max-age)"),
          new Key(
              "idAuthority",
              null,
              "feedserver.local,2026",
              "tagging entity (domain or email, a comma, a date) of the tag: URIs used as entry ids;"
                  + " set it once and never change it"),
          new Key("port", "PORT", "7070", "TCP port"),
          new Key(
              "watch",
              "FEED_WATCH",
              "true",
              "watch the content folder and publish changes within a second"),
          new Key(
              "hubUrl",
              "FEED_HUB_URL",
              "",
              "WebSub hub: when set, feeds link to it (rel=\"hub\") and it is pinged for every feed"
                  + " that changes"),
          new Key("strict", "FEED_STRICT", "false", "true: any skipped article or warning fails start-up"),
          new Key(
              "corsOrigins",
              "FEED_CORS_ORIGINS",
              "*",
              "origins (comma-separated, such as https://blog.example) allowed to read feeds and embed"
                  + " resources from scripts and to frame the embed page; * allows any"),
          new Key(
              "maxFileBytes",
              null,
              "10485760",
              "largest article file read, in bytes (1024 to 1073741824); a larger file is skipped and named"),
          new Key(
              "maxAliases",
              null,
              "20",
              "YAML alias references allowed in one front matter (0 to 1000); more is a problem"),
          new Key(
              "maxNesting",
              null,
              "16",
              "deepest nesting of YAML lists and mappings in one front matter (1 to 64); deeper is a problem"),
          new Key(
              "maxNames",
              null,
              "100",
              "most distinct category names, and most tag names, one article may list (1 to 10000)"),
          new Key(
              "maxFrontMatter",
              null,
              "1048576",
              "longest front matter, in characters (1024 to 16777216); a longer one is a problem"),
          new Key(
              "readCache",
              "FEED_READ_CACHE",
              "auto",
              "folder where what reading each article gave is kept between runs, so a restart reads only the"
                  + " files that changed; auto: feedserver-<user> in the system's temporary folder; off: none"),
          new Key("author", null, "", "the site's author, named as the feeds' author (default: the site title)"),
          new Key(
              "defaultCategory",
              null,
              "",
              "category of articles that name none (Hexo's default_category); empty: such articles are in no category"),
          new Key(
              "feedContent",
              "FEED_CONTENT",
              "full",
              "what feed items carry: full (the whole article) or excerpt (up to Hexo's <!-- more -->, with a"
                  + " link to the rest; articles without one are carried whole)"),
          new Key(
              "categoryTree",
              "FEED_CATEGORY_TREE",
              "auto",
              "true: a categories list is one hierarchy ([A, B] is B inside A; a list of lists is several), as"
                  + " Hexo reads it; false: every name is a category of its own; auto: true when contentDir is"
                  + " a Hexo site (holds _config.yml and source/)"),
          new Key(
              "newPostName",
              "FEED_NEW_POST_NAME",
              PostNamePattern.DEFAULT_TEXT,
              "how article files are named, as Hexo's new_post_name (such as :year-:month-:day-:title.md):"
                  + " an article without a date takes it from its file name when the name carries one (with a"
                  + " pattern without :year, such as the default, also from a leading YYYY-MM-DD-), else from"
                  + " the file's modification time;"
                  + " without a title, one is made from the file name; each is a warning"),
          new Key(
              "imageProxy",
              "FEED_IMAGE_PROXY",
              "false",
              "true: every image URL of another host in feeds, pages and embeds goes through this server's"
                  + " /img/ route, signed, so that hot-link-protected and http:// images show in every reader"
                  + " (needs imageProxySecret)"),
          new Key(
              "imageProxySecret",
              "FEED_IMAGE_PROXY_SECRET",
              "",
              "the key image URLs are signed with (HMAC-SHA-256), at least 32 characters; keep it secret and"
                  + " stable (a new one changes every image URL)"),
          new Key(
              "imageProxyReferer",
              null,
              "none",
              "the Referer the proxy sends upstream: none, or origin (the image's own origin)"),
          new Key("imageProxyConnectTimeout", null, "5", "seconds to wait for a connection upstream (1 to 60)"),
          new Key("imageProxyTimeout", null, "15", "seconds a whole image fetch may take, redirects included (1 to 300)"),
          new Key(
              "imageProxyMaxBytes",
              null,
              "10485760",
              "largest image fetched, in bytes (1024 to 104857600); a larger one answers 502"),
          new Key(
              "imageProxyCacheBytes",
              null,
              "67108864",
              "bytes of fetched images kept in memory (0 to 4294967296)"),
          new Key(
              "imageProxyMaxAge",
              null,
              "604800",
              "seconds readers and CDNs may keep a proxied image (Cache-Control max-age; 0 to 31536000)"),
          new Key(
              "imageProxyAllowLoopback",
              null,
              "false",
              "for tests only: let the proxy fetch from loopback addresses (private and link-local ones stay"
                  + " refused)"));

  /** Hexo's {@code _config.yml} keys that supply our keys' defaults in a Hexo site, first found wins. */
  public static final Map<String, List<String>> HEXO_KEYS =
      Map.of(
          "title", List.of("title"),
          "description", List.of("description", "subtitle"),
          "author", List.of("author"),
          "language", List.of("language"),
          "timeZone", List.of("timezone"),
          "newPostName", List.of("new_post_name"),
          "defaultCategory", List.of("default_category"));

  private static final Pattern TAG_AUTHORITY =
      Pattern.compile(
          "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
              + "|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+)"
              + ",\\d{4}(?:-\\d{2}(?:-\\d{2})?)?");

  private final Map<String, String> environment;
  private final Map<String, Given> overrides;

  /** A value given on the command line for a key, and where (an option, an argument), for messages. */
  public record Given(String value, String origin) {}

  /** @param environment the process environment (or a test's stand-in for it) */
  public ConfigLoader(Map<String, String> environment) {
    this(environment, Map.of());
  }

  /**
   * @param overrides values given on the command line, by key: they win over everything else
   */
  public ConfigLoader(Map<String, String> environment, Map<String, Given> overrides) {
    this.environment = Map.copyOf(environment);
    this.overrides = Map.copyOf(overrides);
  }

  /** Loads the configuration, reading the file named by {@code FEED_CONFIG} when set. */
  public Config load() {
    String file = environment.get(CONFIG_FILE_ENV);
    return load(file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file)));
  }

  /** Loads the configuration from defaults, the given YAML file if any, and the environment. */
  public Config load(Optional<Path> configFile) {
    Map<String, Source> values = new LinkedHashMap<>();
    configFile.ifPresent(file -> readFile(file, values));
    for (Key key : KEYS) {
      if (key.env() != null) {
        String value = environment.get(key.env());
        if (value != null && !value.isBlank()) {
          values.put(key.name(), new Source(value.trim(), "environment variable " + key.env()));
        }
      }
    }
    overrides.forEach((key, given) -> values.put(key, new Source(given.value().trim(), given.origin())));
    Path contentDir = Path.of(values.getOrDefault("contentDir", new Source(defaultOf("contentDir"), "default")).value());
    boolean hexoSite = isHexoSite(contentDir);
    if (hexoSite) {
      readHexoConfig(contentDir.resolve(HEXO_CONFIG), values);
    }
    Resolved r = new Resolved(values);
    int port = r.get("port", v -> intIn(v, 0, 65535));
    URI baseUrl =
        values.containsKey("baseUrl")
            ? r.get("baseUrl", ConfigLoader::baseUrl)
            : URI.create("http://localhost:" + (port == 0 ? 7070 : port) + "/");
    return new Config(
        r.get("title", ConfigLoader::nonBlank),
        r.get("description", ConfigLoader::nonBlank),
        baseUrl,
        r.get("language", ConfigLoader::languageTag),
        r.get("timeZone", ConfigLoader::zone),
        r.get("contentDir", v -> Path.of(nonBlank(v))),
        r.get("feedSize", v -> intIn(v, 1, 1000)),
        r.get("maxLimit", v -> intIn(v, 1, 1000)),
        r.get("cacheMaxAge", v -> intIn(v, 0, 31_536_000)),
        r.get("idAuthority", ConfigLoader::tagAuthority),
        port,
        r.get("strict", ConfigLoader::bool),
        r.get("watch", ConfigLoader::bool),
        r.get("hubUrl", v -> v.isEmpty() ? Optional.<URI>empty() : Optional.of(absoluteUrl(v))),
        r.get("corsOrigins", Origins::parse),
        new ContentLimits(
            r.get("maxFileBytes", v -> intIn(v, 1024, 1 << 30)),
            r.get("maxAliases", v -> intIn(v, 0, 1000)),
            r.get("maxNesting", v -> intIn(v, 1, 64)),
            r.get("maxNames", v -> intIn(v, 1, 10_000)),
            r.get("maxFrontMatter", v -> intIn(v, 1024, 1 << 24))),
        r.get("categoryTree", v -> categoryTree(v, hexoSite)),
        hexoSite,
        r.get("author", String::strip),
        r.get("defaultCategory", String::strip),
        r.get("feedContent", ConfigLoader::excerptsInFeeds),
        r.get("newPostName", PostNamePattern::parse),
        imageProxy(r),
        r.get("readCache", ConfigLoader::readCache));
  }

  /** The read cache's folder: {@code auto} (the temporary folder's), {@code off}, or a folder. */
  private static Optional<Path> readCache(String value) {
    String v = value.strip();
    if (v.equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    if (v.isEmpty() || v.equalsIgnoreCase("auto")) {
      String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
      return Optional.of(Path.of(System.getProperty("java.io.tmpdir"), "feedserver-" + user));
    }
    return Optional.of(Path.of(v));
  }

  /**
   * The image proxy's settings when {@code imageProxy} is true. The secret is checked here, not by
   * {@link Resolved#get}, so that no message ever repeats it.
   */
  private static Optional<ImageProxySettings> imageProxy(Resolved r) {
    boolean on = r.get("imageProxy", ConfigLoader::bool);
    ImageProxySettings.Referer referer = r.get("imageProxyReferer", ConfigLoader::referer);
    int connect = r.get("imageProxyConnectTimeout", v -> intIn(v, 1, 60));
    int total = r.get("imageProxyTimeout", v -> intIn(v, 1, 300));
    long maxBytes = r.get("imageProxyMaxBytes", v -> longIn(v, 1024, 100L << 20));
    long cacheBytes = r.get("imageProxyCacheBytes", v -> longIn(v, 0, 4L << 30));
    int maxAge = r.get("imageProxyMaxAge", v -> intIn(v, 0, 31_536_000));
    boolean allowLoopback = r.get("imageProxyAllowLoopback", ConfigLoader::bool);
    if (!on) {
      return Optional.empty();
    }
    Source secret = r.source("imageProxySecret");
    if (secret.value().length() < ImageProxySettings.MIN_SECRET_LENGTH) {
      throw new ConfigException("config key 'imageProxySecret' (" + secret.origin() + "): "
          + (secret.value().isEmpty() ? "must be set when imageProxy is true" : "must be at least "
              + ImageProxySettings.MIN_SECRET_LENGTH + " characters (got " + secret.value().length() + ")")
          + "; generate one with: openssl rand -base64 33");
    }
    return Optional.of(new ImageProxySettings(secret.value(), referer, java.time.Duration.ofSeconds(connect),
        java.time.Duration.ofSeconds(total), maxBytes, cacheBytes, maxAge, IMAGE_FETCHES_PER_HOST, allowLoopback));
  }

  /** Fetches at once against one upstream host: a reader's page full of one site's images waits its turn. */
  private static final int IMAGE_FETCHES_PER_HOST = 4;

  private static ImageProxySettings.Referer referer(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "none" -> ImageProxySettings.Referer.NONE;
      case "origin" -> ImageProxySettings.Referer.ORIGIN;
      default -> throw new IllegalArgumentException("must be none or origin");
    };
  }

  private static long longIn(String value, long min, long max) {
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
    }
    return n;
  }

  private static void readFile(Path file, Map<String, Source> values) {
    Map<?, ?> map = yamlMapping(file, "config file");
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = String.valueOf(entry.getKey());
      if (KEYS.stream().noneMatch(k -> k.name().equals(name))) {
        throw new ConfigException(
            "config key '" + name + "' (in " + file + "): unknown key; known keys are "
                + KEYS.stream().map(Key::name).toList());
      }
      if (!(entry.getValue() instanceof String value)) {
        throw new ConfigException(
            "config key '" + name + "' (in " + file + "): must be a single value");
      }
      values.put(name, new Source(value.trim(), "config file " + file));
    }
  }

  /**
   * Reads a Hexo site's {@code _config.yml} for the values of {@link #HEXO_KEYS} that no config
   * file or environment variable set. A list (Hexo's {@code language: [zh-CN, en]}) gives its first
   * item; an empty value gives nothing.
   */
  private static void readHexoConfig(Path file, Map<String, Source> values) {
    Map<?, ?> map = yamlMapping(file, "Hexo's " + HEXO_CONFIG);
    HEXO_KEYS.forEach((ours, theirs) -> {
      if (values.containsKey(ours)) {
        return;
      }
      for (String key : theirs) {
        Object value = map.get(key);
        if (value instanceof List<?> list && !list.isEmpty()) {
          value = list.get(0);
        }
        if (value instanceof String text && !text.isBlank()) {
          values.put(ours, new Source(text.trim(), file + " key '" + key + "'"));
          return;
        }
        if (value != null && !(value instanceof String) && !(value instanceof List<?>)) {
          throw new ConfigException(file + ": key '" + key + "' must be a single value (it gives config key '"
              + ours + "')");
        }
      }
    });
  }

  private static String defaultOf(String name) {
    return KEYS.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow().defaultValue();
  }

  private record Source(String value, String origin) {}

  /** Looks values up by key, falling back to the declared default, and names the key on error. */
  private record Resolved(Map<String, Source> values) {
    /** A value and where it came from, unchecked. */
    Source source(String name) {
      Key key = KEYS.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
      return values.getOrDefault(name, new Source(key.defaultValue(), "default"));
    }

    <T> T get(String name, Function<String, T> parse) {
      Key key = KEYS.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
      Source source = values.getOrDefault(name, new Source(key.defaultValue(), "default"));
      try {
        return parse.apply(source.value());
      } catch (IllegalArgumentException | DateTimeException e) {
        throw new ConfigException(
            "config key '" + name + "' (" + source.origin() + "): " + e.getMessage()
                + " (got '" + source.value() + "')");
      }
    }
  }

  private static String nonBlank(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("must not be empty");
    }
    return value;
  }

  private static int intIn(String value, int min, int max) {
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
    }
    return n;
  }

  private static boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false");
    };
  }

  private static boolean excerptsInFeeds(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "full" -> false;
      case "excerpt" -> true;
      default -> throw new IllegalArgumentException("must be full or excerpt");
    };
  }

  /** A YAML file's top-level mapping (empty for an empty file), loaded safely with limits. */
  private static Map<?, ?> yamlMapping(Path file, String what) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(what + " " + file + ": cannot be read: " + e.getMessage());
    }
    Object root;
    try {
      root = new StrictYamlLoader(1 << 20).load(text);
    } catch (StrictYamlLoader.YamlProblem e) {
      throw new ConfigException(file + ":" + e.line() + ": " + e.getMessage());
    }
    if (root == null) {
      return Map.of();
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ConfigException(what + " " + file + ": must be a mapping of keys to values");
    }
    return map;
  }

  /** {@code true}, {@code false}, or {@code auto}: whether the content folder is a Hexo site. */
  private static boolean categoryTree(String value, boolean hexoSite) {
    if (value.equalsIgnoreCase("auto")) {
      return hexoSite;
    }
    try {
      return bool(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be true, false or auto");
    }
  }

  /** A Hexo site's configuration file, at its root. */
  public static final String HEXO_CONFIG = "_config.yml";

  /** A Hexo site's root: its {@code _config.yml} beside its {@code source/} folder. */
  public static boolean isHexoSite(Path dir) {
    return Files.isRegularFile(dir.resolve(HEXO_CONFIG)) && Files.isDirectory(dir.resolve("source"));
  }

  private static URI absoluteUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException("must be an absolute http(s) URL");
  }

  private static URI baseUrl(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("must be an absolute http(s) URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
        || uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException(
          "must be an absolute http(s) URL without query or fragment, such as https://example.org/");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (!path.endsWith("/")) {
      path = path + "/";
    }
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }

  private static String languageTag(String value) {
    try {
      return new Locale.Builder().setLanguageTag(value).build().toLanguageTag();
    } catch (IllformedLocaleException e) {
      throw new IllegalArgumentException("must be a BCP 47 language tag such as en or zh-CN");
    }
  }

  private static ZoneId zone(String value) {
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("must be a time-zone id such as UTC or Asia/Shanghai");
    }
  }

  private static String tagAuthority(String value) {
    if (!TAG_AUTHORITY.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "must be a domain or email, a comma and a date (YYYY, YYYY-MM or YYYY-MM-DD),"
              + " such as example.org,2026");
    }
    return value;
  }
}
