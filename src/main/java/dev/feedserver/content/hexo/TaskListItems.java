package dev.feedserver.content.hexo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

/**
 * GitHub's task list items ({@code - [x] done}, {@code - [ ] to do}) with a ballot box character where
 * GitHub and marked put an {@code <input type="checkbox">}, which sanitizing removes: "☑ done", "☐ to do".
 *
 * <p>A list item is a task when its first block is a paragraph that starts with {@code [ ]}, {@code [x]} or
 * {@code [X]} followed by a space or tab. Stateless and thread-safe.
 */
final class TaskListItems implements PostProcessor {

  private static final Pattern MARKER = Pattern.compile("\\[([ xX])\\][ \\t]");

  @Override
  public Node process(Node document) {
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(ListItem item) {
        if (item.getFirstChild() instanceof Paragraph paragraph && paragraph.getFirstChild() instanceof Text text) {
          Matcher marker = MARKER.matcher(text.getLiteral());
          if (marker.lookingAt()) {
            String box = marker.group(1).equals(" ") ? "\u2610 " : "\u2611 ";
            text.setLiteral(box + text.getLiteral().substring(marker.end()));
          }
        }
        visitChildren(item);
      }
    });
    return document;
  }
}
