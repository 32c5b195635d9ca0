package dev.feedserver.content.hexo;

import java.util.Objects;

/**
 * Another post as {@code {% post_link %}} and {@code {% post_path %}} link to it.
 *
 * @param url   the post's absolute URL
 * @param title the post's title, the link text when the tag names none
 */
public record PostLink(String url, String title) {

  public PostLink {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(title, "title");
  }
}
