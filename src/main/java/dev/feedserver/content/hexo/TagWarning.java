package dev.feedserver.content.hexo;

import java.util.Objects;

/**
 * Something in a post body that did not render as Hexo would have rendered it: an unknown or malformed
 * tag, a missing asset or post. The post still renders; the warning tells its author what to fix.
 *
 * @param line    1-based line within the body given to {@link HexoRenderer}
 * @param message what happened, naming the tag
 */
public record TagWarning(int line, String message) {

  public TagWarning {
    Objects.requireNonNull(message, "message");
  }
}
