package dev.feedserver.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hexo's {@code new_post_name}: the pattern article files are named by, read back to find what a
 * file's name says when its front matter has no {@code date} or no {@code title} (config key {@code
 * newPostName}, default {@code :title.md} as Hexo's).
 *
 * <p>As Hexo does, the pattern and the path lose their extensions, and the path is taken below the
 * last {@code _posts} (or {@code _drafts}) folder when it has one, else below the content folder.
 * Placeholders: {@code :year} (4 digits), {@code :month} and {@code :day} (2 digits), {@code
 * :i_month} and {@code :i_day} (1 or 2 digits), {@code :hour}, {@code :minute}, {@code :second} (2
 * digits), {@code :title} (any text, folders included); any other {@code :name} (such as Hexo's
 * {@code :lang}) matches any text and means nothing here. A name carries a date when the pattern
 * matched with a year, a month and a day; the hour, minute and second are used when the pattern has
 * them (Hexo itself takes only the day).
 *
 * <p>When the pattern has no date placeholder (the default has none), a name starting with {@code
 * YYYY-MM-DD-} (as Jekyll names posts) carries that date too.
 */
public final class PostNamePattern {
  /** Hexo's default. */
  public static final String DEFAULT_TEXT = ":title.md";

  private static final Pattern PLACEHOLDER = Pattern.compile(":([A-Za-z_]+)");
  private static final Map<String, String> SEGMENTS = Map.of(
      "year", "(\\d{4})",
      "month", "(\\d{2})",
      "day", "(\\d{2})",
      "i_month", "(\\d{1,2})",
      "i_day", "(\\d{1,2})",
      "hour", "(\\d{2})",
      "minute", "(\\d{2})",
      "second", "(\\d{2})");
  private static final Pattern JEKYLL = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})-(.*)");
  /** A date at the start of a name, as the title leaves it out. */
  private static final Pattern DATE_PREFIX = Pattern.compile("^\\d{4}-\\d{1,2}-\\d{1,2}(?:[-_ ]+|$)");

  public static final PostNamePattern DEFAULT = parse(DEFAULT_TEXT);

  private final String text;
  private final Pattern regex;
  private final List<String> names;
  private final boolean carriesDate;

  private PostNamePattern(String text, Pattern regex, List<String> names) {
    this.text = text;
    this.regex = regex;
    this.names = List.copyOf(names);
    this.carriesDate = names.contains("year");
  }

  /**
   * Reads a pattern such as {@code :year-:month-:day-:title.md}.
   *
   * @throws IllegalArgumentException when it is empty, names no placeholder or starts with {@code /}
   */
  public static PostNamePattern parse(String text) {
    String pattern = text.strip();
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("must not be empty");
    }
    if (pattern.startsWith("/")) {
      throw new IllegalArgumentException("must be relative (such as :year-:month-:day-:title.md), not start with /");
    }
    String withoutExtension = withoutExtension(pattern);
    Matcher m = PLACEHOLDER.matcher(withoutExtension);
    StringBuilder regex = new StringBuilder();
    List<String> names = new ArrayList<>();
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(withoutExtension.substring(last, m.start())).replace("\\Q\\E", ""));
      String name = m.group(1);
      names.add(name);
      regex.append(SEGMENTS.getOrDefault(name, "(.+?)"));
      last = m.end();
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("must hold a placeholder such as :title (Hexo's new_post_name)");
    }
    regex.append(Pattern.quote(withoutExtension.substring(last)).replace("\\Q\\E", ""));
    return new PostNamePattern(pattern, Pattern.compile(regex.toString()), names);
  }

  /**
   * A date a file name gives, as its numbers are written (they may still name no possible day).
   *
   * @param shown the date as the warning prints it: {@code 2014-04-05}, or with the time
   */
  public record NamedDate(int year, int month, int day, int hour, int minute, int second, String shown) {}

  /**
   * What a file's name says.
   *
   * @param date the date it carries, if any
   * @param title a title made from the name: without its folders, extension and date, {@code -} and
   *     {@code _} read as spaces; never blank
   */
  public record FromName(Optional<NamedDate> date, String title) {
    public FromName {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(title, "title");
    }
  }

  /** Reads a file's path (relative to the content folder). */
  public FromName read(Path relative) {
    String path = belowPosts(relative.toString().replace('\\', '/'));
    path = withoutExtension(path);
    String stem = path.substring(path.lastIndexOf('/') + 1);
    Optional<NamedDate> date = Optional.empty();
    String title = null;
    Matcher m = regex.matcher(path);
    if (m.matches()) {
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        values.putIfAbsent(names.get(i), m.group(i + 1));
      }
      String month = values.getOrDefault("month", values.get("i_month"));
      String day = values.getOrDefault("day", values.get("i_day"));
      if (values.containsKey("year") && month != null && day != null) {
        date = Optional.of(date(values.get("year"), month, day, values.get("hour"), values.get("minute"),
            values.get("second")));
      }
      String named = values.get("title");
      if (named != null) {
        title = named.substring(named.lastIndexOf('/') + 1);
      }
    }
    if (date.isEmpty() && !carriesDate) {
      Matcher jekyll = JEKYLL.matcher(stem);
      if (jekyll.matches()) {
        date = Optional.of(date(jekyll.group(1), jekyll.group(2), jekyll.group(3), null, null, null));
      }
    }
    return new FromName(date, title(title == null ? stem : title, stem));
  }

  private static NamedDate date(String year, String month, String day, String hour, String minute, String second) {
    int y = Integer.parseInt(year);
    int mo = Integer.parseInt(month);
    int d = Integer.parseInt(day);
    boolean timed = hour != null || minute != null || second != null;
    int h = hour == null ? 0 : Integer.parseInt(hour);
    int mi = minute == null ? 0 : Integer.parseInt(minute);
    int s = second == null ? 0 : Integer.parseInt(second);
    String shown = String.format("%04d-%02d-%02d", y, mo, d) + (timed ? String.format(" %02d:%02d:%02d", h, mi, s) : "");
    return new NamedDate(y, mo, d, h, mi, s, shown);
  }

  /** The title a name gives: a leading date left out, {@code -} and {@code _} as spaces. */
  private static String title(String name, String stem) {
    String title = words(DATE_PREFIX.matcher(name).replaceFirst(""));
    if (title.isEmpty()) {
      title = words(stem);
    }
    return title.isEmpty() ? stem : title;
  }

  private static String words(String name) {
    return XmlText.clean(name).replaceAll("[-_\\s]+", " ").strip();
  }

  /** The path below the last {@code _posts} or {@code _drafts} folder on it, else all of it. */
  private static String belowPosts(String path) {
    int cut = 0;
    String[] segments = path.split("/", -1);
    int offset = 0;
    for (int i = 0; i < segments.length - 1; i++) {
      offset += segments[i].length() + 1;
      if (segments[i].equals("_posts") || segments[i].equals("_drafts")) {
        cut = offset;
      }
    }
    return path.substring(cut);
  }

  /** Without the extension of its last segment ({@code a/b.c.md} -> {@code a/b.c}), as Node's extname. */
  private static String withoutExtension(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash + 1 ? path.substring(0, dot) : path;
  }

  /** Whether the pattern itself carries a date ({@code :year} and the rest). */
  public boolean carriesDate() {
    return carriesDate;
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PostNamePattern p && p.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
