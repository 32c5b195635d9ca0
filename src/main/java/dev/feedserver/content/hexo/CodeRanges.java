package dev.feedserver.content.hexo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a text that are code, where {@code {% ... %}} is text and not a tag: fenced and indented
 * code blocks and code spans of Markdown, {@code <code>} elements of HTML (in HTML posts and in raw HTML
 * of Markdown posts). Ranges are half-open character
 * offsets {@code [start, end)}, sorted and merged.
 */
final class CodeRanges {

  static final CodeRanges NONE = new CodeRanges(new int[0], new int[0]);

  /**
   * Hexo escapes tags in {@code <code>} elements of HTML, except in those that contain a
   * {@code {% raw %}} tag (lib/extend/tag.js).
   */
  private static final Pattern HTML_CODE = Pattern.compile("(?i)<code[^<>]*>[\\s\\S]+?</code>");
  private static final Pattern RAW_TAG = Pattern.compile("\\{% *raw *%}");

  private final int[] starts;
  private final int[] ends;

  private CodeRanges(int[] starts, int[] ends) {
    this.starts = starts;
    this.ends = ends;
  }

  /** Ranges from {@code int[]{start, end}} pairs in any order; overlapping and touching ones merge. */
  static CodeRanges of(List<int[]> ranges) {
    List<int[]> sorted = new ArrayList<>(ranges);
    sorted.removeIf(range -> range[1] <= range[0]);
    sorted.sort(Comparator.comparingInt(range -> range[0]));
    int[] starts = new int[sorted.size()];
    int[] ends = new int[sorted.size()];
    int count = 0;
    for (int[] range : sorted) {
      if (count > 0 && range[0] <= ends[count - 1]) {
        ends[count - 1] = Math.max(ends[count - 1], range[1]);
      } else {
        starts[count] = range[0];
        ends[count] = range[1];
        count++;
      }
    }
    return new CodeRanges(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
  }

  /** The {@code <code>} elements of an HTML body, as Hexo finds them. */
  static CodeRanges ofHtml(String html) {
    return NONE.withHtmlCode(html);
  }

  /**
   * These ranges and the {@code <code>} elements of raw HTML that start outside them: Hexo looks for
   * {@code <code>} in the rendered HTML, where Markdown's own code shows {@code <code>} escaped.
   */
  CodeRanges withHtmlCode(String text) {
    if (text.indexOf('<') < 0) {
      return this;
    }
    List<int[]> ranges = new ArrayList<>();
    for (int i = 0; i < starts.length; i++) {
      ranges.add(new int[] {starts[i], ends[i]});
    }
    Matcher code = HTML_CODE.matcher(text);
    while (code.find()) {
      if (endOfRangeAt(code.start()) < 0 && !RAW_TAG.matcher(code.group()).find()) {
        ranges.add(new int[] {code.start(), code.end()});
      }
    }
    return ranges.size() == starts.length ? this : of(ranges);
  }

  /**
   * @return the end of the range that contains {@code position}, or -1 if no range contains it
   */
  int endOfRangeAt(int position) {
    int index = lastStartingAtOrBefore(position);
    return index >= 0 && position < ends[index] ? ends[index] : -1;
  }

  /** Whether a range starts at an offset in {@code (from, to)}. */
  boolean startsBetween(int from, int to) {
    int index = lastStartingAtOrBefore(to - 1);
    return index >= 0 && starts[index] > from;
  }

  private int lastStartingAtOrBefore(int position) {
    int found = Arrays.binarySearch(starts, position);
    return found >= 0 ? found : -found - 2;
  }
}
