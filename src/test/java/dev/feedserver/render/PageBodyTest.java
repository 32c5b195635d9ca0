package dev.feedserver.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedserver.content.SafeHtml;
import java.util.Arrays;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The body as an entry page shows it: headings below the page's h1, nesting browsers keep. */
class PageBodyTest {

  static Stream<Arguments> levels() {
    return Stream.of(
        // body heading levels, levels on the page
        Arguments.of("", ""),
        Arguments.of("2", "2"),
        Arguments.of("2 3 4 3 2", "2 3 4 3 2"), // an outline below the h1 is left alone
        Arguments.of("2 2 2", "2 2 2"),
        Arguments.of("1", "2"), // a body h1 goes below the page's h1
        Arguments.of("1 2 3 1 2", "2 3 4 2 3"),
        Arguments.of("3", "2"), // a first heading that skips
        Arguments.of("3 4 3", "2 3 2"),
        Arguments.of("4 4 5", "2 2 3"),
        Arguments.of("2 4", "2 3"), // a skip inside the body
        Arguments.of("2 4 5 3", "2 3 4 3"),
        Arguments.of("2 4 4 2 6", "2 3 3 2 3"),
        Arguments.of("3 2", "2 2"), // a heading above the first one starts a new top-level section
        Arguments.of("6 5 4", "2 2 2"),
        Arguments.of("1 2 3 4 5 6", "2 3 4 5 6 6")); // no h7: the deepest stays at h6
  }

  @ParameterizedTest(name = "h{0} -> h{1}")
  @MethodSource("levels")
  void headingsGoBelowThePagesH1WithoutSkippingALevel(String body, String page) {
    assertThat(PageBody.levels(parse(body))).isEqualTo(parse(page));
  }

  static Stream<Arguments> bodies() {
    return Stream.of(
        // sanitized body, as the page shows it
        Arguments.of("<p>No heading</p>", "<p>No heading</p>"),
        Arguments.of("<h2 id=\"a\">A</h2><p>x</p><h3>B</h3>", "<h2 id=\"a\">A</h2><p>x</p><h3>B</h3>"),
        Arguments.of("<h3 id=\"Install\">Install <em>it</em></h3><p>x</p><h4 id=\"x\">Then</h4>",
            "<h2 id=\"Install\">Install <em>it</em></h2><p>x</p><h3 id=\"x\">Then</h3>"),
        Arguments.of("<h1>新媒体</h1><blockquote><h3>引用</h3></blockquote>",
            "<h2>新媒体</h2><blockquote><h3>引用</h3></blockquote>"),
        // characters and entities are written as the sanitizer writes them
        Arguments.of("<h4>a &lt;b&gt; &amp; “c” 中文</h4><p>&nbsp;</p>", "<h2>a &lt;b&gt; &amp; “c” 中文</h2><p>&nbsp;</p>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void theBodyKeepsEverythingButTheLevels(String body, String page) {
    assertThat(PageBody.of(new SafeHtml(body)).html()).isEqualTo(page);
  }

  @Test
  void aBodyThatNeedsNothingIsTheSameObject() {
    SafeHtml body = new SafeHtml("<h2>A</h2><p>" + "<b>x</b>".repeat(1000) + "</p>");
    assertThat(PageBody.of(body)).isSameAs(body);
  }

  @Test
  void nestingDeeperThanBrowsersKeepIsFlattenedKeepingTheText() {
    int depth = 2_000;
    String body = "<div>".repeat(depth) + "deep <b>text</b><img src=\"https://x.test/a.png\" alt=\"\">" + "</div>".repeat(depth);
    Element shown = Jsoup.parseBodyFragment(PageBody.of(new SafeHtml(body)).html()).body();
    assertThat(depthOf(shown)).isEqualTo(PageBody.MAX_DEPTH);
    assertThat(shown.text()).isEqualTo("deep text");
  }

  @Test
  void aListAtTheCutIsNotLeftHoldingText() {
    String body = "<div>".repeat(PageBody.MAX_DEPTH - 1) + "<ul><li><p><b>item</b></p></li></ul>" + "</div>".repeat(PageBody.MAX_DEPTH - 1);
    String shown = PageBody.of(new SafeHtml(body)).html();
    assertThat(shown).contains("<div>item</div>").doesNotContain("<ul>");
  }

  private static int depthOf(Element root) {
    int[] max = {0};
    root.traverse((node, depth) -> {
      if (node instanceof Element) {
        max[0] = Math.max(max[0], depth);
      }
    });
    return max[0];
  }

  private static int[] parse(String levels) {
    return levels.isEmpty() ? new int[0] : Arrays.stream(levels.split(" ")).mapToInt(Integer::parseInt).toArray();
  }
}
