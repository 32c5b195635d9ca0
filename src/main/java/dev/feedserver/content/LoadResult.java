package dev.feedserver.content;

import java.util.List;

/**
 * What loading a content folder produced: the usable articles, every problem met (a file not
 * served) and every warning (a file served, but only by falling back on something: see {@link
 * FileResult.Loaded#warnings}). Problems and warnings are the same one-line {@link ArticleProblem}s.
 */
public record LoadResult(
    List<Article> articles, List<ArticleProblem> problems, List<ArticleProblem> warnings, int filesSeen) {
  public LoadResult {
    articles = List.copyOf(articles);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }
}
