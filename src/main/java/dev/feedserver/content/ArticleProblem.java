package dev.feedserver.content;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Why one file is not served (a problem), or what had to be guessed to serve it (a warning, such as
 * a date taken from the file name): the file, the 1-based line where known (0 when not), and the
 * reason. {@link #toString()} is the one wording of both, used by the log, by {@code lint} and by
 * tests: {@code file:line: reason}, always on one line; where a problem and a warning are shown
 * together, the log's and lint's prefix tells them apart.
 */
public record ArticleProblem(Path file, int line, String reason) {
  public ArticleProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    String name = printable(file.toString());
    return printable(line > 0 ? name + ":" + line + ": " + reason : name + ": " + reason);
  }

  /**
   * File names and reasons quote the file's own text; a log line must stay one honest line. Line
   * breaks, other control characters, bidirectional controls and lone surrogates are written as
   * {@code \\uXXXX} ({@code \\n}, {@code \\r}, {@code \\t} for those three).
   */
  static String printable(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean lone =
          (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))))
              || (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1))));
      if (!(Character.isISOControl(c) || isBidiOrSeparator(c) || lone)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(String.format("\\u%04X", (int) c));
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean isBidiOrSeparator(char c) {
    return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029';
  }
}
