package dev.feedserver.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.file.Path;

/**
 * Sanitized bodies, read from their files on demand and kept in a bounded cache, so that memory
 * grows with the articles' metadata and not with their content. Keyed by file and content
 * version: an edited file is a new key, and the old entry ages out.
 */
public final class BodyStore {
  private final Path contentDir;
  private final ArticleLoader loader;
  private final Cache<Key, ArticleBody> cache;

  private record Key(Path file, long version) {}

  /** @param maxBytes approximate bound on the cached bodies' size (UTF-16 chars count two bytes) */
  public BodyStore(Path contentDir, ArticleLoader loader, long maxBytes) {
    this.contentDir = contentDir;
    this.loader = loader;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .<Key, ArticleBody>weigher((k, b) -> 64 + 2 * (b.html().html().length() + b.summary().length()))
            // an edited file's older body is never read again: let it go, not only under pressure
            .expireAfterAccess(java.time.Duration.ofMinutes(10))
            .build();
  }

  /** The article's body, from the cache or read and sanitized now. */
  public ArticleBody body(Article article) {
    return cache.get(new Key(article.file(), article.version()), k -> loader.body(contentDir, article));
  }
}
