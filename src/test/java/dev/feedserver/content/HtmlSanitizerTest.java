package dev.feedserver.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlSanitizerTest {

  private static final String REL = "rel=\"nofollow noopener noreferrer\"";
  private static final String NO_REFERRER = "referrerpolicy=\"no-referrer\"";

  /** A tag in jsoup output: {@code <} and {@code >} in text and attribute values are always escaped. */
  private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
  private static final Pattern EVENT_HANDLER = Pattern.compile("(?i)\\son[a-z]+\\s*=");

  private final HtmlSanitizer sanitizer = new HtmlSanitizer(URI.create("http://localhost:7070/"));

  private String sanitize(String html) {
    return sanitizer.sanitize(html).html();
  }

  @Test
  void realScrapedArticleKeepsContentAndDropsPresentationalAttributes() {
    String input = "<h2 id=\"toc-1\" class=\"wp-heading\">一、百准的起点</h2>\n"
        + "<p><img data-action=\"zoom\" class=\"size-full wp-image-5240938 aligncenter\""
        + " src=\"https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/12/AMiMikPY6L7FnWiJzWAl.jpg\""
        + " alt width=\"900\" height=\"420\" referrerpolicy=\"no-referrer\"></p>\n"
        + "<p style=\"text-align: center;\">图片来源：自媒体百准</p>\n"
        + "<p>2021年，<strong>百准</strong>发布了<a href=\"https://www.woshipm.com/\" target=\"_blank\""
        + " class=\"link\">报告</a>。</p>";

    assertThat(sanitize(input)).isEqualTo(
        "<h2>一、百准的起点</h2>\n"
            + "<p><img src=\"https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/12/AMiMikPY6L7FnWiJzWAl.jpg\""
            + " alt=\"\" width=\"900\" height=\"420\" referrerpolicy=\"no-referrer\"></p>\n"
            + "<p>图片来源：自媒体百准</p>\n"
            + "<p>2021年，<strong>百准</strong>发布了<a href=\"https://www.woshipm.com/\" " + REL + ">报告</a>。</p>");
  }

  static Stream<Arguments> hostileInputs() {
    return Stream.of(
        Arguments.of("<script>alert(1)</script>", ""),
        Arguments.of("<img src=x onerror=alert(1)>", "<img src=\"http://localhost:7070/x\" alt=\"\" " + NO_REFERRER + ">"),
        Arguments.of("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>"),
        Arguments.of("<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<a>x</a>"),
        Arguments.of("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a>x</a>"),
        Arguments.of("<a href=\"&#106;avascript:alert(1)\">x</a>", "<a>x</a>"),
        Arguments.of("<a href=\" javascript:alert(1)\">x</a>", "<a>x</a>"),
        Arguments.of("<a href=\"\u0001javascript:alert(1)\">x</a>", "<a>x</a>"),
        Arguments.of("<a href=\"vbscript:x\">x</a>", "<a>x</a>"),
        Arguments.of("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", "<a>x</a>"),
        Arguments.of("<img src=\"data:image/png;base64,AAAA\">", ""),
        Arguments.of("<svg><script>alert(1)</script></svg>", ""),
        Arguments.of("<svg onload=alert(1)>", ""),
        Arguments.of("<p>before<svg><a href=\"/x\">in svg</a></svg>after</p>", "<p>beforeafter</p>"),
        Arguments.of("<button onclick=\"x\">Buy</button>", ""),
        Arguments.of("<form action=x><input>label</form>", ""),
        Arguments.of("<iframe src=//evil></iframe>", ""),
        Arguments.of("<object data=x>fallback</object>", ""),
        Arguments.of("<embed src=x>", ""),
        Arguments.of("<base href=//evil/>", ""),
        Arguments.of("<meta http-equiv=refresh content=\"0;url=//evil\">", ""),
        Arguments.of("<link rel=stylesheet href=//evil/x.css>", ""),
        Arguments.of("<style>body{}</style>", ""),
        Arguments.of("<p style=\"background:url(javascript:x)\">t</p>", "<p>t</p>"),
        Arguments.of("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", ""),
        Arguments.of("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", ""),
        Arguments.of("<a href=x title=\"</a><img src=x onerror=alert(1)>\">t</a>",
            "<a href=\"http://localhost:7070/x\" title=\"&lt;/a&gt;&lt;img src=x onerror=alert(1)&gt;\" " + REL + ">t</a>"),
        Arguments.of("<video src=x.mp4>Your browser does not support video</video>", ""),
        Arguments.of("<div data-x=\"1\" class=\"c\" id=\"i\" onmouseover=\"x\">t</div>", "<div>t</div>"),
        Arguments.of("<a href=\"/relative\">r</a>", "<a href=\"http://localhost:7070/relative\" " + REL + ">r</a>"),
        Arguments.of("<a href=\"mailto:me@example.org\">m</a>", "<a href=\"mailto:me@example.org\" " + REL + ">m</a>"),
        Arguments.of("<img src=\"//cdn.example/x.png\">", "<img src=\"https://cdn.example/x.png\" alt=\"\" " + NO_REFERRER + ">"),
        Arguments.of("<a href=\" \\\\evil.example/x\">e</a>", "<a href=\"https://evil.example/x\" " + REL + ">e</a>"),
        Arguments.of("<blockquote cite=\"//example.org/q\">q</blockquote>", "<blockquote cite=\"https://example.org/q\">q</blockquote>"),
        Arguments.of("<q cite=\"javascript:alert(1)\">q</q>", "<q>q</q>"),
        Arguments.of("<img src=\"a.png\" srcset=\"small.png 1x, //cdn.example/b.png 2x, javascript:alert(1) 3x\">",
            "<img src=\"http://localhost:7070/a.png\""
                + " srcset=\"http://localhost:7070/small.png 1x, https://cdn.example/b.png 2x\" alt=\"\" " + NO_REFERRER + ">"),
        Arguments.of("<p>&#xFFFE;a&#1;b&#xFFFF;</p>", "<p>ab</p>"),
        Arguments.of("<abbr title=\"&#xFFFE;x&#1;\">x</abbr>", "<abbr title=\"x\">x</abbr>"),
        // NFC would fuse ">" and U+0338 into "≯", eating the tag end: leading combining marks must go
        Arguments.of("<a href=\"/x\">&#x338; onmouseover=alert(1) x</a>",
            "<a href=\"http://localhost:7070/x\" " + REL + "> onmouseover=alert(1) x</a>"),
        Arguments.of("<b>&#x338;</b>", "<b></b>"),
        Arguments.of("<p>a<br>&#x338;=&#x338;b</p>", "<p>a<br>\u2260b</p>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileInputs")
  void hostileInputIsNeutralized(String input, String expected) {
    String output = sanitize(input);

    assertThat(output).isEqualTo(expected);
    assertSafe(output);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileInputs")
  void sanitizingIsIdempotent(String input, String ignored) {
    String once = sanitize(input);

    assertThat(sanitize(once)).isEqualTo(once);
  }

  /**
   * Lazily loaded images as scrapers save them: the real source in a {@code data-*} attribute, a
   * placeholder in {@code src}; and the {@code alt} every image leaves with.
   */
  static Stream<Arguments> lazyImagesAndAlt() {
    return Stream.of(
        Arguments.of("no src, data-src", "<img data-src=\"https://img.example/a.jpg\">",
            "<img src=\"https://img.example/a.jpg\" alt=\"\" " + NO_REFERRER + ">"),
        Arguments.of("data: placeholder, data-original",
            "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-original=\"//img.example/b.png\" alt=\"B\">",
            "<img src=\"https://img.example/b.png\" alt=\"B\" " + NO_REFERRER + ">"),
        Arguments.of("blank.gif placeholder, data-actualsrc",
            "<img src=\"/static/blank.gif\" data-actualsrc=\"https://pic1.zhimg.com/x.jpg\">",
            "<img src=\"https://pic1.zhimg.com/x.jpg\" alt=\"\" " + NO_REFERRER + ">"),
        Arguments.of("spacer.gif with a query, data-lazy-src",
            "<img src=\"https://cdn.example/spacer.gif?v=2\" data-lazy-src=\"c.png\">",
            "<img src=\"http://localhost:7070/c.png\" alt=\"\" " + NO_REFERRER + ">"),
        Arguments.of("pixel.gif placeholder", "<img src=\"pixel.gif\" data-src=\"https://img.example/d.webp\">",
            "<img src=\"https://img.example/d.webp\" alt=\"\" " + NO_REFERRER + ">"),
        Arguments.of("1x1 placeholder loses its size",
            "<img src=\"https://img.example/t.png\" width=\"1\" height=\"1\" data-src=\"https://img.example/e.png\">",
            "<img src=\"https://img.example/e.png\" alt=\"\" " + NO_REFERRER + ">"),
        Arguments.of("data-src wins over data-original",
            "<img data-original=\"https://img.example/2.png\" data-src=\"https://img.example/1.png\">",
            "<img src=\"https://img.example/1.png\" alt=\"\" " + NO_REFERRER + ">"),
        Arguments.of("data-srcset alone gives srcset and src",
            "<img src=\"data:,\" data-srcset=\"https://img.example/s.png 1x, https://img.example/l.png 2x\">",
            "<img src=\"https://img.example/s.png\" srcset=\"https://img.example/s.png 1x, https://img.example/l.png 2x\" alt=\"\" "
                + NO_REFERRER + ">"),
        Arguments.of("a real src is kept", "<img src=\"https://img.example/real.png\" data-src=\"https://img.example/other.png\">",
            "<img src=\"https://img.example/real.png\" alt=\"\" " + NO_REFERRER + ">"),
        Arguments.of("a spacer without a lazy source stays", "<img src=\"https://img.example/blank.gif\">",
            "<img src=\"https://img.example/blank.gif\" alt=\"\" " + NO_REFERRER + ">"),
        Arguments.of("a lazy source with a bad scheme drops the image", "<img data-src=\"javascript:alert(1)\">", ""),
        Arguments.of("placeholder and no lazy source drops the image", "<img src=\"data:image/gif;base64,R0lG\">", ""),
        Arguments.of("alt from title", "<img src=\"https://img.example/a.png\" title=\"A chart\">",
            "<img src=\"https://img.example/a.png\" title=\"A chart\" alt=\"A chart\" " + NO_REFERRER + ">"),
        Arguments.of("own alt wins over title", "<img src=\"https://img.example/a.png\" alt=\"Own\" title=\"T\">",
            "<img src=\"https://img.example/a.png\" alt=\"Own\" title=\"T\" " + NO_REFERRER + ">"),
        Arguments.of("bare alt is empty", "<img src=\"https://img.example/a.png\" alt>",
            "<img src=\"https://img.example/a.png\" alt=\"\" " + NO_REFERRER + ">"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lazyImagesAndAlt")
  void lazyImagesShowTheirRealSourceAndEveryImageHasAnAlt(String name, String input, String expected) {
    String output = sanitize(input);

    assertThat(output).isEqualTo(expected);
    assertThat(sanitize(output)).as("idempotent").isEqualTo(output);
    assertSafe(output);
  }

  static Stream<Arguments> structure() {
    return Stream.of(
        Arguments.of("<picture><source srcset=a.webp><img src=a.jpg alt=A></picture>",
            "<img src=\"http://localhost:7070/a.jpg\" alt=\"A\" " + NO_REFERRER + ">"),
        Arguments.of("<img alt=\"no source\">", ""),
        Arguments.of("<img srcset=\"a.png 1x\">", ""),
        Arguments.of("<img src=x.png referrerpolicy=\"Origin\">",
            "<img src=\"http://localhost:7070/x.png\" referrerpolicy=\"origin\" alt=\"\">"),
        Arguments.of("<img src=x.png referrerpolicy=\"bogus\">",
            "<img src=\"http://localhost:7070/x.png\" " + NO_REFERRER + " alt=\"\">"),
        Arguments.of("<table style=x><tr><td colspan=2 class=c>c</td><th rowspan=3 width=9>h</th></tr></table>",
            "<table><tbody><tr><td colspan=\"2\">c</td><th rowspan=\"3\">h</th></tr></tbody></table>"),
        Arguments.of("<ol start=3 type=a><li>x</li></ol>", "<ol start=\"3\"><li>x</li></ol>"),
        Arguments.of("<time datetime=\"2021-12-01\" class=t>Dec 1</time>", "<time datetime=\"2021-12-01\">Dec 1</time>"),
        Arguments.of("<font color=red>red <custom-el>text</custom-el></font>", "red text"),
        Arguments.of("<p><marquee><p>inner</p></marquee></p>", "<p></p><p>inner</p><p></p>"),
        Arguments.of("<p>a&nbsp;b &amp; &lt;c&gt; \"q\" 😀 \uD840\uDC00 中文</p>",
            "<p>a&nbsp;b &amp; &lt;c&gt; \"q\" 😀 \uD840\uDC00 中文</p>"),
        Arguments.of("<p>Cafe\u0301</p>", "<p>Caf\u00E9</p>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("structure")
  void keepsStructureAndUnwrapsUnknownElements(String input, String expected) {
    String output = sanitize(input);

    assertThat(output).isEqualTo(expected);
    assertThat(sanitize(output)).isEqualTo(output);
  }

  static Stream<Arguments> headingIdsAndLanguageClasses() {
    String longId = "x".repeat(100);
    return Stream.of(
        Arguments.of("<h2 id=\"Install\">Install</h2>", "<h2 id=\"Install\">Install</h2>"),
        Arguments.of("<h3 id=\"安装-Java\">安装 Java</h3>", "<h3 id=\"安装-Java\">安装 Java</h3>"),
        Arguments.of("<h1 id=\"" + longId + "\">t</h1>", "<h1 id=\"" + longId + "\">t</h1>"),
        Arguments.of("<h1 id=\"" + longId + "x\">t</h1>", "<h1>t</h1>"),
        Arguments.of("<h4 id=\"two words\">t</h4>", "<h4>t</h4>"),
        Arguments.of("<h4 id=\"full\u3000width\">t</h4>", "<h4>t</h4>"),
        Arguments.of("<h5 id=\"\">t</h5>", "<h5>t</h5>"),
        Arguments.of("<h6 id=\"a\" class=\"language-js\">t</h6>", "<h6 id=\"a\">t</h6>"),
        Arguments.of("<p id=\"Install\">p</p><div id=\"d\">d</div><a id=\"x\">a</a>", "<p>p</p><div>d</div><a>a</a>"),
        Arguments.of("<pre><code class=\"language-java\">x</code></pre>", "<pre><code class=\"language-java\">x</code></pre>"),
        Arguments.of("<pre class=\"language-c++\"><code class=\"language-c#\">x</code></pre>",
            "<pre class=\"language-c++\"><code class=\"language-c#\">x</code></pre>"),
        Arguments.of("<code class=\"language-objective-c_2.0\">x</code>", "<code class=\"language-objective-c_2.0\">x</code>"),
        Arguments.of("<code class=\"hljs language-js copyable\">x</code>", "<code class=\"language-js\">x</code>"),
        Arguments.of("<code class=\"language-" + "a".repeat(40) + "\">x</code>", "<code class=\"language-" + "a".repeat(40) + "\">x</code>"),
        Arguments.of("<code class=\"language-" + "a".repeat(41) + "\">x</code>", "<code>x</code>"),
        Arguments.of("<code class=\"language-\">x</code>", "<code>x</code>"),
        Arguments.of("<code class=\"language-java;color:red\">x</code>", "<code>x</code>"),
        Arguments.of("<code class=\"language-日本\">x</code>", "<code>x</code>"),
        Arguments.of("<code class=\"highlight\">x</code>", "<code>x</code>"),
        Arguments.of("<span class=\"language-js\">x</span><p class=\"language-js\">p</p>", "<span>x</span><p>p</p>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headingIdsAndLanguageClasses")
  void markdownsHeadingIdsAndCodeLanguageClassesAreKept(String input, String expected) {
    HtmlSanitizer markdown = sanitizer.forMarkdown();
    String output = markdown.sanitize(input).html();
    assertThat(markdown.sanitize(output).html()).as("idempotent").isEqualTo(output);
    // a body written as HTML keeps neither, as it always has
    assertThat(sanitize(input)).doesNotContain(" id=", " class=");
    assertThat(output).isEqualTo(expected);
  }

  static Stream<Arguments> srcsets() {
    return Stream.of(
        Arguments.of("small.png 1x, //cdn.example/b.png 2x", "http://localhost:7070/small.png 1x, https://cdn.example/b.png 2x"),
        // a comma inside a URL belongs to the URL; only a comma after it or after the descriptor separates
        Arguments.of("c.png?crop=1,2 640w, d.png 1280w",
            "http://localhost:7070/c.png?crop=1,2 640w, http://localhost:7070/d.png 1280w"),
        Arguments.of("a.png,b.png", "http://localhost:7070/a.png,b.png"),
        Arguments.of("a.png, b.png 2x,", "http://localhost:7070/a.png, http://localhost:7070/b.png 2x"),
        Arguments.of("a.png,, b.png", "http://localhost:7070/a.png, http://localhost:7070/b.png"),
        Arguments.of("a.png bogus, b.png 1.5x", "http://localhost:7070/b.png 1.5x"),
        Arguments.of("javascript:alert(1) 1x, data:image/png;base64,AAAA 2x, vbscript:x", null),
        Arguments.of("  ", null));
  }

  @ParameterizedTest(name = "[{index}] srcset=\"{0}\"")
  @MethodSource("srcsets")
  void resolvesAndFiltersEverySrcsetCandidate(String srcset, String expected) {
    String output = sanitize("<img src=\"a.png\" srcset=\"" + srcset + "\">");

    String srcsetAttribute = expected == null ? "" : " srcset=\"" + expected + "\"";
    assertThat(output).isEqualTo("<img src=\"http://localhost:7070/a.png\"" + srcsetAttribute + " alt=\"\" " + NO_REFERRER + ">");
    assertThat(sanitize(output)).isEqualTo(output);
  }

  @Test
  void cjkStaysAsCharacters() {
    String output = sanitize("<p>图片来源：自媒体百准</p>");

    assertThat(output).isEqualTo("<p>图片来源：自媒体百准</p>").doesNotContain("&#");
  }

  /** Building blocks for random tag soup: kept, unwrapped, dropped and parser-scoping elements. */
  private static final String[] SOUP = {
    "<p>", "</p>", "<div>", "</div>", "<a href=x>", "</a>", "<b>", "</b>", "<i>", "</i>", "<table>",
    "</table>", "<tr>", "<td>", "</td>", "<caption>", "<li>", "<ul>", "</ul>", "<dl>", "<dt>", "<dd>",
    "<marquee>", "</marquee>", "<applet>", "<font>", "</font>", "<nobr>", "<h1>", "</h1>", "<pre>",
    "<select>", "<option>", "<svg>", "<math>", "<mi>", "<desc>", "<title>", "<textarea>", "<xmp>",
    "<plaintext>", "<noscript>", "<template>", "<colgroup>", "<col>", "<tbody>", "<figure>",
    "<q cite=//z>", "<blockquote>", "<span>", "<ruby>", "<rt>", "<!-- c -->", "<![CDATA[x]]>", "<button>",
    "<form>", "<input>", "<img src=y>", "<img srcset='a 1x, b,c 2x'>", "<image src=z>", "<br>", "</br>",
    "<hr>", "<p title=\"x>\">", "text", "\n", "&#x338;", "\u0301", "&#1;", "'", "\"", "<", "&", "&amp;",
  };

  @Test
  void sanitizingRandomTagSoupIsIdempotent() {
    Random random = new Random(20211201);
    for (int i = 0; i < 3_000; i++) {
      StringBuilder soup = new StringBuilder();
      for (int parts = 1 + random.nextInt(14); parts > 0; parts--) {
        soup.append(SOUP[random.nextInt(SOUP.length)]);
      }
      String once = sanitize(soup.toString());

      assertThat(sanitize(once)).as("input %s", soup).isEqualTo(once);
      assertThat(once).as("input %s", soup).doesNotContain("<script", "<svg", "<math", "<plaintext", "<select");
    }
  }

  @Test
  void deeplyNestedMarkupDoesNotOverflowTheStack() {
    String input = "<div>".repeat(10_000) + "deep" + "</div>".repeat(10_000);

    String output = sanitize(input);

    assertThat(output).startsWith("<div><div>").contains("deep").endsWith("</div></div>");
    assertThat(sanitize(output)).isEqualTo(output);
  }

  @Test
  void emptyInputGivesEmptyHtml() {
    assertThat(sanitizer.sanitize("")).isEqualTo(SafeHtml.EMPTY);
    assertThat(sanitizer.sanitize(null)).isEqualTo(SafeHtml.EMPTY);
    assertThat(sanitizer.sanitize("<script>x</script>")).isEqualTo(SafeHtml.EMPTY);
  }

  @Test
  void plainTextAndSummary() {
    SafeHtml html = sanitizer.sanitize(
        "<h2>一、起点</h2><p>图片来源：<b>自媒体</b>百准</p><p>second\n   paragraph<br>line</p>");

    assertThat(sanitizer.plainText(html)).isEqualTo("一、起点 图片来源：自媒体百准 second paragraph line");
    assertThat(sanitizer.summarize(html, 9)).isEqualTo("一、起点 图片来\u2026");
    assertThat(sanitizer.summarize(html, 5)).isEqualTo("一、起点\u2026");
    assertThat(sanitizer.summarize(SafeHtml.EMPTY, 5)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "img/cover.png, http://localhost:7070/img/cover.png",
    "//cdn.example/c.png, https://cdn.example/c.png",
    "https://example.org/c.png, https://example.org/c.png",
  })
  void absoluteImageUrlResolvesLikeImgSrc(String url, String expected) {
    assertThat(sanitizer.absoluteImageUrl(url)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "javascript:alert(1)", "data:image/png;base64,AAAA", "ftp://example.org/x.png"})
  void absoluteImageUrlRejectsOtherSchemes(String url) {
    assertThat(sanitizer.absoluteImageUrl(url)).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"relative/path", "file:///etc/", "ftp://example.org/"})
  void baseUriMustBeAbsoluteHttp(String base) {
    assertThatThrownBy(() -> new HtmlSanitizer(URI.create(base))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void safeHtmlRequiresHtml() {
    assertThatThrownBy(() -> new SafeHtml(null)).isInstanceOf(NullPointerException.class);
  }

  /** Checks that hold for every sanitized output, textually and on the re-parsed tree. */
  private static void assertSafe(String html) {
    assertThat(html)
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("javascript:")
        .doesNotContainIgnoringCase("vbscript:")
        .doesNotContainIgnoringCase("data:");
    Matcher tags = TAG.matcher(html);
    while (tags.find()) {
      // blank quoted values: text inside an attribute value is not an attribute
      String tag = QUOTED.matcher(tags.group()).replaceAll("\"\"");
      assertThat(tag).doesNotContainPattern(EVENT_HANDLER);
    }
    for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      assertThat(element.normalName()).isNotIn("script", "style", "svg", "math", "iframe", "object", "embed");
      for (Attribute attribute : element.attributes()) {
        assertThat(attribute.getKey()).doesNotStartWith("on").isNotIn("style", "class", "id");
      }
    }
    assertThat(XmlText.clean(html)).isEqualTo(html);
  }
}
