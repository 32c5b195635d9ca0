package dev.feedserver.content.hexo;

import static dev.feedserver.content.hexo.TestSite.ASSETS;
import static dev.feedserver.content.hexo.TestSite.CONTEXT;
import static dev.feedserver.content.hexo.TestSite.NO_REFERRER;
import static dev.feedserver.content.hexo.TestSite.REL;
import static dev.feedserver.content.hexo.TestSite.RENDERER;
import static dev.feedserver.content.hexo.TestSite.published;
import static dev.feedserver.content.hexo.TestSite.publishedHtml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every tag plugin: the Markdown in, the HTML the site publishes out, and no warning. */
class TagPluginsTest {

  private static final String POST = "http://feeds.test/2024/01/hello-world/";

  static Stream<Arguments> tags() {
    return Stream.of(
        // codeblock, code: the body verbatim and escaped
        Arguments.of("{% codeblock %}\nalert('Hello');\n{% endcodeblock %}",
            "<pre><code>alert('Hello');\n</code></pre>"),
        Arguments.of("{% codeblock lang:objc %}\n#import <UIKit/UIKit.h>\n[view setX: 10];\n{% endcodeblock %}",
            "<pre><code class=\"language-objc\">#import &lt;UIKit/UIKit.h&gt;\n[view setX: 10];\n</code></pre>"),
        Arguments.of("{% codeblock Sum.java %}\nint sum = a + b;\n{% endcodeblock %}",
            "<figure><figcaption>Sum.java</figcaption><pre><code>int sum = a + b;\n</code></pre></figure>"),
        Arguments.of("{% codeblock Sum.java lang:java https://example.org/sum Full source line_number:false %}\n"
                + "if (a < b && b > 0) {}\n{% endcodeblock %}",
            "<figure><figcaption>Sum.java <a href=\"https://example.org/sum\" " + REL + ">Full source</a></figcaption>"
                + "<pre><code class=\"language-java\">if (a &lt; b &amp;&amp; b &gt; 0) {}\n</code></pre></figure>"),
        Arguments.of("{% codeblock \"My script\" https://example.org/s.sh %}\necho hi\n{% endcodeblock %}",
            "<figure><figcaption>My script <a href=\"https://example.org/s.sh\" " + REL + ">link</a></figcaption>"
                + "<pre><code>echo hi\n</code></pre></figure>"),
        Arguments.of("{% code lang:md %}\n    # not a heading\n      * not a list {{ x }} {% raw %}\n{% endcode %}",
            "<pre><code class=\"language-md\"># not a heading\n  * not a list {{ x }} {% raw %}\n</code></pre>"),
        Arguments.of("{% codeblock %}\n{% codeblock %}\ninner\n{% endcodeblock %}\n{% endcodeblock %}",
            "<pre><code>{% codeblock %}\ninner\n{% endcodeblock %}\n</code></pre>"),
        Arguments.of("> {% codeblock lang:sh %}\n> echo \"$HOME\"\n> {% endcodeblock %}",
            "<blockquote>\n<pre><code class=\"language-sh\">echo \"$HOME\"\n</code></pre>\n</blockquote>"),
        // blockquote, quote, pullquote and the theme tags note and alert: the body as Markdown
        Arguments.of("{% blockquote %}\nA **bold** claim.\n{% endblockquote %}",
            "<blockquote><p>A <strong>bold</strong> claim.</p>\n</blockquote>"),
        Arguments.of("{% blockquote Ada Lovelace, Notes on the Engine %}\nIt weaves patterns.\n{% endblockquote %}",
            "<blockquote><p>It weaves patterns.</p>\n"
                + "<p>\u2014 <strong>Ada Lovelace</strong>, <cite>Notes on the Engine</cite></p></blockquote>"),
        Arguments.of("{% quote @feeds https://example.org/status/1/ %}\nShipped.\n{% endquote %}",
            "<blockquote cite=\"https://example.org/status/1/\"><p>Shipped.</p>\n<p>\u2014 <strong>@feeds</strong>, "
                + "<cite><a href=\"https://example.org/status/1/\" " + REL + ">example.org/status/1</a></cite></p></blockquote>"),
        Arguments.of("{% blockquote Jane Doe https://example.org/essay On Feeds %}\nKeep it plain.\n{% endblockquote %}",
            "<blockquote cite=\"https://example.org/essay\"><p>Keep it plain.</p>\n<p>\u2014 <strong>Jane Doe</strong>, "
                + "<cite><a href=\"https://example.org/essay\" " + REL + ">On Feeds</a></cite></p></blockquote>"),
        Arguments.of("{% pullquote left %}\nFeeds are *simple*.\n{% endpullquote %}",
            "<blockquote><p>Feeds are <em>simple</em>.</p>\n</blockquote>"),
        Arguments.of("{% note info %}\n**Heads up:** feeds are cached.\n\n- one\n- two\n{% endnote %}",
            "<blockquote><p><strong>Heads up:</strong> feeds are cached.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
                + "</blockquote>"),
        Arguments.of("{% alert warning %}\nBack up first.\n{% endalert %}",
            "<blockquote><p>Back up first.</p>\n</blockquote>"),
        Arguments.of("{% blockquote %}\nOuter\n{% note %}\nInner {% post_link hello-world %}\n{% endnote %}\n{% endblockquote %}",
            "<blockquote><p>Outer</p>\n<blockquote><p>Inner <a href=\"" + POST + "\" title=\"Hello, World\" " + REL
                + ">Hello, World</a></p>\n</blockquote>\n</blockquote>"),
        // img
        Arguments.of("{% img right /images/cat.jpg 640 480 '\"A cat\" \"A cat on a mat\"' %}",
            "<p><img src=\"http://feeds.test/images/cat.jpg\" width=\"640\" height=\"480\" title=\"A cat\""
                + " alt=\"A cat on a mat\" " + NO_REFERRER + "></p>"),
        Arguments.of("{% image https://cdn.example.org/x.png Sunset over the bay %}",
            "<p><img src=\"https://cdn.example.org/x.png\" title=\"Sunset over the bay\" alt=\"Sunset over the bay\" "
                + NO_REFERRER + "></p>"),
        Arguments.of("Before {% img photo.jpg 300 %} after",
            "<p>Before <img src=\"http://feeds.test/photo.jpg\" width=\"300\" alt=\"\" " + NO_REFERRER + "> after</p>"),
        // link
        Arguments.of("{% link Feed spec https://www.rssboard.org/rss-specification true The RSS spec %}",
            "<p><a href=\"https://www.rssboard.org/rss-specification\" title=\"The RSS spec\" " + REL
                + ">Feed spec</a></p>"),
        Arguments.of("Read {% a the docs /docs/ %} first.",
            "<p>Read <a href=\"http://feeds.test/docs/\" " + REL + ">the docs</a> first.</p>"),
        Arguments.of("{% link www.example.org %}",
            "<p><a href=\"http://www.example.org\" " + REL + ">www.example.org</a></p>"),
        // raw
        Arguments.of("{% raw %}\n<div><b>{{ kept }}</b> *not markdown* {% img /x.png %}</div>\n{% endraw %}",
            "<div><b>{{ kept }}</b> *not markdown* {% img /x.png %}</div>"),
        Arguments.of("Inline {% raw %}<kbd>{%</kbd>{% endraw %} raw", "<p>Inline <kbd>{%</kbd> raw</p>"),
        // asset_img, asset_link, asset_path
        Arguments.of("{% asset_img diagram.png The data flow %}",
            "<p><img src=\"" + ASSETS + "diagram.png\" title=\"The data flow\" alt=\"The data flow\" "
                + NO_REFERRER + "></p>"),
        Arguments.of("{% asset_image full diagram.png 800 '\"Flow\" \"Boxes and arrows\"' %}",
            "<p><img src=\"" + ASSETS + "diagram.png\" width=\"800\" title=\"Flow\" alt=\"Boxes and arrows\" "
                + NO_REFERRER + "></p>"),
        Arguments.of("Download {% asset_link report.pdf the report %}.",
            "<p>Download <a href=\"" + ASSETS + "report.pdf\" title=\"the report\" " + REL + ">the report</a>.</p>"),
        Arguments.of("{% asset_link \"slides v2.pdf\" %}",
            "<p><a href=\"" + ASSETS + "slides%20v2.pdf\" title=\"slides v2.pdf\" " + REL + ">slides v2.pdf</a></p>"),
        Arguments.of("{% asset_link report.pdf '<b>R&D</b>' false %}",
            "<p><a href=\"" + ASSETS + "report.pdf\" title=\"&lt;b&gt;R&amp;D&lt;/b&gt;\" " + REL
                + "><b>R&amp;D</b></a></p>"),
        Arguments.of("![Flow]({% asset_path diagram.png %})",
            "<p><img src=\"" + ASSETS + "diagram.png\" alt=\"Flow\" " + NO_REFERRER + "></p>"),
        Arguments.of("[slides]({% asset_path \"slides v2.pdf\" %})",
            "<p><a href=\"" + ASSETS + "slides%20v2.pdf\" " + REL + ">slides</a></p>"),
        Arguments.of("[report][r]\n\n[r]: {% asset_path report.pdf %}",
            "<p><a href=\"" + ASSETS + "report.pdf\" " + REL + ">report</a></p>"),
        // post_link, post_path
        Arguments.of("See {% post_link hello-world %}.",
            "<p>See <a href=\"" + POST + "\" title=\"Hello, World\" " + REL + ">Hello, World</a>.</p>"),
        Arguments.of("{% post_link hello-world#Setup the setup part %}",
            "<p><a href=\"" + POST + "#Setup\" title=\"Hello, World\" " + REL + ">the setup part</a></p>"),
        Arguments.of("{% post_link hello-world '<em>Hi</em> & bye' false %}",
            "<p><a href=\"" + POST + "\" title=\"Hello, World\" " + REL + "><em>Hi</em> &amp; bye</a></p>"),
        Arguments.of("{% post_link hello-world '<em>Hi</em>' %}",
            "<p><a href=\"" + POST + "\" title=\"Hello, World\" " + REL + ">&lt;em&gt;Hi&lt;/em&gt;</a></p>"),
        Arguments.of("{% post_link untitled %}",
            "<p><a href=\"http://feeds.test/2024/02/untitled/\" title=\"untitled\" " + REL + ">untitled</a></p>"),
        Arguments.of("[back]({% post_path hello-world %})", "<p><a href=\"" + POST + "\" " + REL + ">back</a></p>"),
        // embeds become links
        Arguments.of("{% youtube abc123XYZ_- %}",
            "<p><a href=\"https://www.youtube.com/watch?v=abc123XYZ_-\" " + REL
                + ">https://www.youtube.com/watch?v=abc123XYZ_-</a></p>"),
        Arguments.of("{% youtube PLabc playlist %}",
            "<p><a href=\"https://www.youtube.com/playlist?list=PLabc\" " + REL
                + ">https://www.youtube.com/playlist?list=PLabc</a></p>"),
        Arguments.of("{% vimeo 76979871 %}",
            "<p><a href=\"https://vimeo.com/76979871\" " + REL + ">https://vimeo.com/76979871</a></p>"),
        Arguments.of("{% gist octo/1a2b3c hello_world.rb %}",
            "<p><a href=\"https://gist.github.com/octo/1a2b3c#file-hello_world-rb\" " + REL
                + ">https://gist.github.com/octo/1a2b3c#file-hello_world-rb</a></p>"),
        Arguments.of("{% jsfiddle ab12cd %}",
            "<p><a href=\"https://jsfiddle.net/ab12cd/\" " + REL + ">https://jsfiddle.net/ab12cd/</a></p>"),
        Arguments.of("{% iframe https://example.org/embed 100% 300 %}",
            "<p><a href=\"https://example.org/embed\" " + REL + ">https://example.org/embed</a></p>"),
        Arguments.of("Watch {% youtube \"a b\" %} now",
            "<p>Watch <a href=\"https://www.youtube.com/watch?v=a%20b\" " + REL
                + ">https://www.youtube.com/watch?v=a%20b</a> now</p>"),
        // in lists, next to text, in headings
        Arguments.of("- one\n- {% asset_img diagram.png %}",
            "<ul>\n<li>one</li>\n<li><img src=\"" + ASSETS + "diagram.png\" alt=\"\" " + NO_REFERRER + "></li>\n</ul>"),
        Arguments.of("Text\n{% img /a.png %}\nmore",
            "<p>Text</p>\n<p><img src=\"http://feeds.test/a.png\" alt=\"\" " + NO_REFERRER + "></p>\n<p>more</p>"),
        Arguments.of("## Read {% post_link hello-world %}",
            "<h2 id=\"Read\">Read <a href=\"" + POST + "\" title=\"Hello, World\" " + REL + ">Hello, World</a></h2>"),
        Arguments.of("*{% link x https://example.org %}*",
            "<p><em><a href=\"https://example.org\" " + REL + ">x</a></em></p>"),
        Arguments.of("![{% link x https://example.org %}](a.png)",
            "<p><img src=\"http://feeds.test/a.png\" alt=\"x\" " + NO_REFERRER + "></p>"),
        Arguments.of("{%- img /a.png -%}",
            "<p><img src=\"http://feeds.test/a.png\" alt=\"\" " + NO_REFERRER + "></p>"),
        Arguments.of("{% codeblock %}\r\nwindows\r\n{% endcodeblock %}\r\n", "<pre><code>windows\n</code></pre>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tags")
  void rendersEveryTagAsFeedHtml(String markdown, String expected) {
    RenderedBody rendered = RENDERER.render(markdown, CONTEXT);

    assertThat(published(markdown)).isEqualTo(expected);
    assertThat(rendered.warnings()).isEmpty();
  }

  static Stream<Arguments> htmlBodies() {
    return Stream.of(
        Arguments.of("<p>Hi {% asset_img diagram.png Flow %}</p>\n<code>{% img /x.png %}</code>",
            "<p>Hi <img src=\"" + ASSETS + "diagram.png\" title=\"Flow\" alt=\"Flow\" " + NO_REFERRER + "></p>\n"
                + "<code>{% img /x.png %}</code>"),
        Arguments.of("<a href=\"{% asset_path report.pdf %}\" title=\"{% post_link hello-world %}\">r</a>",
            "<a href=\"" + ASSETS + "report.pdf\" title=\"Hello, World\" " + REL + ">r</a>"),
        Arguments.of("<div>\n{% blockquote %}\n*Markdown* in a tag\n{% endblockquote %}\n</div>",
            "<div>\n<blockquote><p><em>Markdown</em> in a tag</p>\n</blockquote>\n</div>"),
        Arguments.of("<p>**not Markdown** {{ x }}</p>", "<p>**not Markdown** {{ x }}</p>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("htmlBodies")
  void rendersTagsInHtmlPostsWithoutMarkdown(String html, String expected) {
    assertThat(publishedHtml(html)).isEqualTo(expected);
    assertThat(RENDERER.renderHtml(html, CONTEXT).warnings()).isEmpty();
  }

  static Stream<Arguments> codeWithTags() {
    return Stream.of(
        Arguments.of("`{% img /a.png %}`", "<p><code>{% img /a.png %}</code></p>"),
        Arguments.of("``{% raw %}` {% endraw %}``", "<p><code>{% raw %}` {% endraw %}</code></p>"),
        Arguments.of("```\n{% codeblock %}\n{% endcodeblock %}\n{% note %}\n```",
            "<pre><code>{% codeblock %}\n{% endcodeblock %}\n{% note %}\n</code></pre>"),
        Arguments.of("Text\n\n    {% asset_img diagram.png %}\n    {% unknown %}",
            "<p>Text</p>\n<pre><code>{% asset_img diagram.png %}\n{% unknown %}\n</code></pre>"),
        Arguments.of("{% note %}\nUse `{% endnote %}` to end it.\n{% endnote %}",
            "<blockquote><p>Use <code>{% endnote %}</code> to end it.</p>\n</blockquote>"),
        Arguments.of("Raw <code>{% img /x.png %}</code> and `<code>` {% link y /y %} `</code>`",
            "<p>Raw <code>{% img /x.png %}</code> and <code>&lt;code&gt;</code> <a href=\"http://feeds.test/y\" "
                + REL + ">y</a> <code>&lt;/code&gt;</code></p>"),
        Arguments.of("- item\n\n  ```\n  {% youtube x %}\n  ```",
            "<ul>\n<li>\n<p>item</p>\n<pre><code>{% youtube x %}\n</code></pre>\n</li>\n</ul>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codeWithTags")
  void tagsInCodeAreText(String markdown, String expected) {
    assertThat(published(markdown)).isEqualTo(expected);
    assertThat(RENDERER.render(markdown, CONTEXT).warnings()).isEmpty();
  }

  static Stream<Arguments> arguments() {
    return Stream.of(
        Arguments.of("", List.of()),
        Arguments.of("  a   b\tc ", List.of("a", "b", "c")),
        Arguments.of("\"spaced name.png\" 'a \"quoted\" title'", List.of("spaced name.png", "a \"quoted\" title")),
        Arguments.of("lang:\"java script\" x", List.of("lang:java script", "x")),
        Arguments.of("\"esc\\\"aped\"", List.of("esc\"aped")),
        Arguments.of("Author's Book", List.of("Author's", "Book")),
        Arguments.of("\"\"", List.of("")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("arguments")
  void splitsArgumentsAsHexo(String arguments, List<String> expected) {
    assertThat(TagCall.split(arguments)).isEqualTo(expected);
  }
}
