package dev.feedserver.content.hexo;

import static dev.feedserver.content.hexo.TestSite.NO_REFERRER;
import static dev.feedserver.content.hexo.TestSite.REL;
import static dev.feedserver.content.hexo.TestSite.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Markdown as hexo-renderer-marked renders it with its defaults, after sanitizing. */
class MarkdownRenderingTest {

  static Stream<Arguments> markdown() {
    return Stream.of(
        // headerIds: hexo-util slugize, case kept, CJK kept
        Arguments.of("# Hello World", "<h1 id=\"Hello-World\">Hello World</h1>"),
        Arguments.of("## 安装 Java 环境", "<h2 id=\"安装-Java-环境\">安装 Java 环境</h2>"),
        Arguments.of("## 一、起点：为什么？", "<h2 id=\"一、起点：为什么？\">一、起点：为什么？</h2>"),
        Arguments.of("### Crème Brûlée & *Co.*",
            "<h3 id=\"Creme-Brulee-Co\">Crème Brûlée &amp; <em>Co.</em></h3>"),
        Arguments.of("### The `main()` method", "<h3 id=\"The-main-method\">The <code>main()</code> method</h3>"),
        Arguments.of("## Intro\n\n## Intro\n\n## Intro",
            "<h2 id=\"Intro\">Intro</h2>\n<h2 id=\"Intro-1\">Intro</h2>\n<h2 id=\"Intro-2\">Intro</h2>"),
        Arguments.of("Setext\n======", "<h1 id=\"Setext\">Setext</h1>"),
        Arguments.of("## !!!", "<h2>!!!</h2>"),
        // GFM
        Arguments.of("| Name | Value |\n| :--- | ----: |\n| a | 1 |",
            "<table>\n<thead>\n<tr>\n<th>Name</th>\n<th>Value</th>\n</tr>\n</thead>\n"
                + "<tbody>\n<tr>\n<td>a</td>\n<td>1</td>\n</tr>\n</tbody>\n</table>"),
        Arguments.of("~~old~~ new", "<p><del>old</del> new</p>"),
        Arguments.of("See https://example.org/a?b=1 or mail me@example.org.",
            "<p>See <a href=\"https://example.org/a?b=1\" " + REL + ">https://example.org/a?b=1</a> or mail "
                + "<a href=\"mailto:me@example.org\" " + REL + ">me@example.org</a>.</p>"),
        Arguments.of("- [ ] write\n- [x] test", "<ul>\n<li>\u2610 write</li>\n<li>\u2611 test</li>\n</ul>"),
        // breaks: true
        Arguments.of("one\ntwo\nthree", "<p>one<br>\ntwo<br>\nthree</p>"),
        Arguments.of("hard  \nbreak", "<p>hard<br>\nbreak</p>"),
        // raw HTML passes, the sanitizer cleans it
        Arguments.of("<div class=\"note\">**not bold**</div>", "<div>**not bold**</div>"),
        Arguments.of("Press <kbd>Ctrl</kbd> + <kbd>C</kbd>", "<p>Press <kbd>Ctrl</kbd> + <kbd>C</kbd></p>"),
        Arguments.of("<script>alert(1)</script>\n\nafter", "<p>after</p>"),
        // code keeps every character
        Arguments.of("```objc\n#import <UIKit/UIKit.h>\nint main() { return a && b; }\n```",
            "<pre><code class=\"language-objc\">#import &lt;UIKit/UIKit.h&gt;\n"
                + "int main() { return a &amp;&amp; b; }\n</code></pre>"),
        Arguments.of("~~~c++\nstd::vector<int> v;\n~~~", "<pre><code class=\"language-c++\">std::vector&lt;int&gt; v;\n</code></pre>"),
        Arguments.of("```js {1,3}\nx\n```", "<pre><code class=\"language-js\">x\n</code></pre>"),
        Arguments.of("Use `![](image.jpg)` to show an image",
            "<p>Use <code>![](image.jpg)</code> to show an image</p>"),
        Arguments.of("Text\n\n    <b>x</b> & y\n", "<p>Text</p>\n<pre><code>&lt;b&gt;x&lt;/b&gt; &amp; y\n</code></pre>"),
        // links and images resolve against the site
        Arguments.of("[about](/about/ \"About us\")",
            "<p><a href=\"http://feeds.test/about/\" title=\"About us\" " + REL + ">about</a></p>"),
        Arguments.of("![a cat](cat.jpg)", "<p><img src=\"http://feeds.test/cat.jpg\" alt=\"a cat\" " + NO_REFERRER + "></p>"),
        Arguments.of("> quoted\n> text", "<blockquote>\n<p>quoted<br>\ntext</p>\n</blockquote>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("markdown")
  void rendersLikeHexoRendererMarked(String markdown, String expected) {
    assertThat(published(markdown)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(delimiter = '|', value = {
    "Hello World|Hello-World",
    "  trimmed  |trimmed",
    "a -- b__c|a-b-c",
    "What's new? (2024)|What-s-new-2024",
    "Crème Brûlée|Creme-Brulee",
    "Straße Ærø|Strasse-AEro",
    "数据流 与 缓存|数据流-与-缓存",
    "がぎぐ 한국어|がぎぐ-한국어",
    "Привет мир|Привет-мир",
    "tab\there|tabhere", // control characters go before whitespace turns into '-'
    "two\u2003spaces|two-spaces",
    "full\u3000width|full-width",
  })
  void slugsAsHexoUtilSlugize(String text, String slug) {
    assertThat(HeadingIds.slugize(text)).isEqualTo(slug);
  }
}
