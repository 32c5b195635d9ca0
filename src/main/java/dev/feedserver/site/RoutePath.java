package dev.feedserver.site;

import dev.feedserver.content.Taxonomy;
import dev.feedserver.content.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The grammar every route's path is written and read in: fixed words, names, topics and page
 * numbers. Routes declare their paths with it ({@link Route#path}, {@link Route#PARSERS}); {@link
 * Links} is its only other user.
 *
 * <p>Names are percent-encoded as UTF-8, every byte outside RFC 3986's unreserved set escaped (so
 * {@code /}, {@code ?}, {@code #}, {@code +} and spaces stay inside their segment). A name that is
 * exactly {@code .} or {@code ..} is written {@code %2E} or {@code %2E%2E}: as a raw dot-segment
 * every client would resolve it away (RFC 3986 section 5.2.4). Below the first level of a category
 * tree a name that is one of the grammar's words ({@code page}, {@code embed}, a feed's file name)
 * has its first character escaped, so {@code /category/A/%70age} is the category {@code page}
 * inside {@code A}, and {@code /category/A/page/2} is A's second page. The first name after
 * {@code /category/}, {@code /tag/} or {@code /author/} is always a name, so a plain folder's
 * category URLs never depend on these words.
 */
final class RoutePath {
  static final String PAGE = "page";
  static final String EMBED = "embed";

  private RoutePath() {}

  // ---- writing ----

  /** Builds one path, segment by segment. */
  static final class Writer {
    private final StringBuilder out = new StringBuilder();

    Writer word(String word) {
      out.append('/').append(word);
      return this;
    }

    Writer name(String name) {
      out.append('/').append(segment(name));
      return this;
    }

    Writer topic(Topic topic) {
      word(topic.taxonomy().slug());
      List<String> path = topic.path();
      for (int i = 0; i < path.size(); i++) {
        String name = path.get(i);
        out.append('/').append(i > 0 && isWord(name) ? escapeFirst(name) : segment(name));
      }
      return this;
    }

    Writer scope(Optional<Topic> scope) {
      scope.ifPresent(this::topic);
      return this;
    }

    /** {@code /page/n} for pages after the first; nothing for the first. */
    Writer page(int page) {
      if (page > 1) {
        word(PAGE).word(Integer.toString(page));
      }
      return this;
    }

    String build() {
      return out.length() == 0 ? "/" : out.toString();
    }
  }

  /**
   * One path segment: {@link PercentEncoding#encode}d, {@code .} and {@code ..} as {@code %2E}s.
   * (Entry and feed ids are opaque {@code tag:} URIs, never resolved: they keep plain encoding.)
   */
  static String segment(String name) {
    if (name.equals(".") || name.equals("..")) {
      return "%2E".repeat(name.length());
    }
    return PercentEncoding.encode(name);
  }

  /**
   * Whether names make the path of a served file: at least one, none empty, none starting with
   * {@code .} or {@code _} (hidden, or not published by Hexo) and none a dot-segment, the last of a
   * {@link FileType}.
   */
  static boolean isFilePath(List<String> names) {
    return !names.isEmpty()
        && names.stream().noneMatch(n -> n.isEmpty() || n.startsWith(".") || n.startsWith("_") || n.contains("/")
            || n.contains("\\") || n.indexOf('\0') >= 0)
        && FileType.of(names.get(names.size() - 1)).isPresent();
  }

  private static boolean isWord(String name) {
    return name.equals(PAGE) || name.equals(EMBED) || FeedFormat.byFileName(name).isPresent();
  }

  private static String escapeFirst(String word) {
    return PercentEncoding.escape(word.charAt(0)) + word.substring(1);
  }

  // ---- reading ----

  /** A raw request path read segment by segment; each parse uses a fresh one. */
  static final class Reader {
    private final String[] segments;
    private int at;
    /** Set when a topic's word came with no usable name: the path names nothing. */
    private boolean bad;

    /** @param path a path starting with {@code /}, one trailing slash already removed */
    Reader(String path) {
      this(path.equals("/") ? new String[0] : path.substring(1).split("/", -1));
    }

    private Reader(String[] segments) {
      this.segments = segments;
    }

    /** The same path, to be read again from its start (the path is split once). */
    Reader fresh() {
      return new Reader(segments);
    }

    /** Whether the whole path has been read (never, once a part of it proved malformed). */
    boolean end() {
      return !bad && at == segments.length;
    }

    /** Whether there is a segment left to read. */
    private boolean more() {
      return !bad && at < segments.length;
    }

    /** Takes the fixed word if it comes next. */
    boolean word(String word) {
      if (more() && segments[at].equals(word)) {
        at++;
        return true;
      }
      return false;
    }

    /** The next segment, decoded, when it is a non-empty name. */
    Optional<String> name() {
      if (!more()) {
        return Optional.empty();
      }
      Optional<String> name = PercentEncoding.decodePathSegment(segments[at]).filter(n -> !n.isEmpty());
      if (name.isPresent()) {
        at++;
      }
      return name;
    }

    /**
     * A topic: its taxonomy's word and its name, and for categories the names of the levels below,
     * up to the next word of the grammar. Names come back in their comparison form.
     */
    Optional<Topic> topic() {
      for (Taxonomy taxonomy : Taxonomy.values()) {
        if (word(taxonomy.slug())) {
          Optional<String> first = name().map(Topic::key).filter(n -> !n.isEmpty());
          if (first.isEmpty()) {
            bad = true;
            return Optional.empty();
          }
          List<String> path = new ArrayList<>(List.of(first.get()));
          while (taxonomy == Taxonomy.CATEGORY && more() && !isWord(segments[at])) {
            Optional<String> next = name().map(Topic::key).filter(n -> !n.isEmpty());
            if (next.isEmpty()) {
              bad = true;
              return Optional.empty();
            }
            path.add(next.get());
          }
          return Optional.of(new Topic(taxonomy, path));
        }
      }
      return Optional.empty();
    }

    /**
     * {@code page/n} if it comes next: 2 or more, no sign, no leading zero; 1 when there is none;
     * empty when the number is malformed.
     */
    OptionalInt page() {
      if (!word(PAGE)) {
        return OptionalInt.of(1);
      }
      if (!more()) {
        return OptionalInt.empty();
      }
      String n = segments[at++];
      if (n.isEmpty() || n.length() > 9 || n.charAt(0) == '0' || !n.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return OptionalInt.empty();
      }
      int page = Integer.parseInt(n);
      return page >= 2 ? OptionalInt.of(page) : OptionalInt.empty();
    }

    /** The rest of the path as the names of a served file ({@link #isFilePath}), if it is one. */
    Optional<List<String>> filePath() {
      List<String> names = new ArrayList<>();
      while (more()) {
        Optional<String> name = PercentEncoding.decodePathSegment(segments[at]);
        if (name.isEmpty()) {
          return Optional.empty();
        }
        names.add(name.get());
        at++;
      }
      return isFilePath(names) && end() ? Optional.of(names) : Optional.empty();
    }

    /** A feed's file name if it comes next. */
    Optional<FeedFormat> format() {
      if (!more()) {
        return Optional.empty();
      }
      Optional<FeedFormat> format = FeedFormat.byFileName(segments[at]);
      format.ifPresent(f -> at++);
      return format;
    }
  }
}
