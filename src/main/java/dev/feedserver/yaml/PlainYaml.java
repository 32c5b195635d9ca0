package dev.feedserver.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the plainest front matter without SnakeYAML: a mapping of simple keys to one-line scalars
 * (plain, single-quoted, or double-quoted without escapes), to flow sequences of such scalars, or
 * to block sequences of one-line scalars and flow sequences (Hexo's category hierarchies). Anything else, and anything it is not sure of (comments,
 * tabs, multi-line scalars, escapes, anchors, tags, unusual characters, a repeated key), is left to
 * SnakeYAML: {@link #read} is then empty. What it does read is exactly what {@link StrictYamlLoader}
 * reads through SnakeYAML (a {@code LinkedHashMap} of {@code String} keys to {@code String}s and
 * {@code ArrayList}s of {@code String}s); {@code PlainYamlTest} checks that on generated and real
 * front matter.
 */
final class PlainYaml {
  /** Longer documents go to SnakeYAML (which enforces the size limit). */
  private static final int MAX_LENGTH = 16 * 1024;

  private PlainYaml() {}

  /** The mapping, or empty when SnakeYAML must read the document. */
  static Optional<Map<String, Object>> read(String document) {
    if (document.length() > MAX_LENGTH || !plainCharacters(document)) {
      return Optional.empty();
    }
    Map<String, Object> map = new LinkedHashMap<>();
    String listKey = null; // a key whose value is a block sequence still being read
    List<Object> list = null;
    int listIndent = -1;
    int start = 0;
    int length = document.length();
    while (start <= length) {
      int end = document.indexOf('\n', start);
      if (end < 0) {
        end = length;
      }
      String line = document.substring(start, end);
      start = end + 1;
      if (line.isEmpty()) {
        continue;
      }
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == ' ') {
        indent++;
      }
      if (indent < line.length() - 1 && line.charAt(indent) == '-' && line.charAt(indent + 1) == ' ') {
        if (listKey == null || (listIndent >= 0 && indent != listIndent)) {
          return Optional.empty();
        }
        listIndent = indent;
        String text = spacesStripped(line.substring(indent + 2));
        Object item = text.startsWith("[") ? flow(text) : scalar(text, false);
        if (item == null) {
          return Optional.empty();
        }
        list.add(item);
        continue;
      }
      if (indent > 0) {
        return Optional.empty(); // a continuation, a nested mapping, ...
      }
      if (listKey != null) {
        if (list.isEmpty()) {
          return Optional.empty(); // "key:" with nothing: left to SnakeYAML
        }
        map.put(listKey, list);
        listKey = null;
      }
      int colon = keyEnd(line);
      if (colon < 0) {
        return Optional.empty();
      }
      String key = line.substring(0, colon);
      if (map.containsKey(key)) {
        return Optional.empty(); // SnakeYAML names the duplicate
      }
      String rest = line.substring(colon + 1);
      if (spacesStripped(rest).isEmpty()) {
        listKey = key;
        list = new ArrayList<>();
        listIndent = -1;
        continue;
      }
      if (rest.charAt(0) != ' ') {
        return Optional.empty();
      }
      String value = spacesStripped(rest);
      Object read = value.startsWith("[") ? flow(value) : scalar(value, false);
      if (read == null) {
        return Optional.empty();
      }
      map.put(key, read);
    }
    if (listKey != null) {
      if (list.isEmpty() || map.containsKey(listKey)) {
        return Optional.empty();
      }
      map.put(listKey, list);
    }
    return map.isEmpty() ? Optional.empty() : Optional.of(map);
  }

  /**
   * Whether every character is one this reader handles: printable, no tab or line break but
   * {@code \n} (YAML 1.1 also breaks lines at U+0085, U+2028 and U+2029), no byte order mark, no
   * C1 control.
   */
  private static boolean plainCharacters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0xD800 && c != 0x2028 && c != 0x2029)
          || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      return false;
    }
    return true;
  }

  /** The offset of the colon ending a simple key at the start of the line, or -1. */
  private static int keyEnd(String line) {
    if (line.isEmpty() || !(Character.isLetter(line.charAt(0)) && line.charAt(0) < 0x80 || line.charAt(0) == '_')) {
      return -1;
    }
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ':') {
        return i;
      }
      if (!(c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'))) {
        return -1;
      }
    }
    return -1;
  }

  /** The text without the spaces (U+0020 only, as YAML strips) around it. */
  private static String spacesStripped(String text) {
    int from = 0;
    int to = text.length();
    while (from < to && text.charAt(from) == ' ') {
      from++;
    }
    while (to > from && text.charAt(to - 1) == ' ') {
      to--;
    }
    return text.substring(from, to);
  }

  /**
   * A flow sequence of plain or quoted scalars ({@code [a, 'b c']}, no comma inside an item), or
   * null.
   */
  private static List<Object> flow(String value) {
    if (!value.endsWith("]")) {
      return null;
    }
    String inner = value.substring(1, value.length() - 1);
    List<Object> items = new ArrayList<>();
    if (inner.isEmpty()) {
      return items;
    }
    for (String part : inner.split(",", -1)) {
      String item = scalar(part, true);
      if (item == null || item.isEmpty()) {
        return null;
      }
      items.add(item);
    }
    return items;
  }

  /**
   * A one-line scalar, stripped of the spaces around it: single-quoted, double-quoted without a
   * backslash, or plain; null when it is none of these surely.
   */
  private static String scalar(String text, boolean inFlow) {
    String s = spacesStripped(text);
    if (s.isEmpty()) {
      return null;
    }
    char first = s.charAt(0);
    if (first == '\'') {
      if (s.length() < 2 || !s.endsWith("'")) {
        return null;
      }
      String inner = s.substring(1, s.length() - 1);
      StringBuilder out = new StringBuilder(inner.length());
      for (int i = 0; i < inner.length(); i++) {
        char c = inner.charAt(i);
        if (c == '\'') {
          if (i + 1 < inner.length() && inner.charAt(i + 1) == '\'') {
            i++;
          } else {
            return null;
          }
        }
        out.append(c);
      }
      return out.toString();
    }
    if (first == '"') {
      if (s.length() < 2 || !s.endsWith("\"")) {
        return null;
      }
      String inner = s.substring(1, s.length() - 1);
      return inner.indexOf('"') >= 0 || inner.indexOf('\\') >= 0 ? null : inner;
    }
    if ("-?:,[]{}#&*!|>'\"%@`=~<".indexOf(first) >= 0) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("[]{}".indexOf(c) >= 0 || (inFlow && ",:?".indexOf(c) >= 0)) {
        return null;
      }
      if (c == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
        return null;
      }
      if (c == '#' && s.charAt(i - 1) == ' ') {
        return null;
      }
    }
    return s;
  }
}
