package dev.feedserver.content.hexo;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown as hexo-renderer-marked renders it with its defaults, on commonmark-java: GitHub Flavored
 * Markdown (tables, strikethrough, autolinks, task lists as {@link TaskListItems}), a line break for every newline inside a
 * paragraph ({@code breaks: true}), ids on headings ({@code headerIds: true}, see {@link HeadingIds}),
 * raw HTML passed through. Code blocks keep every character, escaped, in
 * {@code <pre><code class="language-xxx">}.
 *
 * <p>Immutable and thread-safe.
 */
final class MarkdownEngine {

  private final Parser parser;
  private final Parser parserWithSpans;
  private final HtmlRenderer renderer;

  MarkdownEngine() {
    List<Extension> extensions = List.of(TablesExtension.create(), StrikethroughExtension.create(),
        AutolinkExtension.create());
    this.parser = Parser.builder().extensions(extensions).postProcessor(new TaskListItems()).build();
    this.parserWithSpans = Parser.builder().extensions(extensions)
        .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    this.renderer = HtmlRenderer.builder()
        .extensions(extensions)
        .attributeProviderFactory(context -> new HeadingIds())
        .softbreak("<br>\n")
        .build();
  }

  /** Renders Markdown to HTML; raw HTML in it passes through. */
  String toHtml(String markdown) {
    return renderer.render(parser.parse(markdown));
  }

  /** Where Markdown has code: fenced and indented code blocks, code spans. */
  CodeRanges codeRanges(String markdown) {
    if (markdown.indexOf('`') < 0 && markdown.indexOf('~') < 0 && markdown.indexOf("    ") < 0
        && markdown.indexOf('\t') < 0) {
      return CodeRanges.NONE; // no fence, no code span, no indentation: no code
    }
    int[] lineStarts = lineStarts(markdown);
    List<int[]> ranges = new ArrayList<>();
    parserWithSpans.parse(markdown).accept(new AbstractVisitor() {
      @Override
      public void visit(FencedCodeBlock node) {
        add(node);
      }

      @Override
      public void visit(IndentedCodeBlock node) {
        add(node);
      }

      @Override
      public void visit(Code node) {
        add(node);
      }

      private void add(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
          return;
        }
        SourceSpan first = spans.get(0);
        SourceSpan last = spans.get(spans.size() - 1);
        int start = offset(lineStarts, first.getLineIndex(), first.getColumnIndex(), markdown.length());
        int end = offset(lineStarts, last.getLineIndex(), last.getColumnIndex() + last.getLength(),
            markdown.length());
        ranges.add(new int[] {start, end});
      }
    });
    return CodeRanges.of(ranges);
  }

  private static int offset(int[] lineStarts, int line, int column, int length) {
    if (line >= lineStarts.length) {
      return length;
    }
    return Math.min(length, lineStarts[line] + column);
  }

  /** Offsets of the first character of each line; lines end at '\n' only (input is normalized). */
  private static int[] lineStarts(String text) {
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        count++;
      }
    }
    int[] starts = new int[count];
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts[line++] = i + 1;
      }
    }
    return starts;
  }
}
