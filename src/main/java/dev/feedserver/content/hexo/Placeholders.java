package dev.feedserver.content.hexo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stand-ins for tags while Markdown renders, as Hexo swaps tags for placeholders before it renders
 * Markdown and renders the tags afterwards.
 *
 * <p>A tag inside text becomes a token of letters and digits ({@code HEXOTAG12E}), which Markdown keeps
 * as it is wherever it stands: in a paragraph, a link destination, an image's alt text. A tag alone on its
 * lines becomes an HTML comment holding the token, which Markdown passes through as an HTML block, so
 * that block output (a quote, a code block) is not wrapped in a paragraph. The token's prefix is chosen so
 * that it does not occur in the post, so text of the post never turns into a tag.
 *
 * <p>One instance serves one post; it is not thread-safe.
 */
final class Placeholders {

  private static final String BASE_PREFIX = "HEXOTAG";

  /** Any token of any instance; heading ids are computed before tokens are restored and skip them. */
  static final Pattern ANY_TOKEN = Pattern.compile(BASE_PREFIX + "X*\\d+E");

  private record Entry(TagOutput output, String source) {
  }

  private final String prefix;
  private final Pattern forms;
  private final List<Entry> entries = new ArrayList<>();

  private Placeholders(String prefix) {
    this.prefix = prefix;
    // a block placeholder with the line break after it, which goes if the tag renders to nothing
    this.forms = Pattern.compile("<!--" + prefix + "(\\d+)E-->(\n?)|&lt;!--" + prefix + "(\\d+)E--&gt;|"
        + prefix + "(\\d+)E");
  }

  /** Placeholders for tags of this post body. */
  static Placeholders forBody(String body) {
    String prefix = BASE_PREFIX;
    while (body.contains(prefix)) {
      prefix += "X";
    }
    return new Placeholders(prefix);
  }

  /**
   * @param output what the tag renders to
   * @param source the tag as written, shown as text if Markdown turned its place into code after all
   * @return a token to put where the tag was, inside text
   */
  String inline(TagOutput output, String source) {
    entries.add(new Entry(output, source));
    return prefix + (entries.size() - 1) + "E";
  }

  /** Like {@link #inline}, for a tag alone on its lines: an HTML comment that Markdown keeps as a block. */
  String block(TagOutput output, String source) {
    return "<!--" + inline(output, source) + "-->";
  }

  /**
   * Replaces the placeholders in rendered HTML with what their tags render to. The inserted HTML is not
   * searched for placeholders again.
   */
  String restore(String html) {
    Matcher matcher = forms.matcher(html);
    if (!matcher.find()) {
      return html;
    }
    HtmlPosition position = new HtmlPosition(html);
    StringBuilder out = new StringBuilder(html.length() + 256);
    do {
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement(matcher, html, position)));
    } while (matcher.find());
    matcher.appendTail(out);
    return out.toString();
  }

  private String replacement(Matcher matcher, String html, HtmlPosition position) {
    int group = matcher.group(1) != null ? 1 : matcher.group(3) != null ? 3 : 4;
    int index;
    try {
      index = Integer.parseInt(matcher.group(group));
    } catch (NumberFormatException e) {
      return matcher.group();
    }
    if (index >= entries.size()) {
      return matcher.group();
    }
    Entry entry = entries.get(index);
    return switch (group) {
      case 1 -> {
        String lineBreak = matcher.group(2);
        boolean alone = (matcher.start() == 0 || html.charAt(matcher.start() - 1) == '\n')
            && (!lineBreak.isEmpty() || matcher.end() == html.length());
        String block = alone ? entry.output().standingAlone() : entry.output().html();
        yield block.isEmpty() && alone ? "" : block + lineBreak;
      }
      // Markdown escaped the comment: it ended up in code, where a tag is text
      case 3 -> TagOutput.escape(entry.source());
      default -> {
        position.advanceTo(matcher.start());
        if (position.inTag()) {
          yield TagOutput.escape(entry.output().text());
        }
        yield position.inCode() ? TagOutput.escape(entry.source()) : entry.output().html();
      }
    };
  }

  /** Tracks, moving forward through HTML, whether a position is inside a tag or a code element. */
  private static final class HtmlPosition {
    private final String html;
    private int position;
    private boolean inTag;
    private int codeDepth;

    HtmlPosition(String html) {
      this.html = html;
    }

    void advanceTo(int target) {
      for (; position < target; position++) {
        char c = html.charAt(position);
        if (inTag) {
          inTag = c != '>';
        } else if (c == '<' && position + 1 < html.length()) {
          char next = html.charAt(position + 1);
          if (Character.isLetter(next) || next == '/' || next == '!') {
            inTag = true;
            if (isTagNamed(position + 1, "code")) {
              codeDepth++;
            } else if (next == '/' && isTagNamed(position + 2, "code")) {
              codeDepth = Math.max(0, codeDepth - 1);
            }
          }
        }
      }
    }

    private boolean isTagNamed(int at, String name) {
      int end = at + name.length();
      if (end > html.length() || !html.regionMatches(true, at, name, 0, name.length())) {
        return false;
      }
      return end == html.length() || !Character.isLetterOrDigit(html.charAt(end));
    }

    boolean inTag() {
      return inTag;
    }

    boolean inCode() {
      return codeDepth > 0;
    }
  }
}
