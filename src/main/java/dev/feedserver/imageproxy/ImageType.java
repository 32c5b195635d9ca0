package dev.feedserver.imageproxy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of image bytes are, by their signature (their first bytes), never by what the upstream
 * host says: PNG, JPEG, GIF, WebP, AVIF and ICO. SVG is never one (it is a document that can carry
 * script and load more), nor is anything else, whatever its {@code Content-Type}.
 */
public final class ImageType {
  private ImageType() {}

  /** The media type the bytes' signature names, or empty when they are not one of the kinds served. */
  public static Optional<String> of(byte[] b) {
    if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
      return Optional.of("image/png");
    }
    if (starts(b, 0, 0xff, 0xd8, 0xff)) {
      return Optional.of("image/jpeg");
    }
    if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
      return Optional.of("image/gif");
    }
    if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
      return Optional.of("image/webp");
    }
    if (ascii(b, 4, "ftypavif") || ascii(b, 4, "ftypavis")) {
      return Optional.of("image/avif");
    }
    if (b.length >= 6 && starts(b, 0, 0, 0, 1, 0) && (b[4] != 0 || b[5] != 0)) {
      return Optional.of("image/x-icon");
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] b, int at, int... expected) {
    if (b.length < at + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((b[at + i] & 0xff) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean ascii(byte[] b, int at, String text) {
    byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
    return b.length >= at + expected.length && Arrays.equals(b, at, at + expected.length, expected, 0, expected.length);
  }
}
