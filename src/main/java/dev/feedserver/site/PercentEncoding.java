package dev.feedserver.site;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Percent-encoding of URL parts (RFC 3986) as UTF-8, strict in both directions. */
public final class PercentEncoding {
  private PercentEncoding() {}

  /** Encodes every UTF-8 byte outside RFC 3986's unreserved characters. */
  public static String encode(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** One ASCII character as its escape, such as {@code %70} for {@code p}. */
  public static String escape(char c) {
    if (c >= 0x80) {
      throw new IllegalArgumentException("not ASCII: " + c);
    }
    return "%" + Character.toUpperCase(Character.forDigit(c >> 4, 16)) + Character.toUpperCase(Character.forDigit(c & 0xf, 16));
  }

  /**
   * Decodes a path segment as a request carries it: escapes as UTF-8, raw characters as they are.
   * Empty when an escape is malformed or the bytes are not UTF-8.
   */
  public static Optional<String> decodePathSegment(String segment) {
    return decode(segment, false);
  }

  /** Decodes a query-string name or value: like a path segment, and {@code +} is a space. */
  public static Optional<String> decodeQueryPart(String part) {
    return decode(part, true);
  }

  private static Optional<String> decode(String text, boolean plusIsSpace) {
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%') {
        if (i + 2 >= raw.length) {
          return Optional.empty();
        }
        int hi = Character.digit(raw[i + 1], 16);
        int lo = Character.digit(raw[i + 2], 16);
        if (hi < 0 || lo < 0) {
          return Optional.empty();
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else {
        bytes.write(plusIsSpace && raw[i] == '+' ? ' ' : raw[i]);
      }
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
