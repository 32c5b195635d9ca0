package dev.feedserver.content.hexo;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.AttributeProvider;

/**
 * Heading ids as hexo-renderer-marked writes them ({@code headerIds: true}), so that links to
 * {@code #Some-Heading} keep working: hexo-util's {@code slugize} of the heading's text, case kept, and
 * {@code -1}, {@code -2} ... appended to an id that came before in the same document.
 *
 * <p>One instance per rendered document (commonmark asks its factory for one per rendering).
 */
final class HeadingIds implements AttributeProvider {

  /** hexo-util slugize: JavaScript's {@code \s} and ASCII punctuation except a few. */
  private static final Pattern SPECIAL = Pattern.compile(
      "[\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF"
          + "~`!@#$%^&*()\\-_+=\\[\\]{}|\\\\;:\"'<>,.?/]+");
  private static final Pattern CONTROL = Pattern.compile("[\\u0000-\\u001F]");
  private static final Pattern SEPARATORS = Pattern.compile("-{2,}");
  private static final Pattern EDGE_SEPARATORS = Pattern.compile("^-+|-+$");
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

  private final Map<String, Integer> seen = new HashMap<>();

  @Override
  public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
    if (!(node instanceof Heading heading)) {
      return;
    }
    String slug = slugize(Placeholders.ANY_TOKEN.matcher(textOf(heading)).replaceAll(""));
    if (slug.isEmpty()) {
      return;
    }
    // as hexo-renderer-marked counts: per base id, and a numbered id is not itself remembered
    Integer count = seen.get(slug);
    if (count == null) {
      seen.put(slug, 1);
      attributes.put("id", slug);
    } else {
      seen.put(slug, count + 1);
      attributes.put("id", slug + "-" + count);
    }
  }

  /** The heading's text as hexo's stripHTML leaves it: text and code, not image alt text. */
  private static String textOf(Heading heading) {
    StringBuilder text = new StringBuilder();
    heading.accept(new AbstractVisitor() {
      @Override
      public void visit(Text node) {
        text.append(node.getLiteral());
      }

      @Override
      public void visit(Code node) {
        text.append(node.getLiteral());
      }

      @Override
      public void visit(Image node) {
        // the alt text is an attribute in HTML, not heading text
      }
    });
    return text.toString();
  }

  /**
   * hexo-util's {@code slugize} without case change: Latin diacritics dropped, control characters removed,
   * runs of whitespace and ASCII punctuation turned into one {@code -}, none at the ends. Letters of other
   * scripts (CJK, Cyrillic...) and their punctuation stay.
   */
  static String slugize(String text) {
    String slug = CONTROL.matcher(withoutLatinDiacritics(text.strip())).replaceAll("");
    slug = SPECIAL.matcher(slug).replaceAll("-");
    slug = SEPARATORS.matcher(slug).replaceAll("-");
    return EDGE_SEPARATORS.matcher(slug).replaceAll("");
  }

  /** Like hexo-util's escapeDiacritic, for Latin letters only: "Crème Brûlée" becomes "Creme Brulee". */
  private static String withoutLatinDiacritics(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (cp < 0x80 || Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
        out.appendCodePoint(cp);
        return;
      }
      String replaced = switch (cp) {
        case 'Æ' -> "AE";
        case 'æ' -> "ae";
        case 'Œ' -> "OE";
        case 'œ' -> "oe";
        case 'Ø' -> "O";
        case 'ø' -> "o";
        case 'ß' -> "ss";
        case 'Đ' -> "D";
        case 'đ' -> "d";
        case 'Ł' -> "L";
        case 'ł' -> "l";
        case 'Þ' -> "TH";
        case 'þ' -> "th";
        default -> COMBINING_MARKS.matcher(Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD))
            .replaceAll("");
      };
      out.append(replaced);
    });
    return out.toString();
  }
}
