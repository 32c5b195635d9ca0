package dev.feedserver.content;

import java.nio.file.Path;

/** What reading one file gave: an article, or the problem that kept it out. */
public sealed interface FileResult {
  /** The file, relative to the content folder. */
  Path file();

  record Loaded(Article article) implements FileResult {
    @Override
    public Path file() {
      return article.file();
    }
  }

  record Failed(ArticleProblem problem) implements FileResult {
    @Override
    public Path file() {
      return problem.file();
    }
  }
}
