package dev.feedserver.content.hexo;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the tag plugins need to know about the site around the post being rendered.
 *
 * <p>The functions are called while rendering, possibly several times for one tag and from the thread
 * that renders; they should be cheap and must not return {@code null} (a {@code null} result counts as
 * empty).
 *
 * @param assetUrl the absolute URL of a file in the post's asset folder, by file name
 *                 ({@code {% asset_img diagram.png %}} asks for {@code "diagram.png"}), or empty if
 *                 there is no such file
 * @param post     another post by its slug, the file name without extension
 *                 ({@code {% post_link hello-world %}} asks for {@code "hello-world"}), or empty if
 *                 there is no such post
 */
public record PostContext(Function<String, Optional<String>> assetUrl,
                          Function<String, Optional<PostLink>> post) {

  /** A context where no asset and no other post exists. */
  public static final PostContext NONE = new PostContext(name -> Optional.empty(), slug -> Optional.empty());

  public PostContext {
    Objects.requireNonNull(assetUrl, "assetUrl");
    Objects.requireNonNull(post, "post");
  }

  Optional<String> findAsset(String fileName) {
    Optional<String> url = assetUrl.apply(fileName);
    return url == null ? Optional.empty() : url;
  }

  Optional<PostLink> findPost(String slug) {
    Optional<PostLink> link = post.apply(slug);
    return link == null ? Optional.empty() : link;
  }
}
