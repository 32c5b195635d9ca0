package dev.feedserver.content;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an article file's bytes as UTF-8, strictly. A file in another encoding is never decoded
 * into mojibake: it is an {@link ArticleException} that says, where it is cheap to tell, what the
 * file probably is (UTF-16, binary data, GBK, Latin-1) so the scraper can be fixed.
 */
final class TextEncoding {
  private static final Charset GBK = Charset.forName("GB18030");
  /** Bytes looked at by the guesses; enough to tell text from binary. */
  private static final int SAMPLE = 8192;
  /**
   * Bytes loading reads first ({@link #decodeUtf8Head}): more than {@link #SAMPLE}, so that the
   * guesses about a file that goes on see what they see in the whole file.
   */
  static final int HEAD = 2 * SAMPLE;

  private TextEncoding() {}

  /**
   * Checks what the first {@code length} bytes of a file show of its encoding, as {@link
   * #decodeUtf8} does first: no UTF-16 byte order mark, not the NUL bytes of UTF-16 or binary data
   * in its first {@link #SAMPLE} bytes. Errors are exactly {@link #decodeUtf8}'s for the whole file
   * when {@code length} is the whole file or at least {@link #HEAD} bytes of it; so a shorter start
   * that {@link #startMayFail} is read on to that length first.
   */
  static void checkStart(byte[] bytes, int length) throws ArticleException {
    if (startMayFail(bytes, length)) {
      decodeUtf8(length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length)); // throws
    }
  }

  /**
   * Whether {@link #checkStart} may find something wrong with a file that starts with these
   * {@code length} bytes: when true, more of it (up to {@link #HEAD} bytes) is needed to say what.
   */
  static boolean startMayFail(byte[] bytes, int length) {
    return startsLikeUtf16(bytes, length) || nulShape(bytes, Math.min(length, SAMPLE)) != null;
  }

  /**
   * The text of the first {@code upTo} of the {@code length} bytes read of a file (whose start
   * {@link #checkStart} checked), after checking that they are UTF-8. Unless they are the whole
   * file ({@code toTheEnd} and {@code upTo == length}), a character cut in two at {@code upTo} is
   * left out: its bytes are checked when more is decoded. Errors are exactly those {@link
   * #decodeUtf8} gives for the whole file when its first bad byte is among those checked and {@code
   * length} is the whole file or at least {@link #HEAD} bytes (the guesses look at the first {@link
   * #SAMPLE}; loading reads on to that length and decodes again before it reports an error): loading
   * checks what it decodes (the front matter and the bytes around it), and the rest of a body is
   * checked when the body is first read.
   */
  static String decodeUtf8Head(byte[] bytes, int length, int upTo, boolean toTheEnd) throws ArticleException {
    int end = toTheEnd && upTo == length ? length : completeCharacters(bytes, upTo);
    if (firstInvalidUtf8(bytes, end) >= 0) {
      // throws the detailed error: the first bad byte is before end, and every guess looks at no
      // more than the first SAMPLE bytes, fewer than HEAD
      decodeUtf8(length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length));
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  /** The length of the longest prefix of {@code bytes[0, length)} that does not end inside a character. */
  private static int completeCharacters(byte[] bytes, int length) {
    int lead = length - 1;
    while (lead >= 0 && length - lead <= 3 && continuation(bytes[lead])) {
      lead--;
    }
    if (lead < 0) {
      return length;
    }
    int c = bytes[lead] & 0xff;
    int size = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return lead + size > length ? lead : length;
  }

  private static boolean startsLikeUtf16(byte[] bytes, int length) {
    return length >= 2
        && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
            || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
  }

  /**
   * Offset of the first byte that is not part of well-formed UTF-8 (Unicode's Table 3-7: no
   * overlongs, no surrogates, nothing past U+10FFFF, no truncated sequence), or -1.
   */
  static int firstInvalidUtf8(byte[] b) {
    return firstInvalidUtf8(b, b.length);
  }

  /** {@link #firstInvalidUtf8(byte[])} of the first {@code n} bytes. */
  static int firstInvalidUtf8(byte[] b, int n) {
    int i = 0;
    while (i < n) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
      } else if (c >= 0xC2 && c <= 0xDF) {
        if (i + 1 >= n || !continuation(b[i + 1])) {
          return i;
        }
        i += 2;
      } else if (c >= 0xE0 && c <= 0xEF) {
        if (i + 2 >= n) {
          return i;
        }
        int c1 = b[i + 1] & 0xff;
        int lo = c == 0xE0 ? 0xA0 : 0x80;
        int hi = c == 0xED ? 0x9F : 0xBF;
        if (c1 < lo || c1 > hi || !continuation(b[i + 2])) {
          return i;
        }
        i += 3;
      } else if (c >= 0xF0 && c <= 0xF4) {
        if (i + 3 >= n) {
          return i;
        }
        int c1 = b[i + 1] & 0xff;
        int lo = c == 0xF0 ? 0x90 : 0x80;
        int hi = c == 0xF4 ? 0x8F : 0xBF;
        if (c1 < lo || c1 > hi || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
          return i;
        }
        i += 4;
      } else {
        return i;
      }
    }
    return -1;
  }

  private static boolean continuation(byte b) {
    return (b & 0xC0) == 0x80;
  }

  static String decodeUtf8(byte[] bytes) throws ArticleException {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
            || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      throw new ArticleException(
          1, "not UTF-8: starts with a UTF-16 byte order mark; convert the file to UTF-8");
    }
    // ASCII text in UTF-16 without a byte order mark is valid UTF-8 full of NUL bytes
    String nulShape = nulShape(bytes);
    if (nulShape != null) {
      throw new ArticleException(0, "not UTF-8 text: " + nulShape);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int offset = firstMalformed(bytes);
      throw new ArticleException(
          lineAt(bytes, offset),
          "not valid UTF-8 (first bad byte at offset " + offset + "; " + guess(bytes)
              + "): convert the file to UTF-8");
    }
  }

  /** A description when NUL bytes say the file is UTF-16 or binary, else null. */
  private static String nulShape(byte[] bytes) {
    return nulShape(bytes, Math.min(bytes.length, SAMPLE));
  }

  /** {@link #nulShape(byte[])} of the first {@code n} bytes. */
  private static String nulShape(byte[] bytes, int n) {
    int nuls = 0;
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        nuls++;
      }
    }
    if (nuls * 10 < n || n < 4) {
      return null; // a stray NUL is cleaned like any other forbidden character
    }
    int even = 0;
    for (int i = 0; i < n; i += 2) {
      if (bytes[i] == 0) {
        even++;
      }
    }
    int odd = nuls - even;
    if (Math.max(even, odd) * 4 > n && Math.min(even, odd) * 20 < n) {
      return "it looks like UTF-16 without a byte order mark; convert the file to UTF-8";
    }
    return "it looks like binary data (many NUL bytes)";
  }

  private static String guess(byte[] bytes) {
    int n = Math.min(bytes.length, SAMPLE);
    int controls = 0;
    int high = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
        controls++;
      } else if (b >= 0x80) {
        high++;
      }
    }
    if (controls * 50 > n) {
      return "it looks like binary data";
    }
    // Chinese text in GBK is dense with high bytes; a Latin-1 text has a few, scattered
    if (high * 5 > n && decodes(GBK, bytes, n)) {
      return "it looks like GBK/GB18030";
    }
    return "it looks like Latin-1 or Windows-1252";
  }

  private static boolean decodes(Charset charset, byte[] bytes, int n) {
    CharsetDecoder decoder =
        charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, n);
    CharBuffer out = CharBuffer.allocate(n + 1);
    // end of input only when the whole file is in the sample; a cut character is not an error
    return !decoder.decode(in, out, n == bytes.length).isError();
  }

  private static int firstMalformed(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    return in.position();
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
