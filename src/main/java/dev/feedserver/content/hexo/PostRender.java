package dev.feedserver.content.hexo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rendering of one post body, as Hexo renders a post: tags outside code are swapped for
 * {@link Placeholders}, Markdown is rendered, then each placeholder is replaced with what its tag renders
 * to. A block tag's body is rendered the same way, recursively. Collects the warnings.
 *
 * <p>One instance per post body and thread.
 */
final class PostRender implements TagEnvironment {

  /** Tags within tags deeper than this are left as text; enough for any real post. */
  static final int MAX_DEPTH = 16;

  /** A post with more problems than this reports the first ones and how many more there were. */
  static final int MAX_WARNINGS = 100;

  /**
   * What may come before a tag on its line for the tag to stand alone there: indentation and blockquote
   * markers. After a list marker a tag is the item's text, as in {@code - {% asset_img a.png %}}.
   */
  private static final Pattern CONTAINER_PREFIX = Pattern.compile("(?:[ \\t]*>)*[ \\t]*");
  private static final Pattern QUOTE_MARKER = Pattern.compile("[ \\t]*>[ \\t]?");
  private static final Pattern LEADING_BLANK_LINE = Pattern.compile("[ \\t]*\\n");
  private static final Pattern TRAILING_BLANK_LINE = Pattern.compile("\\n[ \\t]*\\z");

  private final MarkdownEngine markdown;
  private final TagPlugins plugins;
  private final TagScanner scanner;
  private final PostContext context;
  private final Placeholders placeholders;
  private final List<TagWarning> warnings = new ArrayList<>();
  private int omittedWarnings;
  private int depth;
  private boolean depthReported;

  PostRender(MarkdownEngine markdown, TagPlugins plugins, TagScanner scanner, PostContext context, String body) {
    this.markdown = markdown;
    this.plugins = plugins;
    this.scanner = scanner;
    this.context = context;
    this.placeholders = Placeholders.forBody(body);
  }

  @Override
  public PostContext context() {
    return context;
  }

  @Override
  public void warn(int line, String message) {
    if (warnings.size() < MAX_WARNINGS) {
      warnings.add(new TagWarning(line, message));
    } else {
      omittedWarnings++;
    }
  }

  /** The warnings so far, in line order. */
  List<TagWarning> warnings() {
    List<TagWarning> sorted = new ArrayList<>(warnings);
    sorted.sort(Comparator.comparingInt(TagWarning::line));
    if (omittedWarnings > 0) {
      sorted.add(new TagWarning(sorted.get(sorted.size() - 1).line(),
          omittedWarnings + " more warnings not shown"));
    }
    return sorted;
  }

  @Override
  public String renderMarkdown(String text, int firstLine) {
    if (depth >= MAX_DEPTH) {
      if (!depthReported) {
        depthReported = true;
        warn(firstLine + 1, "tags nested more than " + MAX_DEPTH + " deep: the inner ones are left as text");
      }
      return markdown.toHtml(text);
    }
    depth++;
    try {
      // tags start with "{%": without one there is nothing to swap, so no code to find first (a
      // second Markdown parse)
      CodeRanges code = text.contains("{%") ? markdown.codeRanges(text).withHtmlCode(text) : CodeRanges.NONE;
      String substituted = substitute(text, firstLine, code, true);
      return placeholders.restore(markdown.toHtml(substituted));
    } finally {
      depth--;
    }
  }

  /** Renders the tags of an HTML body; the bodies of block tags are Markdown, as in Hexo. */
  String renderHtml(String text) {
    depth++;
    try {
      return placeholders.restore(substitute(text, 0, CodeRanges.ofHtml(text), false));
    } finally {
      depth--;
    }
  }

  /**
   * Swaps the tags of a text for placeholders, rendering each tag.
   *
   * @param firstLine the 0-based line index of the text's first line in the post body
   * @param blocks    whether a tag alone on its lines gets a block placeholder (Markdown)
   */
  private String substitute(String text, int firstLine, CodeRanges code, boolean blocks) {
    TagScanner.Scan scan = scanner.scan(text, code);
    if (scan.uses().isEmpty() && scan.problems().isEmpty()) {
      return text;
    }
    LineIndex lines = new LineIndex(text);
    for (TagScanner.Problem problem : scan.problems()) {
      warn(firstLine + lines.lineOf(problem.position()) + 1, problem.message());
    }
    StringBuilder out = new StringBuilder(text.length());
    int position = 0;
    for (TagScanner.Use use : scan.uses()) {
      out.append(text, position, use.start());
      String source = text.substring(use.start(), use.end());
      int quoteDepth = blocks ? quoteDepthIfAlone(text, use, lines) : -1;
      TagOutput output = render(use, text, firstLine, lines, Math.max(quoteDepth, 0));
      out.append(quoteDepth >= 0 ? placeholders.block(output, source) : placeholders.inline(output, source));
      position = use.end();
    }
    out.append(text, position, text.length());
    return out.toString();
  }

  private TagOutput render(TagScanner.Use use, String text, int firstLine, LineIndex lines, int quoteDepth) {
    TagScanner.Token open = use.open();
    String name = open.name();
    int line = firstLine + lines.lineOf(use.start()) + 1;
    switch (use.role()) {
      case STRAY_END -> {
        warn(line, "{% " + name + " %} without {% " + name.substring(3) + " %}: dropped");
        return TagOutput.EMPTY;
      }
      case UNTERMINATED -> {
        warn(line, "{% " + name + " %} without {% end" + name + " %}: dropped, the text after it is kept");
        return TagOutput.EMPTY;
      }
      default -> {
      }
    }
    List<String> arguments = TagCall.split(open.arguments());
    if (use.close() == null) {
      return plugins.render(new TagCall(name, arguments, null, line, line - 1), this);
    }
    String body = text.substring(open.end(), use.close().start());
    int bodyLine = firstLine + lines.lineOf(open.end());
    if (TagPlugins.kindOf(name) != TagScanner.Kind.RAW) {
      // Hexo's trimBody: common indentation and the line breaks after the opening and before the end tag
      body = stripIndent(quoteDepth > 0 ? withoutQuoteMarkers(body, quoteDepth) : body);
      Matcher leading = LEADING_BLANK_LINE.matcher(body);
      if (leading.lookingAt()) {
        body = body.substring(leading.end());
        bodyLine++;
      }
      Matcher trailing = TRAILING_BLANK_LINE.matcher(body);
      if (trailing.find()) {
        body = body.substring(0, trailing.start());
      }
    }
    return plugins.render(new TagCall(name, arguments, body, line, bodyLine), this);
  }

  /**
   * If the tag stands alone on its lines (only container markers before it, only whitespace after it),
   * the number of blockquote markers before it; else -1.
   */
  private static int quoteDepthIfAlone(String text, TagScanner.Use use, LineIndex lines) {
    for (int i = use.end(); i < text.length() && text.charAt(i) != '\n'; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return -1;
      }
    }
    int lineStart = lines.startOfLineAt(use.start());
    if (!CONTAINER_PREFIX.matcher(text).region(lineStart, use.start()).matches()) {
      return -1;
    }
    return (int) text.substring(lineStart, use.start()).chars().filter(c -> c == '>').count();
  }

  /** Removes up to {@code depth} blockquote markers from each line of a body but its first. */
  private static String withoutQuoteMarkers(String body, int depth) {
    String[] lines = body.split("\n", -1);
    for (int i = 1; i < lines.length; i++) {
      for (int marker = 0; marker < depth; marker++) {
        Matcher matcher = QUOTE_MARKER.matcher(lines[i]);
        if (!matcher.lookingAt()) {
          break;
        }
        lines[i] = lines[i].substring(matcher.end());
      }
    }
    return String.join("\n", lines);
  }

  /**
   * The npm strip-indent package that Hexo uses: the smallest indentation of the lines with content is
   * removed from every line indented at least that much.
   */
  static String stripIndent(String text) {
    String[] lines = text.split("\n", -1);
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      int width = indentation(line);
      if (width < line.length()) {
        indent = Math.min(indent, width);
      }
    }
    if (indent == 0 || indent == Integer.MAX_VALUE) {
      return text;
    }
    for (int i = 0; i < lines.length; i++) {
      if (indentation(lines[i]) >= indent) {
        lines[i] = lines[i].substring(indent);
      }
    }
    return String.join("\n", lines);
  }

  private static int indentation(String line) {
    int width = 0;
    while (width < line.length() && (line.charAt(width) == ' ' || line.charAt(width) == '\t')) {
      width++;
    }
    return width;
  }

  /** Line numbers of offsets in a text. */
  private static final class LineIndex {
    private final int[] newlines;

    LineIndex(String text) {
      int[] found = new int[16];
      int count = 0;
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (count == found.length) {
          found = Arrays.copyOf(found, count * 2);
        }
        found[count++] = i;
      }
      this.newlines = Arrays.copyOf(found, count);
    }

    /** The offset where the line of an offset starts. */
    int startOfLineAt(int offset) {
      int line = lineOf(offset);
      return line == 0 ? 0 : newlines[line - 1] + 1;
    }

    /** The 0-based line of an offset: how many line breaks come before it. */
    int lineOf(int offset) {
      int index = Arrays.binarySearch(newlines, offset);
      return index >= 0 ? index : -index - 1;
    }
  }
}
