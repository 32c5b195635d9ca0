package dev.feedserver.content;

import dev.feedserver.content.hexo.PostContext;
import java.net.URI;
import java.util.Objects;

/**
 * What one article's body needs from the site around it when it is rendered.
 *
 * @param base what relative URLs in the body resolve against: the post's own URL as a folder, so
 *     that they reach its asset folder (root-relative ones reach the site's root either way)
 * @param tags what Hexo's tag plugins link to: the post's asset files, the other posts
 */
public record BodyContext(URI base, PostContext tags) {
  public BodyContext {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(tags, "tags");
  }
}
