package dev.feedserver.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sanitized bodies, read from their files on demand and kept in a bounded cache, so that memory
 * grows with the articles' metadata and not with their content. Keyed by file and content
 * version: an edited file is a new key, and the old entry ages out. Bodies {@linkplain #keep kept}
 * from the last run are used instead of reading a file again when they still fit.
 */
public final class BodyStore {
  private final Path contentDir;
  private final ArticleLoader loader;
  private final Cache<Key, ArticleLoader.Rendering> cache;
  /** Bodies kept from the last run, by the file and version they were rendered from. */
  private volatile Map<Key, KeptBody> kept = Map.of();

  private record Key(Path file, long version) {}

  /** @param maxBytes approximate bound on the cached bodies' size (UTF-16 chars count two bytes) */
  public BodyStore(Path contentDir, ArticleLoader loader, long maxBytes) {
    this.contentDir = contentDir;
    this.loader = loader;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .<Key, ArticleLoader.Rendering>weigher(
                (k, r) -> 64 + 2 * (r.body().html().html().length() + r.body().summary().length()))
            // an edited file's older body is never read again: let it go, not only under pressure
            .expireAfterAccess(java.time.Duration.ofMinutes(10))
            .build();
  }

  /** The article's body, from the cache, or kept from the last run, or read and sanitized now. */
  public ArticleBody body(Article article) {
    return cache.get(new Key(article.file(), article.version()), key -> keptFor(key, article)
        .map(before -> new ArticleLoader.Rendering(before.body(), before.base(), true))
        .orElseGet(() -> loader.render(contentDir, article))).body();
  }

  /** The body kept from the last run for this file version, if it was rendered at the article's base URL. */
  private Optional<KeptBody> keptFor(Key key, Article article) {
    KeptBody before = kept.get(key);
    return before != null && before.base().equals(loader.base(article)) ? Optional.of(before) : Optional.empty();
  }

  /** Bodies kept from the last run, to be used instead of reading their files while they fit. */
  public void keep(List<KeptBody> bodies) {
    Map<Key, KeptBody> byKey = new HashMap<>();
    bodies.forEach(body -> byKey.put(new Key(body.file(), body.version()), body));
    kept = Map.copyOf(byKey);
  }

  /**
   * The article's body as it may be kept for the next run: when it is in memory, depends on
   * nothing but its file and its base URL, and was read without a warning or a problem; or when it
   * was kept last time and still fits.
   */
  public Optional<KeptBody> keepable(Article article) {
    Key key = new Key(article.file(), article.version());
    ArticleLoader.Rendering rendering = cache.getIfPresent(key);
    if (rendering == null) {
      return keptFor(key, article);
    }
    if (!rendering.selfContained() || !rendering.body().warnings().isEmpty() || rendering.body().problem().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(new KeptBody(article.file(), article.version(), rendering.base(), rendering.body()));
  }
}
