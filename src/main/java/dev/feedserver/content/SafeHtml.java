package dev.feedserver.content;

import java.util.Objects;

/**
 * HTML that has already been sanitized and may be written to a page or feed without escaping.
 *
 * <p>Only {@link HtmlSanitizer} creates instances from untrusted input; templates print raw (unescaped)
 * HTML only from this type and escape every plain {@code String}. Do not wrap strings of unknown origin in
 * this record by hand.
 *
 * @param html the sanitized HTML body fragment, never {@code null}
 */
public record SafeHtml(String html) {

  /** Sanitized HTML with no content. */
  public static final SafeHtml EMPTY = new SafeHtml("");

  /**
   * @throws NullPointerException if {@code html} is {@code null}
   */
  public SafeHtml {
    Objects.requireNonNull(html, "html");
  }
}
