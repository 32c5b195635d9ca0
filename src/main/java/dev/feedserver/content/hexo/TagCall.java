package dev.feedserver.content.hexo;

import java.util.ArrayList;
import java.util.List;

/**
 * One tag to render.
 *
 * @param name      the tag name, {@code asset_img}
 * @param arguments the arguments, split as Hexo splits them (see {@link #split})
 * @param body      the content of a block tag, {@code null} for a single tag
 * @param line      the 1-based line of the tag in the post body, for warnings
 * @param bodyLine  the 0-based line index of the body's first line in the post body
 */
record TagCall(String name, List<String> arguments, String body, int line, int bodyLine) {

  TagCall {
    arguments = List.copyOf(arguments);
  }

  /**
   * Splits tag arguments as Hexo does (lib/extend/tag.js on Nunjucks' lexer): at whitespace, except inside
   * single or double quotes, which group words into one argument and are removed
   * ({@code "spaced name.png" 'a "quoted" title'} gives {@code spaced name.png} and
   * {@code a "quoted" title}). A backslash in quotes escapes the next character. A quote without its
   * closing quote is an ordinary character.
   */
  static List<String> split(String arguments) {
    List<String> out = new ArrayList<>();
    StringBuilder item = new StringBuilder();
    boolean hasItem = false;
    int i = 0;
    int length = arguments.length();
    while (i < length) {
      char c = arguments.charAt(i);
      if (Character.isWhitespace(c)) {
        if (hasItem) {
          out.add(item.toString());
          item.setLength(0);
          hasItem = false;
        }
        i++;
      } else if ((c == '"' || c == '\'') && closingQuote(arguments, i) >= 0) {
        int close = closingQuote(arguments, i);
        for (int j = i + 1; j < close; j++) {
          char q = arguments.charAt(j);
          if (q == '\\' && j + 1 < close) {
            q = arguments.charAt(++j);
          }
          item.append(q);
        }
        hasItem = true;
        i = close + 1;
      } else {
        item.append(c);
        hasItem = true;
        i++;
      }
    }
    if (hasItem) {
      out.add(item.toString());
    }
    return out;
  }

  private static int closingQuote(String s, int open) {
    char quote = s.charAt(open);
    for (int j = open + 1; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == quote) {
        return j;
      }
    }
    return -1;
  }
}
