package dev.feedserver.content;

/** A file that is not a usable article; {@code line} is 1-based within the file, 0 if unknown. */
public final class ArticleException extends Exception {
  private final int line;

  public ArticleException(int line, String reason) {
    super(reason);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
