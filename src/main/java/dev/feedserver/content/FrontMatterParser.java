package dev.feedserver.content;

import dev.feedserver.yaml.StrictYamlLoader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a Hexo-style file into typed {@link FrontMatter} and the raw body.
 *
 * <p>Framing: optional UTF-8 BOM, any number of blank lines, a line {@code ---}, YAML, a line
 * {@code ---} (or {@code ...}), then the body. LF, CRLF and CR-only line ends are accepted. YAML is
 * loaded by {@link StrictYamlLoader}; the raw map never leaves this class. Every problem is an
 * {@link ArticleException} carrying the 1-based line in the file.
 *
 * <p>What Hexo would serve by falling back is served, with a {@link Warning}: no {@code title} (one
 * is made from the file name), no {@code date} (taken from the file name by {@link
 * PostNamePattern}, else from the file's modification time), an RFC 1123 date whose weekday is
 * wrong.
 */
public final class FrontMatterParser {
  /** Largest front-matter block, in code points. */
  public static final int MAX_FRONT_MATTER = 64 * 1024;
  /** Most category (or tag) names one article may list by default ({@link ContentLimits#maxNames}). */
  public static final int MAX_NAMES = ContentLimits.DEFAULTS.maxNames();

  /**
   * Longest category or tag name, and longest front-matter {@code id}, in code points: each
   * becomes a URL path segment (up to 9 bytes a code point percent-encoded), and the whole request
   * line must stay under the server's 8 KiB limit.
   */
  public static final int MAX_NAME_LENGTH = 256;

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx", Locale.ROOT);

  private final FrontMatterDates dates;
  private final StrictYamlLoader yaml;
  private final int maxNames;
  private final PostNamePattern postNames;

  /** A parser reading file names with Hexo's default {@code new_post_name}, {@code :title.md}. */
  public FrontMatterParser(FrontMatterDates dates, ContentLimits limits) {
    this(dates, limits, PostNamePattern.DEFAULT);
  }

  /** @param postNames how article files are named (config key {@code newPostName}) */
  public FrontMatterParser(FrontMatterDates dates, ContentLimits limits, PostNamePattern postNames) {
    this.dates = dates;
    this.yaml = new StrictYamlLoader(MAX_FRONT_MATTER, limits.maxAliases(), limits.maxNesting());
    this.maxNames = limits.maxNames();
    this.postNames = Objects.requireNonNull(postNames, "postNames");
  }

  /**
   * What the parser may know of a file besides its text, for the fallbacks: its path relative to
   * the content folder (for a title and a date from its name) and its modification time.
   */
  public record Origin(Optional<Path> file, Optional<Instant> modified) {
    /** A text that is no file: nothing to fall back on, so a missing title or date is a problem. */
    public static final Origin NONE = new Origin(Optional.empty(), Optional.empty());

    public Origin {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(modified, "modified");
    }

    public static Origin of(Path file, Instant modified) {
      return new Origin(Optional.of(file), Optional.of(modified));
    }
  }

  /**
   * What the parser had to guess or overlook to serve a file: the 1-based line in the file where
   * known (0 when not) and the reason, in the words of an {@link ArticleProblem}.
   */
  public record Warning(int line, String reason) {
    public Warning {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The outcome of a successful parse: the front matter, the untrusted body and the warnings. */
  public record Parsed(FrontMatter frontMatter, String body, List<Warning> warnings) {
    public Parsed {
      warnings = List.copyOf(warnings);
    }
  }

  /** Parses a text that is no file ({@link Origin#NONE}): a missing title or date is a problem. */
  public Parsed parse(String text) throws ArticleException {
    return parse(text, Origin.NONE);
  }

  /** Parses a file's text; {@code origin} is what the fallbacks may use. */
  public Parsed parse(String text, Origin origin) throws ArticleException {
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    Lines lines = new Lines(text, start);
    String line;
    // skip blank lines, then expect the opening fence
    while ((line = lines.next()) != null && line.isBlank()) {
      // blank
    }
    if (line == null) {
      throw new ArticleException(0, "empty file");
    }
    int open = lines.number();
    if (!isFence(line)) {
      throw new ArticleException(open, "no front matter: the first non-blank line must be '---'");
    }
    List<String> yamlLines = new ArrayList<>();
    while ((line = lines.next()) != null && !isFence(line) && !line.stripTrailing().equals("...")) {
      yamlLines.add(line);
    }
    if (line == null) {
      throw new ArticleException(
          open, "front matter opened by '---' on this line is never closed by '---'");
    }
    // Characters XML forbids are removed before YAML sees them: SnakeYAML refuses most of them
    // outright, which would lose the whole article over one stray control character.
    Map<?, ?> map = loadMapping(XmlText.clean(String.join("\n", yamlLines)), open);
    KeyLines keyLines = new KeyLines(yamlLines, open + 1);
    List<Warning> warnings = new ArrayList<>();
    FrontMatter frontMatter = read(map, keyLines, origin, warnings);
    return new Parsed(frontMatter, text.substring(lines.position()), warnings);
  }

  /**
   * Walks a text line by line without splitting all of it (a body can be megabytes; only the front
   * matter needs lines). LF, CRLF and CR end a line.
   */
  private static final class Lines {
    private final String text;
    private int position;
    private int number;

    Lines(String text, int start) {
      this.text = text;
      this.position = start;
    }

    /** The next line without its ending, or null at the end of the text. */
    String next() {
      if (position >= text.length()) {
        return null;
      }
      int end = position;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      String line = text.substring(position, end);
      if (end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n') {
        end++;
      }
      position = Math.min(text.length(), end + 1);
      number++;
      return line;
    }

    /** 1-based number of the line last returned. */
    int number() {
      return number;
    }

    /** Offset just after the line last returned and its ending. */
    int position() {
      return position;
    }
  }

  private static boolean isFence(String line) {
    return line.stripTrailing().equals("---");
  }

  private Map<?, ?> loadMapping(String document, int lineOffset) throws ArticleException {
    Object root;
    try {
      root = yaml.load(document);
    } catch (StrictYamlLoader.YamlProblem e) {
      throw new ArticleException(e.line() > 0 ? e.line() + lineOffset : lineOffset, e.getMessage());
    }
    if (root == null) {
      throw new ArticleException(lineOffset, "front matter is empty");
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ArticleException(lineOffset + 1, "front matter must be a mapping of keys to values");
    }
    return map;
  }

  private FrontMatter read(Map<?, ?> map, KeyLines at, Origin origin, List<Warning> warnings)
      throws ArticleException {
    Optional<PostNamePattern.FromName> named = origin.file().map(postNames::read);
    String title = XmlText.clean(text(map, "title", at)).strip();
    if (title.isEmpty()) {
      if (named.isEmpty()) {
        throw new ArticleException(at.line("title"), "missing title (and no file name to make one from)");
      }
      title = named.get().title();
      warnings.add(new Warning(at.line("title"), "no title: using '" + title + "' from the file name"));
    }
    String dateText = text(map, "date", at);
    Instant date =
        dateText.isBlank()
            ? fallbackDate(at.line("date"), named, origin, warnings)
            : date(dateText, "date", at, warnings);
    String updatedText = text(map, "updated", at);
    Optional<Instant> updated =
        updatedText.isBlank() ? Optional.empty() : Optional.of(date(updatedText, "updated", at, warnings));
    String image = text(map, "headimg", at).strip();
    if (image.isEmpty()) {
      image = text(map, "thumbnail", at).strip();
    }
    String id = XmlText.clean(text(map, "id", at)).strip();
    if (id.codePointCount(0, id.length()) > MAX_NAME_LENGTH) {
      throw new ArticleException(at.line("id"), "id: longer than " + MAX_NAME_LENGTH + " characters");
    }
    return new FrontMatter(
        title,
        names(map, "categories", at),
        hierarchies(map.get("categories")),
        names(map, "tags", at),
        XmlText.clean(text(map, "author", at)).strip(),
        date,
        updated,
        image.isEmpty() ? Optional.empty() : Optional.of(image),
        bool(map, "comments", true, at),
        id.isEmpty() ? Optional.empty() : Optional.of(id));
  }

  /**
   * The date of an article whose front matter has none, as Hexo takes it: from the file name when
   * it carries one ({@link PostNamePattern}), else from the file's modification time. Either is a
   * warning; with neither (a text that is no file) it is a problem.
   */
  private Instant fallbackDate(
      int line, Optional<PostNamePattern.FromName> named, Origin origin, List<Warning> warnings)
      throws ArticleException {
    String notTheName = "";
    Optional<PostNamePattern.NamedDate> fromName = named.flatMap(PostNamePattern.FromName::date);
    if (fromName.isPresent()) {
      PostNamePattern.NamedDate d = fromName.get();
      try {
        Instant instant = dates.local(d.shown(), d.year(), d.month(), d.day(), d.hour(), d.minute(), d.second());
        warnings.add(new Warning(line, "no date: using " + d.shown() + " from the file name"));
        return instant;
      } catch (DateTimeException e) {
        notTheName = " (the file name's " + e.getMessage() + ")";
      }
    }
    if (origin.modified().isEmpty()) {
      throw new ArticleException(
          line, "missing date" + notTheName + " (and no file name or modification time to take one from)");
    }
    Instant modified = origin.modified().get().truncatedTo(ChronoUnit.SECONDS);
    String shown = SHOWN.format(modified.atZone(dates.zone()));
    try {
      FrontMatterDates.inRange(shown, modified);
    } catch (DateTimeException e) {
      throw new ArticleException(line, "missing date" + notTheName + ", and the file's modification time: " + e.getMessage());
    }
    warnings.add(new Warning(line,
        "no date" + notTheName + ": using " + shown + " from the file's modification time (changes on every checkout)"));
    return modified;
  }

  private Instant date(String value, String key, KeyLines at, List<Warning> warnings) throws ArticleException {
    FrontMatterDates.Reading reading;
    try {
      reading = dates.read(value);
    } catch (DateTimeException e) {
      throw new ArticleException(at.line(key), key + ": " + e.getMessage());
    }
    reading.warning().ifPresent(w -> warnings.add(new Warning(at.line(key), key + ": " + w)));
    return reading.instant();
  }

  /** A scalar value as text; "" when the key is absent or empty. */
  private static String text(Map<?, ?> map, String key, KeyLines at) throws ArticleException {
    Object value = map.get(key);
    if (value == null) {
      return "";
    }
    if (value instanceof String s) {
      return s;
    }
    throw new ArticleException(at.line(key), key + " must be a single text value, not a " + kind(value));
  }

  private static boolean bool(Map<?, ?> map, String key, boolean absent, KeyLines at)
      throws ArticleException {
    String value = text(map, key, at).strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "" -> absent;
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new ArticleException(at.line(key), key + " must be true or false, not '" + value + "'");
    };
  }

  /**
   * Category or tag names: one string, a list, or Hexo's nested lists (every name counts). Names
   * are cleaned, NFC-normalized and trimmed; empty names and repeats are dropped.
   */
  private List<String> names(Map<?, ?> map, String key, KeyLines at) throws ArticleException {
    Object value = map.get(key);
    Set<String> names = new LinkedHashSet<>();
    collect(value, key, at, names, 0);
    return new ArrayList<>(names);
  }

  /**
   * The categories as Hexo reads them into hierarchies: one name is one path; a list of names is
   * one path from the root down; a list that holds any list makes each of its items a path of its
   * own (a name alone a one-level path). Called after {@link #names} accepted the value, so every
   * name is within the limits; empty names are dropped, and so are repeated paths.
   */
  private static List<List<String>> hierarchies(Object value) {
    Set<List<String>> paths = new LinkedHashSet<>();
    if (value instanceof String s) {
      addPath(List.of(s), paths);
    } else if (value instanceof List<?> list) {
      if (list.stream().anyMatch(item -> item instanceof List<?>)) {
        for (Object item : list) {
          addPath(item instanceof List<?> inner ? flat(inner) : List.of(String.valueOf(item)), paths);
        }
      } else {
        addPath(flat(list), paths);
      }
    }
    return new ArrayList<>(paths);
  }

  private static List<String> flat(List<?> list) {
    List<String> names = new ArrayList<>();
    for (Object item : list) {
      if (item instanceof String s) {
        names.add(s);
      } else if (item instanceof List<?> inner) {
        names.addAll(flat(inner));
      }
    }
    return names;
  }

  private static void addPath(List<String> raw, Set<List<String>> into) {
    List<String> path = raw.stream().map(name -> XmlText.clean(name).strip()).filter(name -> !name.isEmpty()).toList();
    if (!path.isEmpty()) {
      into.add(path);
    }
  }

  private void collect(Object value, String key, KeyLines at, Set<String> into, int depth)
      throws ArticleException {
    if (value == null) {
      return;
    }
    if (value instanceof String s) {
      String name = XmlText.clean(s).strip();
      if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
        throw new ArticleException(
            at.line(key), key + ": a name is longer than " + MAX_NAME_LENGTH + " characters");
      }
      if (!name.isEmpty()) {
        into.add(name);
        if (into.size() > maxNames) {
          throw new ArticleException(
              at.line(key), key + ": more than " + maxNames + " names (config key 'maxNames')");
        }
      }
      return;
    }
    if (value instanceof List<?> list && depth < 3) {
      for (Object item : list) {
        collect(item, key, at, into, depth + 1);
      }
      return;
    }
    throw new ArticleException(
        at.line(key),
        key + " must be a name or a list of names, not a " + (value instanceof List<?> ? "list nested more than 3 deep" : kind(value)));
  }

  private static String kind(Object value) {
    if (value instanceof Map<?, ?>) {
      return "mapping";
    }
    if (value instanceof List<?>) {
      return "list";
    }
    return value.getClass().getSimpleName();
  }

  /** Finds the file line of a top-level key, for messages. */
  private record KeyLines(List<String> yamlLines, int firstLine) {
    int line(String key) {
      Pattern p = Pattern.compile("^['\"]?" + Pattern.quote(key) + "['\"]?\\s*:");
      for (int i = 0; i < yamlLines.size(); i++) {
        if (p.matcher(yamlLines.get(i)).find()) {
          return firstLine + i;
        }
      }
      return firstLine > 1 ? firstLine - 1 : 0;
    }
  }
}
