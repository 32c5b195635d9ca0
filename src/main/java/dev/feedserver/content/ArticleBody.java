package dev.feedserver.content;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An article's sanitized body, its excerpt (what comes before Hexo's {@code <!-- more -->}), the
 * plain-text summary, what rendering it noticed (unknown tag plugins and the like: the body is
 * served all the same), and the problem that kept it from being read, if one did.
 *
 * @param problem why the file's body could not be read when it was first needed (not UTF-8 past
 *     the part loading read, grown past the size cap, vanished): the body is then empty, and the
 *     article is served with its front matter only
 */
public record ArticleBody(
    SafeHtml html, Optional<SafeHtml> excerpt, String summary, List<ArticleProblem> warnings,
    Optional<ArticleProblem> problem) {
  public static final ArticleBody EMPTY = new ArticleBody(SafeHtml.EMPTY, Optional.empty(), "", List.of());

  public ArticleBody {
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(excerpt, "excerpt");
    Objects.requireNonNull(summary, "summary");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(problem, "problem");
  }

  /** A body that was read. */
  public ArticleBody(SafeHtml html, Optional<SafeHtml> excerpt, String summary, List<ArticleProblem> warnings) {
    this(html, excerpt, summary, warnings, Optional.empty());
  }

  /** The empty body of an article whose file could not be read; its summary is the hand-written one, if any. */
  public static ArticleBody unavailable(ArticleProblem problem, Optional<String> summary) {
    return new ArticleBody(SafeHtml.EMPTY, Optional.empty(), summary.orElse(""), List.of(), Optional.of(problem));
  }
}
