package dev.feedserver.content;

import java.text.Normalizer;

/**
 * Text helpers for strings that end up in XML 1.0 documents (RSS, Atom) and in HTML pages.
 *
 * <p>XML 1.0 only allows the characters {@code #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]}; one forbidden character, even as a character reference, makes the whole feed
 * unparseable for strict readers. {@link #clean(String)} removes them, {@link #truncate(String, int)}
 * shortens text without ever splitting a surrogate pair.
 */
public final class XmlText {

  /** The ellipsis appended by {@link #truncate(String, int)} when it cuts text. */
  private static final int ELLIPSIS = '\u2026';

  private XmlText() {
  }

  /**
   * Returns {@code s} in Unicode normalization form NFC with every code point that XML 1.0 forbids
   * removed: C0 controls other than tab, LF and CR, U+FFFE, U+FFFF and lone surrogates (a high surrogate
   * not followed by a low one, or a low surrogate without a preceding high one). Valid surrogate pairs
   * (emoji, supplementary CJK) are kept.
   *
   * @param s any string, may be {@code null}
   * @return the cleaned string; {@code ""} for {@code null}; {@code s} itself when nothing changes
   */
  public static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null; // allocated on the first forbidden code point
    int len = s.length();
    int i = 0;
    while (i < len) {
      int cp = s.codePointAt(i);
      int width = Character.charCount(cp);
      // codePointAt returns a lone surrogate as itself, which isAllowed rejects
      if (isAllowed(cp)) {
        if (out != null) {
          out.appendCodePoint(cp);
        }
      } else if (out == null) {
        out = new StringBuilder(len);
        out.append(s, 0, i);
      }
      i += width;
    }
    String valid = out == null ? s : out.toString();
    // NFC never produces forbidden code points from allowed ones, so normalizing last is safe
    return Normalizer.isNormalized(valid, Normalizer.Form.NFC)
        ? valid
        : Normalizer.normalize(valid, Normalizer.Form.NFC);
  }

  /**
   * Shortens {@code s} to at most {@code maxCodePoints} code points. If the text has to be cut, trailing
   * whitespace of the kept part is trimmed and "…" (U+2026) is appended; the ellipsis counts toward the
   * limit. A surrogate pair is never split.
   *
   * @param s             any string, may be {@code null} (treated as {@code ""})
   * @param maxCodePoints the maximum length of the result in code points, not negative
   * @return {@code s} itself if it is short enough, otherwise the shortened text
   * @throws IllegalArgumentException if {@code maxCodePoints} is negative
   */
  public static String truncate(String s, int maxCodePoints) {
    if (maxCodePoints < 0) {
      throw new IllegalArgumentException("maxCodePoints must not be negative: " + maxCodePoints);
    }
    if (s == null) {
      return "";
    }
    // cheap checks first: a string of n chars has at most n code points
    if (s.length() <= maxCodePoints || s.codePointCount(0, s.length()) <= maxCodePoints) {
      return s;
    }
    if (maxCodePoints == 0) {
      return "";
    }
    int end = s.offsetByCodePoints(0, maxCodePoints - 1); // keep room for the ellipsis
    while (end > 0) {
      int cp = s.codePointBefore(end);
      if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return new StringBuilder(end + 1).append(s, 0, end).appendCodePoint(ELLIPSIS).toString();
  }

  private static boolean isAllowed(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
