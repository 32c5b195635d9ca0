package dev.feedserver.config;

import dev.feedserver.content.ContentLimits;
import dev.feedserver.content.PostNamePattern;
import dev.feedserver.site.Origins;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's whole configuration, validated. Built only by {@link ConfigLoader}, which names the
 * offending key when a value is bad.
 *
 * @param title site title shown in pages and feed channels
 * @param description site description (RSS channel description, Atom subtitle)
 * @param baseUrl absolute http(s) URL the site is reached at, always ending in {@code /}
 * @param language BCP 47 language tag of the content
 * @param timeZone zone used for front-matter dates written without an offset
 * @param contentDir folder scanned (recursively) for articles
 * @param feedSize number of entries in each feed page by default
 * @param maxLimit largest page size a request may ask for
 * @param cacheMaxAge seconds of {@code Cache-Control: max-age}
 * @param idAuthority tagging entity of the {@code tag:} URIs used as entry ids, e.g. {@code example.org,2026}
 * @param port TCP port to listen on
 * @param strict whether any skipped article, or any warning, fails start-up
 * @param watch whether to watch the content folder and publish changes
 * @param hub WebSub hub to advertise and ping, if any
 * @param corsOrigins origins allowed to read feeds and embed resources cross-origin and to frame
 *     the embed page
 * @param limits how much one article file may hold ({@code maxFileBytes}, {@code maxAliases},
 *     {@code maxNesting}, {@code maxNames})
 * @param categoryTree whether an article's categories are read as Hexo's hierarchies ({@code [A,
 *     B]} is B inside A) rather than as names each of its own; resolved from {@code categoryTree}
 * @param hexoSite whether {@code contentDir} is a Hexo site's root ({@code _config.yml} beside
 *     {@code source/}): its posts are {@code source/_posts/}, its other files under {@code source/}
 *     are served as they are
 * @param author the site's author (feed-level author), empty when none
 * @param defaultCategory the category of articles that name none (Hexo's {@code default_category}),
 *     empty for none
 * @param excerptsInFeeds feeds carry an article's excerpt (up to Hexo's {@code <!-- more -->}) and a
 *     link to read the rest, instead of the whole article ({@code feedContent: excerpt})
 * @param newPostName how article files are named (Hexo's {@code new_post_name}): where a missing
 *     date and title are taken from
 * @param imageProxy the image proxy's settings when {@code imageProxy: true}; empty when image URLs
 *     are written as the articles give them
 */
public record Config(
    String title,
    String description,
    URI baseUrl,
    String language,
    ZoneId timeZone,
    Path contentDir,
    int feedSize,
    int maxLimit,
    int cacheMaxAge,
    String idAuthority,
    int port,
    boolean strict,
    boolean watch,
    Optional<URI> hub,
    Origins corsOrigins,
    ContentLimits limits,
    boolean categoryTree,
    boolean hexoSite,
    String author,
    String defaultCategory,
    boolean excerptsInFeeds,
    PostNamePattern newPostName,
    Optional<ImageProxySettings> imageProxy,
    Optional<Path> readCache) {

  /** A configuration without the image proxy (its default). */
  public Config(String title, String description, URI baseUrl, String language, ZoneId timeZone, Path contentDir,
      int feedSize, int maxLimit, int cacheMaxAge, String idAuthority, int port, boolean strict, boolean watch,
      Optional<URI> hub, Origins corsOrigins, ContentLimits limits, boolean categoryTree, boolean hexoSite,
      String author, String defaultCategory, boolean excerptsInFeeds, PostNamePattern newPostName) {
    this(title, description, baseUrl, language, timeZone, contentDir, feedSize, maxLimit, cacheMaxAge, idAuthority,
        port, strict, watch, hub, corsOrigins, limits, categoryTree, hexoSite, author, defaultCategory,
        excerptsInFeeds, newPostName, Optional.empty());
  }

  /** A configuration without a read cache (its default outside a jar; tests). */
  public Config(String title, String description, URI baseUrl, String language, ZoneId timeZone, Path contentDir,
      int feedSize, int maxLimit, int cacheMaxAge, String idAuthority, int port, boolean strict, boolean watch,
      Optional<URI> hub, Origins corsOrigins, ContentLimits limits, boolean categoryTree, boolean hexoSite,
      String author, String defaultCategory, boolean excerptsInFeeds, PostNamePattern newPostName,
      Optional<ImageProxySettings> imageProxy) {
    this(title, description, baseUrl, language, timeZone, contentDir, feedSize, maxLimit, cacheMaxAge, idAuthority,
        port, strict, watch, hub, corsOrigins, limits, categoryTree, hexoSite, author, defaultCategory,
        excerptsInFeeds, newPostName, imageProxy, Optional.empty());
  }

  public Config {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(contentDir, "contentDir");
    Objects.requireNonNull(idAuthority, "idAuthority");
    Objects.requireNonNull(hub, "hub");
    Objects.requireNonNull(corsOrigins, "corsOrigins");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(defaultCategory, "defaultCategory");
    Objects.requireNonNull(newPostName, "newPostName");
    Objects.requireNonNull(imageProxy, "imageProxy");
    Objects.requireNonNull(readCache, "readCache");
    if (!baseUrl.getPath().endsWith("/")) {
      throw new IllegalArgumentException("baseUrl must end with /: " + baseUrl);
    }
  }

  /** The folder articles are read from: a Hexo site's {@code source/_posts/}, else {@code contentDir}. */
  public Path articlesDir() {
    return hexoSite ? contentDir.resolve("source").resolve("_posts") : contentDir;
  }

  /**
   * The same configuration with the image proxy {@code on} or off. The static export writes the site
   * with it off: a folder of files has no proxy behind it, so its image URLs stay the original ones.
   */
  public Config withImageProxy(Optional<ImageProxySettings> on) {
    return new Config(title, description, baseUrl, language, timeZone, contentDir, feedSize, maxLimit, cacheMaxAge,
        idAuthority, port, strict, watch, hub, corsOrigins, limits, categoryTree, hexoSite, author, defaultCategory,
        excerptsInFeeds, newPostName, on, readCache);
  }

  /** The same configuration with its read cache kept in {@code folder} (or none). */
  public Config withReadCache(Optional<Path> folder) {
    return new Config(title, description, baseUrl, language, timeZone, contentDir, feedSize, maxLimit, cacheMaxAge,
        idAuthority, port, strict, watch, hub, corsOrigins, limits, categoryTree, hexoSite, author, defaultCategory,
        excerptsInFeeds, newPostName, imageProxy, folder);
  }

  /**
   * Every setting what reading one file gives depends on, as text: a read cache made with other
   * settings is not used.
   */
  public String readingSettings() {
    return String.join("\n", baseUrl.toString(), timeZone.getId(), limits.toString(), newPostName.toString(),
        Boolean.toString(hexoSite));
  }

  /** A Hexo site's {@code source/} folder, whose files (images and the like) are served as they are. */
  public Optional<Path> sourceDir() {
    return hexoSite ? Optional.of(contentDir.resolve("source")) : Optional.empty();
  }

}
