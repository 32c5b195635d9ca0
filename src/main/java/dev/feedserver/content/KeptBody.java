package dev.feedserver.content;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A rendered body kept between runs (in the {@link ReadCache}), so that a restart serves the
 * newest articles without rendering their Markdown again. Only a body that depends on nothing but
 * its file's bytes and its base URL is kept (no tag plugin looked up another post or an asset
 * file), without warnings or problems; it is used again only for the same file at the same version
 * with the same base URL, by the same program with the same reading settings (the cache's key).
 *
 * @param file the article's file, relative to the content folder
 * @param version the version of the file the body was rendered from ({@link Article#version})
 * @param base the URL relative URLs in the body were resolved against
 */
public record KeptBody(Path file, long version, URI base, ArticleBody body) {
  public KeptBody {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(body, "body");
  }
}
