package dev.feedserver.render;

import dev.feedserver.content.SafeHtml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * An entry's sanitized body as its permalink page shows it: below the page's own {@code <h1>} (the
 * title), inside {@code html > body > main > article}. Feeds carry the body as it is; only the page
 * changes it, and only where the body would make the page invalid HTML:
 *
 * <ul>
 *   <li><b>Headings</b> are shifted below the page's {@code h1} where they would skip a level (see
 *       {@link #levels}); their text, attributes (an {@code id}) and children stay.</li>
 *   <li><b>Nesting</b> deeper than {@link #MAX_DEPTH} elements is flattened: browsers flatten a
 *       tree more than 513 elements deep themselves (the Nu checker calls it an error), so the
 *       elements below that depth are unwrapped, their text kept in the deepest element kept.
 *       (Elements without content there, such as an image, go with them.)</li>
 * </ul>
 *
 * A body that needs neither is returned as the same {@link SafeHtml}, byte for byte.
 */
final class PageBody {
  /**
   * The deepest element kept, counting the body's top-level elements as 1: the page puts the body 4
   * elements deep ({@code html body main article}), and browsers keep 513 levels; a few to spare.
   */
  static final int MAX_DEPTH = 500;

  /** The level of the page's own heading, the title. */
  static final int PAGE_LEVEL = 1;

  private static final Pattern HEADING = Pattern.compile("<h[1-6][\\s>/]");
  private static final Evaluator HEADINGS = Selector.evaluatorOf("h1, h2, h3, h4, h5, h6");
  private static final Evaluator EVERY_ELEMENT = Selector.evaluatorOf("*");

  /** The elements the sanitizer keeps whose content model allows no text. */
  private static final Set<String> NO_TEXT =
      Set.of("ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "colgroup");

  private PageBody() {}

  /** The body as the entry page shows it. */
  static SafeHtml of(SafeHtml body) {
    String html = body.html();
    boolean headings = HEADING.matcher(html).find();
    if (!headings && !mayBeDeeperThanMax(html)) {
      return body;
    }
    Document document = Jsoup.parseBodyFragment(html);
    Element root = document.body();
    boolean changed = headings && shiftHeadings(root);
    changed |= flatten(root);
    if (!changed) {
      return body;
    }
    // as HtmlSanitizer writes it, so that what did not change is written as it was
    document.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset(StandardCharsets.UTF_8);
    return new SafeHtml(root.html());
  }

  /**
   * The rule: the page's {@code h1} is level 1 and the body's headings form an outline below it.
   * Each heading, in document order, goes one level below the nearest heading before it that has a
   * lower original level (level 2 when there is none), and at most to 6. A body whose headings start
   * at {@code h2} and skip no level keeps its levels; {@code h3 h4 h3} becomes {@code h2 h3 h2},
   * {@code h2 h4 h5 h3} becomes {@code h2 h3 h4 h3}, {@code h1 h2 h1} becomes {@code h2 h3 h2}.
   *
   * @param original the body's heading levels in document order (1 to 6)
   * @return the levels the page shows them at
   */
  static int[] levels(int[] original) {
    int[] shown = new int[original.length];
    Deque<int[]> open = new ArrayDeque<>(); // {original level, shown level} of the enclosing headings
    for (int i = 0; i < original.length; i++) {
      while (!open.isEmpty() && open.peek()[0] >= original[i]) {
        open.pop();
      }
      shown[i] = Math.min(6, open.isEmpty() ? PAGE_LEVEL + 1 : open.peek()[1] + 1);
      open.push(new int[] {original[i], shown[i]});
    }
    return shown;
  }

  private static boolean shiftHeadings(Element root) {
    List<Element> headings = root.select(HEADINGS);
    int[] original = new int[headings.size()];
    for (int i = 0; i < original.length; i++) {
      original[i] = headings.get(i).tagName().charAt(1) - '0';
    }
    int[] shown = levels(original);
    boolean changed = false;
    for (int i = 0; i < shown.length; i++) {
      if (shown[i] != original[i]) {
        headings.get(i).tagName("h" + shown[i]);
        changed = true;
      }
    }
    return changed;
  }

  /** Whether the body has enough tags to be nested deeper than {@link #MAX_DEPTH} at all. */
  private static boolean mayBeDeeperThanMax(String html) {
    int tags = 0;
    for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
      if (++tags > MAX_DEPTH) {
        return true;
      }
    }
    return false;
  }

  /**
   * Unwraps every element deeper than {@link #MAX_DEPTH} into the deepest element kept (or, when
   * that one holds no text, such as a list or a table row, into its nearest ancestor that does);
   * whether there was one.
   */
  private static boolean flatten(Element root) {
    Set<Element> kept = new LinkedHashSet<>();
    root.traverse((node, depth) -> {
      if (depth == MAX_DEPTH && node instanceof Element element && element.childrenSize() > 0) {
        Element holder = element;
        while (NO_TEXT.contains(holder.normalName()) && holder.parent() != root) {
          holder = holder.parent();
        }
        kept.add(holder);
      }
    });
    for (Element holder : kept) {
      for (Element below : holder.select(EVERY_ELEMENT)) {
        if (below != holder && below.parent() != null) {
          below.unwrap();
        }
      }
    }
    return !kept.isEmpty();
  }
}
