package dev.feedserver.content;

import java.util.List;

/** What loading a content folder produced: the usable articles and every problem met. */
public record LoadResult(List<Article> articles, List<ArticleProblem> problems, int filesSeen) {
  public LoadResult {
    articles = List.copyOf(articles);
    problems = List.copyOf(problems);
  }
}
