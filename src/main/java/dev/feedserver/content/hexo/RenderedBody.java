package dev.feedserver.content.hexo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A post body rendered to HTML. The HTML is not sanitized yet: raw HTML from the post passes through,
 * and the caller runs it through {@link dev.feedserver.content.HtmlSanitizer} before publishing it.
 *
 * @param html        the whole body
 * @param excerptHtml the body up to the first {@code <!-- more -->} marker, when it has one (Hexo's
 *                    excerpt); trimmed, and possibly with elements left open where the marker cut them
 * @param warnings    problems with tags, in line order; empty when everything rendered
 */
public record RenderedBody(String html, Optional<String> excerptHtml, List<TagWarning> warnings) {

  public RenderedBody {
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(excerptHtml, "excerptHtml");
    warnings = List.copyOf(warnings);
  }
}
