package dev.feedserver.content;

import java.util.Objects;

/** An article's sanitized body and the plain-text summary cut from it. */
public record ArticleBody(SafeHtml html, String summary) {
  public static final ArticleBody EMPTY = new ArticleBody(SafeHtml.EMPTY, "");

  public ArticleBody {
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(summary, "summary");
  }
}
