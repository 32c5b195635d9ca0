package dev.feedserver.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loader's own UTF-8 check agrees with the JDK's decoder, byte for byte. */
class Utf8ValidationTest {
  /** The JDK's verdict: offset of the first malformed byte, or -1. */
  private static int jdk(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length * 2 + 2), true);
    if (result.isError()) {
      return in.position();
    }
    CoderResult flush = decoder.flush(CharBuffer.allocate(4));
    return flush.isError() ? in.position() : -1;
  }

  @Test
  void agreesWithTheJdkOnRandomBytesNearValidUtf8() {
    Random random = new Random(42);
    byte[] alphabet = {
      'a', 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0,
      (byte) 0xA0, (byte) 0x9F, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0x90, (byte) 0x8F, (byte) 0xF4,
      (byte) 0xF5, (byte) 0xFF
    };
    for (int round = 0; round < 50_000; round++) {
      byte[] bytes = new byte[random.nextInt(8)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = alphabet[random.nextInt(alphabet.length)];
      }
      assertThat(TextEncoding.firstInvalidUtf8(bytes) >= 0).as(java.util.HexFormat.of().formatHex(bytes))
          .isEqualTo(jdk(bytes) >= 0);
    }
  }

  @Test
  void acceptsEveryScalarValueAndRefusesSurrogatesAndOverlongs() {
    for (int cp = 0; cp <= 0x10FFFF; cp += (cp < 0x3000 ? 1 : 97)) {
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        continue;
      }
      byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
      assertThat(TextEncoding.firstInvalidUtf8(bytes)).as("U+%04X", cp).isEqualTo(-1);
    }
    assertThat(TextEncoding.firstInvalidUtf8(new byte[] {'x', (byte) 0xED, (byte) 0xA0, (byte) 0x80})).isEqualTo(1);
    assertThat(TextEncoding.firstInvalidUtf8(new byte[] {(byte) 0xC0, (byte) 0xAF})).isEqualTo(0);
    assertThat(TextEncoding.firstInvalidUtf8(new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF})).isEqualTo(0);
    assertThat(TextEncoding.firstInvalidUtf8(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})).isEqualTo(0);
    assertThat(TextEncoding.firstInvalidUtf8("中文".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
  }
}
