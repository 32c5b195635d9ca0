package dev.feedserver.content;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Why one file is not (or not entirely) served: the file, the 1-based line where known (0 when
 * not), and the reason. {@link #toString()} is the one wording used by the log and by tests.
 */
public record ArticleProblem(Path file, int line, String reason) {
  public ArticleProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
  }
}
