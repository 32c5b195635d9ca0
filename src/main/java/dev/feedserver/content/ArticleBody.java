package dev.feedserver.content;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An article's sanitized body, its excerpt (what comes before Hexo's {@code <!-- more -->}), the
 * plain-text summary, and what rendering it noticed (unknown tag plugins and the like: the body is
 * served all the same).
 */
public record ArticleBody(SafeHtml html, Optional<SafeHtml> excerpt, String summary, List<ArticleProblem> warnings) {
  public static final ArticleBody EMPTY = new ArticleBody(SafeHtml.EMPTY, Optional.empty(), "", List.of());

  public ArticleBody {
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(excerpt, "excerpt");
    Objects.requireNonNull(summary, "summary");
    warnings = List.copyOf(warnings);
  }
}
