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

  private TextEncoding() {}

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
    int n = Math.min(bytes.length, SAMPLE);
    int even = 0;
    int odd = 0;
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        if (i % 2 == 0) {
          even++;
        } else {
          odd++;
        }
      }
    }
    if ((even + odd) * 10 < n || n < 4) {
      return null; // a stray NUL is cleaned like any other forbidden character
    }
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
