package dev.feedserver.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class XmlTextTest {

  static Stream<Arguments> forbiddenCharacters() {
    return Stream.of(
        Arguments.of("U+0000", "a\u0000b"),
        Arguments.of("U+0001", "a\u0001b"),
        Arguments.of("U+0008", "a\u0008b"),
        Arguments.of("U+000B", "a\u000Bb"),
        Arguments.of("U+000C", "a\u000Cb"),
        Arguments.of("U+001F", "a\u001Fb"),
        Arguments.of("U+FFFE", "a\uFFFEb"),
        Arguments.of("U+FFFF", "a\uFFFFb"),
        Arguments.of("lone high surrogate", "a\uD83Db"),
        Arguments.of("lone low surrogate", "a\uDE00b"),
        Arguments.of("low before high", "a\uDE00\uD83Db"),
        Arguments.of("several mixed", "\u0000a\uD800\u0001\uFFFFb\uDC00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forbiddenCharacters")
  void cleanRemovesForbiddenCharacters(String name, String input) {
    assertThat(XmlText.clean(input)).isEqualTo("ab");
  }

  @Test
  void cleanRemovesHighSurrogateAtTheEnd() {
    assertThat(XmlText.clean("ab\uD83D")).isEqualTo("ab");
  }

  static Stream<Arguments> allowedCharacters() {
    return Stream.of(
        Arguments.of("tab, LF, CR", "a\tb\nc\rd"),
        Arguments.of("emoji (surrogate pair)", "fun \uD83D\uDE00!"),
        Arguments.of("U+20000 (supplementary CJK)", "\uD840\uDC00字"),
        Arguments.of("U+10FFFF", "\uDBFF\uDFFF"),
        Arguments.of("boundaries of the BMP ranges", " \uD7FF\uE000\uFFFD"),
        Arguments.of("CJK", "图片来源：自媒体百准"),
        Arguments.of("empty", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allowedCharacters")
  void cleanKeepsAllowedCharactersAndReturnsTheSameInstance(String name, String input) {
    assertThat(XmlText.clean(input)).isSameAs(input);
  }

  @Test
  void cleanNormalizesToNfc() {
    assertThat(XmlText.clean("e\u0301")).isEqualTo("\u00E9");
    assertThat(XmlText.clean("Cafe\u0301 \u0001au lait")).isEqualTo("Caf\u00E9 au lait");
  }

  @Test
  void cleanOfNullIsEmpty() {
    assertThat(XmlText.clean(null)).isEmpty();
  }

  @Test
  void truncateLeavesShortTextAlone() {
    assertThat(XmlText.truncate("hello", 5)).isEqualTo("hello");
    // five code points, ten chars
    String emoji = "\uD83D\uDE00".repeat(5);
    assertThat(XmlText.truncate(emoji, 5)).isSameAs(emoji);
    assertThat(XmlText.truncate(null, 3)).isEmpty();
  }

  @Test
  void truncateTrimsTrailingWhitespaceBeforeTheEllipsis() {
    assertThat(XmlText.truncate("hello world", 7)).isEqualTo("hello\u2026");
    assertThat(XmlText.truncate("hello world", 8)).isEqualTo("hello w\u2026");
  }

  @Test
  void truncateToTinyLimits() {
    assertThat(XmlText.truncate("hello", 0)).isEmpty();
    assertThat(XmlText.truncate("hello", 1)).isEqualTo("\u2026");
    assertThatThrownBy(() -> XmlText.truncate("hello", -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void truncateCjk() {
    String text = "图片来源：自媒体百准";
    assertThat(XmlText.truncate(text, 5)).isEqualTo("图片来源\u2026");
    assertThat(XmlText.truncate(text, 9)).isEqualTo("图片来源：自媒体\u2026");
    assertThat(XmlText.truncate(text, 10)).isEqualTo(text);
    assertThat(XmlText.truncate("\uD840\uDC00\uD840\uDC01\uD840\uDC02", 2)).isEqualTo("\uD840\uDC00\u2026");
  }

  @Test
  void truncateNeverSplitsASurrogatePair() {
    String emoji = "a\uD83D\uDE00b\uD83D\uDE01\uD83D\uDE02 \uD83D\uDE03\uD83D\uDE04c\uD83D\uDE05";
    int total = emoji.codePointCount(0, emoji.length());
    for (int limit = 0; limit <= total + 1; limit++) {
      String cut = XmlText.truncate(emoji, limit);
      assertThat(cut.codePointCount(0, cut.length())).as("limit %d: %s", limit, cut).isLessThanOrEqualTo(limit);
      assertThat(hasLoneSurrogate(cut)).as("limit %d: %s", limit, cut).isFalse();
      if (limit < total && limit > 0) {
        assertThat(cut).endsWith("\u2026");
      }
    }
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
