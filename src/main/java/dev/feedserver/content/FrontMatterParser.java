package dev.feedserver.content;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.feedserver.yaml.StrictYamlLoader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a Hexo-style file into typed {@link FrontMatter} and the raw body, reading what Hexo reads.
 *
 * <p>Framing: optional UTF-8 BOM and blank lines, then one of
 *
 * <ul>
 *   <li>a line {@code ---}, YAML, a line {@code ---} (or {@code ...}), the body;
 *   <li>a line {@code ;;;}, JSON, a line {@code ;;;}, the body;
 *   <li>without the opening line, as Hexo also reads: YAML up to the first line {@code ---}, or JSON
 *       up to the first line {@code ;;;}, then the body. Such a head is front matter only when it
 *       reads as a mapping with at least one key Hexo knows ({@link #KNOWN_KEYS}); otherwise the
 *       file has no front matter (a body with a {@code ---} rule further down is not misread).
 * </ul>
 *
 * LF, CRLF and CR-only line ends are accepted. YAML is loaded by {@link StrictYamlLoader}, JSON by
 * Jackson with the same limits (size, nesting, no duplicate keys; every scalar read as text, as
 * YAML's are here); the raw map never leaves this class. JSON may be a whole object or, as Hexo
 * writes it, its members without the braces.
 *
 * <p>What cannot be read is an {@link ArticleException} carrying the 1-based line in the file. What
 * Hexo would serve by falling back is served, with a {@link Warning}: no {@code title} (one is made
 * from the file name), no {@code date} (taken from the file name by {@link PostNamePattern}, else
 * from the file's modification time), an RFC 1123 date whose weekday is wrong. {@code category} and
 * {@code tag} are read as {@code categories} and {@code tags} (both present: merged, plural first).
 */
public final class FrontMatterParser {
  /** Largest front-matter block, in code points. */
  /** Most category (or tag) names one article may list by default ({@link ContentLimits#maxNames}). */
  public static final int MAX_NAMES = ContentLimits.DEFAULTS.maxNames();

  /**
   * Longest category or tag name, and longest front-matter {@code id}, in code points: each
   * becomes a URL path segment (up to 9 bytes a code point percent-encoded), and the whole request
   * line must stay under the server's 8 KiB limit.
   */
  public static final int MAX_NAME_LENGTH = 256;

  /**
   * Keys that make a head without an opening {@code ---} front matter: the keys read here and the
   * other keys of Hexo's documented front matter.
   */
  public static final Set<String> KNOWN_KEYS = Set.of(
      "title", "date", "updated", "categories", "category", "tags", "tag", "author", "headimg", "thumbnail",
      "comments", "id", "layout", "permalink", "excerpt", "disableNunjucks", "lang", "published", "description",
      "cover", "banner", "index_img", "photos");

  /** Keys naming the entry's image, first found wins; {@code photos} (a list) comes after them. */
  private static final List<String> IMAGE_KEYS = List.of("headimg", "thumbnail", "cover", "banner", "index_img");

  static final String NO_FRONT_MATTER =
      "no front matter: start the file with a line '---' (YAML) or ';;;' (JSON),"
          + " or with YAML keys such as 'title:' followed by a line '---'";

  private static final String KEY_ALTERNATIVES =
      String.join("|", KNOWN_KEYS.stream().sorted().map(Pattern::quote).toList());
  /** A first line that names a known key: a head starting so is meant as front matter. */
  private static final Pattern YAML_KEY_LINE = Pattern.compile("^['\"]?(?:" + KEY_ALTERNATIVES + ")['\"]?\\s*:");
  private static final Pattern JSON_KEY_LINE = Pattern.compile("^\\s*\\{?\\s*\"(?:" + KEY_ALTERNATIVES + ")\"\\s*:");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx", Locale.ROOT);

  private final FrontMatterDates dates;
  private final StrictYamlLoader yaml;
  /** Longest front matter, in code points (config key {@code maxFrontMatter}). */
  private final int maxFrontMatter;
  private final int maxNesting;
  /** Built when a JSON front matter first comes: Jackson's start-up is not paid by YAML-only sites. */
  private volatile ObjectMapper json;
  private final int maxNames;
  private final PostNamePattern postNames;

  /** A parser reading file names with Hexo's default {@code new_post_name}, {@code :title.md}. */
  public FrontMatterParser(FrontMatterDates dates, ContentLimits limits) {
    this(dates, limits, PostNamePattern.DEFAULT);
  }

  /** @param postNames how article files are named (config key {@code newPostName}) */
  public FrontMatterParser(FrontMatterDates dates, ContentLimits limits, PostNamePattern postNames) {
    this.dates = dates;
    this.maxFrontMatter = limits.maxFrontMatter();
    this.yaml = new StrictYamlLoader(maxFrontMatter, limits.maxAliases(), limits.maxNesting());
    this.maxNesting = limits.maxNesting();
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
    Framed framed = frame(text, false);
    List<Warning> warnings = new ArrayList<>();
    FrontMatter frontMatter = read(framed.map(), framed.keys(), origin, warnings);
    return new Parsed(frontMatter, text.substring(framed.bodyStart()), warnings);
  }

  /** What the beginning of a file says: its front matter and the warnings, as {@link #parse} gives them. */
  public record Head(FrontMatter frontMatter, List<Warning> warnings) {
    public Head {
      Objects.requireNonNull(frontMatter, "frontMatter");
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Parses the beginning of a file's text, where the file goes on after it: the front matter and
   * warnings {@link #parse} gives for the whole text, or empty when this beginning does not settle
   * them (the front matter, or the line closing it, may go on past it), so more must be read. Every
   * outcome that is returned (a front matter, or the problem thrown) is the whole text's.
   */
  public Optional<Head> parseHead(String beginning, Origin origin) throws ArticleException {
    Framed framed = frame(beginning, true);
    if (framed == null) {
      return Optional.empty();
    }
    List<Warning> warnings = new ArrayList<>();
    FrontMatter frontMatter = read(framed.map(), framed.keys(), origin, warnings);
    return Optional.of(new Head(frontMatter, warnings));
  }

  /** The front matter as a raw mapping, where its keys are, and where the body starts. */
  private record Framed(Map<?, ?> map, KeyLines keys, int bodyStart) {}

  /**
   * Frames a text; with {@code partial} (the file goes on after the text), null when the text ends
   * before the framing is settled: before the first non-blank line, or inside the front matter, or
   * on the line that closes it (that line may go on).
   */
  private Framed frame(String text, boolean partial) throws ArticleException {
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    Lines lines = new Lines(text, start);
    String line;
    // skip blank lines, then expect an opening fence or the first line of the front matter
    while ((line = lines.next()) != null && line.isBlank()) {
      // blank
    }
    if (line == null || (partial && !lines.ended())) {
      if (partial) {
        return null;
      }
      throw new ArticleException(0, "empty file");
    }
    int open = lines.number();
    if (isFence(line) || isJsonFence(line)) {
      boolean isJson = isJsonFence(line);
      List<String> block = new ArrayList<>();
      while ((line = lines.next()) != null
          && !(isJson ? isJsonFence(line) : isFence(line) || line.stripTrailing().equals("..."))) {
        block.add(line);
      }
      String fence = isJson ? ";;;" : "---";
      if (partial && (line == null || !lines.ended())) {
        return null;
      }
      if (line == null) {
        throw new ArticleException(
            open, "front matter opened by '" + fence + "' on this line is never closed by '" + fence + "'");
      }
      Map<?, ?> map = isJson ? loadJson(block, open) : loadYaml(block, open);
      return new Framed(map, new KeyLines(block, open + 1, open, isJson), lines.position());
    }
    // Hexo's other framing: the front matter is everything up to the first '---' (or ';;;') line
    List<String> head = new ArrayList<>();
    head.add(line);
    while ((line = lines.next()) != null && !isFence(line) && !isJsonFence(line)) {
      head.add(line);
    }
    if (partial && (line == null || !lines.ended())) {
      return null;
    }
    if (line != null) {
      boolean isJson = isJsonFence(line);
      Map<?, ?> map = headless(head, open, isJson);
      if (map != null) {
        return new Framed(map, new KeyLines(head, open, 0, isJson), lines.position());
      }
    }
    throw new ArticleException(open, NO_FRONT_MATTER);
  }

  /**
   * A head without an opening fence, as a mapping when it is front matter, else null. It is front
   * matter when it reads as a mapping with a known key; when its first line already names a known
   * key, it is meant as front matter and what keeps it from reading is the problem reported.
   */
  private Map<?, ?> headless(List<String> head, int firstLine, boolean isJson) throws ArticleException {
    boolean meant = (isJson ? JSON_KEY_LINE : YAML_KEY_LINE).matcher(head.get(0)).find();
    Map<?, ?> map;
    try {
      map = isJson ? loadJson(head, firstLine - 1) : loadYaml(head, firstLine - 1);
    } catch (ArticleException e) {
      if (meant) {
        throw e;
      }
      return null;
    }
    return map.keySet().stream().anyMatch(k -> k instanceof String s && KNOWN_KEYS.contains(s)) ? map : null;
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

    /** Whether the line last returned ended with a line break (not with the end of the text). */
    boolean ended() {
      return position > 0 && position <= text.length()
          && (text.charAt(position - 1) == '\n' || text.charAt(position - 1) == '\r');
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

  private static boolean isJsonFence(String line) {
    return line.stripTrailing().equals(";;;");
  }

  /** YAML lines whose first is the file's line {@code lineOffset + 1}. */
  private Map<?, ?> loadYaml(List<String> lines, int lineOffset) throws ArticleException {
    // Characters XML forbids are removed before YAML sees them: SnakeYAML refuses most of them
    // outright, which would lose the whole article over one stray control character.
    return loadMapping(XmlText.clean(String.join("\n", lines)), lineOffset);
  }

  /** The JSON reader, with the same limits as the YAML one; built once, on first use. */
  private ObjectMapper json() {
    ObjectMapper mapper = json;
    if (mapper == null) {
      synchronized (this) {
        mapper = json;
        if (mapper == null) {
          JsonFactory factory =
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(maxNesting)
                          .maxStringLength(2 * maxFrontMatter)
                          .maxNumberLength(1000)
                          .build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build();
          mapper = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
          json = mapper;
        }
      }
    }
    return mapper;
  }

  /**
   * JSON lines whose first is the file's line {@code lineOffset + 1}: an object, or (as Hexo writes
   * it) its members without the braces. Scalars become text, as YAML's do here.
   */
  private Map<?, ?> loadJson(List<String> lines, int lineOffset) throws ArticleException {
    String document = XmlText.clean(String.join("\n", lines));
    if (document.isBlank()) {
      throw new ArticleException(lineOffset, "front matter is empty");
    }
    if (document.codePointCount(0, document.length()) > maxFrontMatter) {
      throw new ArticleException(lineOffset + 1, "invalid JSON: longer than " + maxFrontMatter + " code points");
    }
    // Hexo's members ("title": "x", ...) start with a quote; anything else is read as it stands
    boolean members = document.strip().startsWith("\"");
    JsonNode root;
    try {
      root = json().readTree(members ? "{" + document + "}" : document);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ArticleException(line > 0 ? line + lineOffset : lineOffset + 1, "invalid JSON: " + jsonReason(e));
    }
    if (root == null || !root.isObject()) {
      throw new ArticleException(lineOffset + 1, "front matter must be a mapping of keys to values");
    }
    return (Map<?, ?>) plain(root);
  }

  /**
   * Jackson's reason, on one line, without the location it appends (the line is reported apart)
   * and without the name of the Java method behind a limit.
   */
  private static String jsonReason(JsonProcessingException e) {
    String reason = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
    return reason.replaceAll("\\s*\\(?(?:start marker at )?\\[Source:[^\\]]*\\]\\)?", "")
        .replaceAll(", from `[^`]*`", "")
        .replace('`', '\'')
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** A JSON value as the YAML loader gives values: maps, lists, text, null. */
  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        map.put(entry.getKey(), plain(entry.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonNode item : node) {
        list.add(plain(item));
      }
      return list;
    }
    return node.isNull() ? null : node.asText();
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
    // what the file name says, read only when a fallback needs it
    java.util.function.Supplier<Optional<PostNamePattern.FromName>> named = () -> origin.file().map(postNames::read);
    String title = XmlText.clean(text(map, "title", at)).strip();
    if (title.isEmpty()) {
      if (named.get().isEmpty()) {
        throw new ArticleException(at.line("title"), "missing title (and no file name to make one from)");
      }
      title = named.get().get().title();
      warnings.add(new Warning(at.line("title"), "no title: using '" + title + "' from the file name"));
    }
    String dateText = text(map, "date", at);
    Instant date =
        dateText.isBlank()
            ? fallbackDate(at.line("date"), named.get(), origin, warnings)
            : date(dateText, "date", at, warnings);
    String updatedText = text(map, "updated", at);
    Optional<Instant> updated =
        updatedText.isBlank() ? Optional.empty() : Optional.of(date(updatedText, "updated", at, warnings));
    String image = "";
    for (String key : IMAGE_KEYS) {
      image = text(map, key, at).strip();
      if (!image.isEmpty()) {
        break;
      }
    }
    if (image.isEmpty() && map.get("photos") instanceof List<?> photos && !photos.isEmpty()
        && photos.get(0) instanceof String first) {
      image = first.strip();
    } else if (image.isEmpty()) {
      image = text(map, "photos", at).strip();
    }
    String description = XmlText.clean(text(map, "description", at)).strip();
    if (description.isEmpty()) {
      description = XmlText.clean(text(map, "excerpt", at)).strip();
    }
    String id = XmlText.clean(text(map, "id", at)).strip();
    if (id.codePointCount(0, id.length()) > MAX_NAME_LENGTH) {
      throw new ArticleException(at.line("id"), "id: longer than " + MAX_NAME_LENGTH + " characters");
    }
    return new FrontMatter(
        title,
        names(map, at, warnings, "categories", "category"),
        hierarchies(map.get("categories"), map.get("category")),
        names(map, at, warnings, "tags", "tag"),
        XmlText.clean(text(map, "author", at)).strip(),
        date,
        updated,
        image.isEmpty() ? Optional.empty() : Optional.of(image),
        bool(map, "comments", true, at),
        id.isEmpty() ? Optional.empty() : Optional.of(id),
        description.isEmpty() ? Optional.empty() : Optional.of(description),
        bool(map, "published", true, at));
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
   * are cleaned, NFC-normalized and trimmed; empty names and repeats are dropped. Several keys (the
   * plural and Hexo's singular alias) add up, in order, and count together against the limit.
   */
  private List<String> names(Map<?, ?> map, KeyLines at, List<Warning> warnings, String... keys)
      throws ArticleException {
    Set<String> names = new LinkedHashSet<>();
    for (String key : keys) {
      collect(map.get(key), key, at, names, 0, warnings);
    }
    return new ArrayList<>(names);
  }

  /**
   * A name as long as a URL segment may be: a longer one keeps its first code points and gets a
   * short hash of the whole name ({@code …~1a2b3c4d}), so two long names that start alike stay two
   * topics, and the same name always gives the same URL. The article is served; a warning says so.
   */
  static String shortened(String name) {
    if (name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH) {
      return name;
    }
    String head = name.substring(0, name.offsetByCodePoints(0, MAX_NAME_LENGTH - 9));
    return head + "~" + java.util.HexFormat.of().formatHex(dev.feedserver.Sha256.of(name), 0, 4);
  }

  /**
   * The categories as Hexo reads them into hierarchies: one name is one path; a list of names is
   * one path from the root down; a list that holds any list makes each of its items a path of its
   * own (a name alone a one-level path). Several values (the plural key and Hexo's singular alias)
   * add up, in order. Called after {@link #names} accepted the values, so every name is within the
   * limits; empty names are dropped, and so are repeated paths.
   */
  private static List<List<String>> hierarchies(Object... values) {
    Set<List<String>> paths = new LinkedHashSet<>();
    for (Object value : values) {
      hierarchies(value, paths);
    }
    return new ArrayList<>(paths);
  }

  private static void hierarchies(Object value, Set<List<String>> paths) {
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
    List<String> path = raw.stream().map(name -> shortened(XmlText.clean(name).strip()))
        .filter(name -> !name.isEmpty()).toList();
    if (!path.isEmpty()) {
      into.add(path);
    }
  }

  private void collect(Object value, String key, KeyLines at, Set<String> into, int depth, List<Warning> warnings)
      throws ArticleException {
    if (value == null) {
      return;
    }
    if (value instanceof String s) {
      String name = shortened(XmlText.clean(s).strip());
      if (name.length() != XmlText.clean(s).strip().length()) {
        warnings.add(new Warning(at.line(key), key + ": a name longer than " + MAX_NAME_LENGTH
            + " characters is shortened to '" + name + "'"));
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
        collect(item, key, at, into, depth + 1, warnings);
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

  /**
   * Finds the file line of a top-level key, for messages: {@code lines} start at the file's line
   * {@code firstLine}; a key that is absent is reported at {@code absentLine} (the opening fence,
   * or 0 when there is none).
   */
  private record KeyLines(List<String> lines, int firstLine, int absentLine, boolean json) {
    int line(String key) {
      Pattern p = json
          ? Pattern.compile("^\\s*[{,]?\\s*\"" + Pattern.quote(key) + "\"\\s*:")
          : Pattern.compile("^['\"]?" + Pattern.quote(key) + "['\"]?\\s*:");
      for (int i = 0; i < lines.size(); i++) {
        if (p.matcher(lines.get(i)).find()) {
          return firstLine + i;
        }
      }
      return absentLine;
    }
  }
}
