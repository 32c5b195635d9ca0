package dev.feedserver.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** What reading one file gave: an article (with what had to be guessed to serve it), or the problem that kept it out. */
public sealed interface FileResult {
  /** The file, relative to the content folder. */
  Path file();

  /**
   * A served article.
   *
   * @param warnings what its reading had to fall back on (a title or date taken from the file, a
   *     weekday overlooked), each naming this file; empty when nothing was guessed
   */
  record Loaded(Article article, List<ArticleProblem> warnings) implements FileResult {
    public Loaded {
      Objects.requireNonNull(article, "article");
      warnings = List.copyOf(warnings);
    }

    /** An article read without a fallback. */
    public Loaded(Article article) {
      this(article, List.of());
    }

    @Override
    public Path file() {
      return article.file();
    }
  }

  /** A post its front matter says is not published ({@code published: false}): not served, not a problem. */
  record Unpublished(Path file) implements FileResult {}

  record Failed(ArticleProblem problem) implements FileResult {
    @Override
    public Path file() {
      return problem.file();
    }
  }
}
