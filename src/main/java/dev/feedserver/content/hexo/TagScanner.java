package dev.feedserver.content.hexo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tag plugins of a post body: single tags ({@code {% img a.png %}}) and block tags from their
 * opening tag to their end tag ({@code {% note %}...{% endnote %}}), outside code.
 *
 * <p>Nothing here throws on malformed input: an unterminated {@code {%} stays text and is reported, a
 * block tag without its end tag or an end tag without its opening tag becomes a {@link Use} with a
 * {@link Role} saying so.
 */
final class TagScanner {

  /** How the content between a block tag's opening and end tag is treated. */
  enum Kind {
    /** Taken as it is, and end tags of the same name nest ({@code codeblock}, {@code code}). */
    VERBATIM,
    /** Taken as it is up to the first end tag, as Nunjucks does for {@code raw}. */
    RAW,
    /** Markdown with tags of its own ({@code blockquote}, {@code note}). */
    MARKDOWN,
    /** A tag without body ({@code img}). */
    SINGLE,
    /** Not a tag this renderer knows: a block tag if an end tag follows, else a single tag. */
    UNKNOWN
  }

  /** What a found tag is. */
  enum Role {
    /** A single tag, or a block tag with its end tag. */
    TAG,
    /** A block tag whose end tag never comes. */
    UNTERMINATED,
    /** An end tag without an opening tag. */
    STRAY_END
  }

  /**
   * One {@code {% name arguments %}}.
   *
   * @param start     offset of {@code {%}
   * @param end       offset after {@code %}}
   * @param name      the tag name
   * @param arguments everything after the name, trimmed
   */
  record Token(int start, int end, String name, String arguments) {

    boolean isEnd() {
      return name.length() > 3 && name.startsWith("end");
    }

    boolean isEndOf(String tagName) {
      return isEnd() && name.regionMatches(3, tagName, 0, tagName.length()) && name.length() == tagName.length() + 3;
    }
  }

  /**
   * A tag in the body.
   *
   * @param open  the tag, or the opening tag of a block tag
   * @param close the end tag of a block tag, {@code null} for a single tag
   * @param role  whether the tag is well-formed
   */
  record Use(Token open, Token close, Role role) {

    int start() {
      return open.start();
    }

    int end() {
      return close == null ? open.end() : close.end();
    }
  }

  /** Text that looks like the start of a tag but is not one, at an offset of the body. */
  record Problem(int position, String message) {
  }

  /** The tags of a body, in order and not overlapping, and what could not be read as a tag. */
  record Scan(List<Use> uses, List<Problem> problems) {
  }

  /** Nunjucks whitespace control ({@code {%-} and {@code -%}}) and the tag name after it. */
  private static final Pattern NAME = Pattern.compile("-?\\s*([A-Za-z_][A-Za-z0-9_-]*)");
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");

  private final Function<String, Kind> kinds;

  /** @param kinds the kind of each tag name */
  TagScanner(Function<String, Kind> kinds) {
    this.kinds = kinds;
  }

  Scan scan(String text, CodeRanges code) {
    List<Problem> problems = new ArrayList<>();
    List<Token> tokens = tokenize(text, code, problems);
    List<Token> everywhere = null; // tokens in code too, for verbatim bodies; made when needed
    Set<String> namesEverywhere = new HashSet<>();
    Set<String> endNames = new HashSet<>();
    for (Token token : tokens) {
      if (token.isEnd()) {
        endNames.add(token.name());
      }
    }

    List<Use> uses = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Token token = tokens.get(i);
      if (token.isEnd()) {
        uses.add(new Use(token, null, Role.STRAY_END));
        i++;
        continue;
      }
      Kind kind = kinds.apply(token.name());
      if (kind == Kind.SINGLE) {
        uses.add(new Use(token, null, Role.TAG));
        i++;
      } else if (kind == Kind.VERBATIM || kind == Kind.RAW) {
        if (everywhere == null) {
          everywhere = tokenize(text, CodeRanges.NONE, null);
          everywhere.forEach(t -> namesEverywhere.add(t.name()));
        }
        Token close = namesEverywhere.contains("end" + token.name())
            ? findEnd(everywhere, token, kind == Kind.VERBATIM) : null;
        if (close == null) {
          uses.add(new Use(token, null, Role.UNTERMINATED));
          i++;
        } else {
          uses.add(new Use(token, close, Role.TAG));
          while (i < tokens.size() && tokens.get(i).start() < close.end()) {
            i++;
          }
        }
      } else {
        int close = endNames.contains("end" + token.name()) ? findEnd(tokens, i) : -1;
        if (close >= 0) {
          uses.add(new Use(token, tokens.get(close), Role.TAG));
          i = close + 1;
        } else {
          uses.add(new Use(token, null, kind == Kind.UNKNOWN ? Role.TAG : Role.UNTERMINATED));
          i++;
        }
      }
    }
    // what looks like a tag in a tag's body is text of a verbatim body, or reported when the body renders
    List<Problem> outside = new ArrayList<>(problems.size());
    int u = 0;
    for (Problem problem : problems) { // both in text order
      while (u < uses.size() && uses.get(u).end() <= problem.position()) {
        u++;
      }
      if (u == uses.size() || problem.position() <= uses.get(u).start()) {
        outside.add(problem);
      }
    }
    return new Scan(uses, outside);
  }

  /** The index of the end tag of {@code tokens[open]}, with nested tags of the same name; -1 if none. */
  private static int findEnd(List<Token> tokens, int open) {
    String name = tokens.get(open).name();
    int depth = 0;
    for (int j = open + 1; j < tokens.size(); j++) {
      Token token = tokens.get(j);
      if (token.name().equals(name)) {
        depth++;
      } else if (token.isEndOf(name)) {
        if (depth == 0) {
          return j;
        }
        depth--;
      }
    }
    return -1;
  }

  /** The end tag of a verbatim block tag, among all tokens after it; {@code null} if none. */
  private static Token findEnd(List<Token> everywhere, Token open, boolean nests) {
    int low = 0;
    int high = everywhere.size();
    while (low < high) { // the first token after the opening tag
      int middle = (low + high) >>> 1;
      if (everywhere.get(middle).start() < open.end()) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    int depth = 0;
    for (Token token : everywhere.subList(low, everywhere.size())) {
      if (nests && token.name().equals(open.name())) {
        depth++;
      } else if (token.isEndOf(open.name())) {
        if (depth == 0) {
          return token;
        }
        depth--;
      }
    }
    return null;
  }

  /**
   * Every {@code {% ... %}} outside code. A {@code {%} whose {@code %}} does not follow (before the next
   * {@code {%}, a blank line or code) is text; so is one without a tag name.
   *
   * @param problems where to report those, or {@code null} not to
   */
  private static List<Token> tokenize(String text, CodeRanges code, List<Problem> problems) {
    List<Token> tokens = new ArrayList<>();
    int position = 0;
    int close = -1; // the first '%}' at or after position + 2, kept while it is: scanning stays linear
    while (true) {
      int start = text.indexOf("{%", position);
      if (start < 0) {
        return tokens;
      }
      int codeEnd = code.endOfRangeAt(start);
      if (codeEnd >= 0) {
        position = codeEnd;
        continue;
      }
      if (close < start + 2 && close != Integer.MAX_VALUE) {
        close = text.indexOf("%}", start + 2);
        if (close < 0) {
          close = Integer.MAX_VALUE; // none left
        }
      }
      int nextOpen = text.indexOf("{%", start + 2);
      if (close == Integer.MAX_VALUE || (nextOpen >= 0 && nextOpen < close) || code.startsBetween(start, close)
          || BLANK_LINE.matcher(text).region(start, close).find()) {
        if (problems != null) {
          problems.add(new Problem(start, "'{%' without '%}' left as text"));
        }
        position = start + 2;
        continue;
      }
      String inside = text.substring(start + 2, close);
      if (inside.endsWith("-")) {
        inside = inside.substring(0, inside.length() - 1); // whitespace control: -%}
      }
      Matcher name = NAME.matcher(inside);
      if (!name.lookingAt()) {
        if (problems != null) {
          String shown = inside.length() > 40 ? inside.substring(0, 40) + "\u2026" : inside;
          problems.add(new Problem(start, "'{%" + shown + "%}' has no tag name, left as text"));
        }
        position = close + 2;
        continue;
      }
      tokens.add(new Token(start, close + 2, name.group(1), inside.substring(name.end()).strip()));
      position = close + 2;
    }
  }
}
