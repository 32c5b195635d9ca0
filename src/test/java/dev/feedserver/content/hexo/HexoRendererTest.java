package dev.feedserver.content.hexo;

import static dev.feedserver.content.hexo.TestSite.CONTEXT;
import static dev.feedserver.content.hexo.TestSite.RENDERER;
import static dev.feedserver.content.hexo.TestSite.SANITIZER;
import static dev.feedserver.content.hexo.TestSite.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Excerpts, warnings for tags that do not render, and hostile input. */
class HexoRendererTest {

  static Stream<Arguments> excerpts() {
    return Stream.of(
        Arguments.of("Intro **text**.\n\n<!-- more -->\n\nThe rest.", "<p>Intro <strong>text</strong>.</p>"),
        Arguments.of("# Title\n\nFirst.\n<!--more-->\nSecond.", "<h1 id=\"Title\">Title</h1>\n<p>First.</p>"),
        Arguments.of("{% note %}\nNoted.\n{% endnote %}\n\n<!--   more\t-->\nlater",
            "<blockquote><p>Noted.</p>\n</blockquote>"),
        Arguments.of("One\n\n<!-- more -->\n\nTwo\n\n<!-- more -->\n\nThree", "<p>One</p>"),
        Arguments.of("No marker here.", null),
        Arguments.of("```html\n<!-- more -->\n```\n\nafter", null),
        Arguments.of("Use `<!-- more -->` to cut.", null),
        Arguments.of("    <!-- more -->", null),
        Arguments.of("{% codeblock %}\n<!-- more -->\n{% endcodeblock %}", null),
        Arguments.of("<!-- mores -->\n\ntext", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("excerpts")
  void cutsTheExcerptAtTheMoreMarkerOutsideCode(String markdown, String excerpt) {
    RenderedBody rendered = RENDERER.render(markdown, CONTEXT);

    assertThat(rendered.excerptHtml()).isEqualTo(Optional.ofNullable(excerpt));
    if (excerpt != null) {
      assertThat(rendered.html()).startsWith(excerpt);
      assertThat(rendered.html().length()).isGreaterThan(excerpt.length() + "<!--more-->".length());
    }
  }

  @Test
  void cutsTheExcerptOfHtmlPostsToo() {
    RenderedBody rendered = RENDERER.renderHtml("<p>Lead {% asset_link report.pdf %}</p><!-- more --><p>Body</p>", CONTEXT);

    assertThat(rendered.excerptHtml()).hasValueSatisfying(excerpt -> assertThat(SANITIZER.sanitize(excerpt).html())
        .isEqualTo("<p>Lead <a href=\"" + TestSite.ASSETS + "report.pdf\" title=\"report.pdf\" " + TestSite.REL
            + ">report.pdf</a></p>"));
  }

  static Stream<Arguments> tagsThatDoNotRender() {
    return Stream.of(
        Arguments.of("Intro\n\n{% btn https://example.org, Click %}\n\nOutro", "<p>Intro</p>\n<p>Outro</p>",
            List.of("3: {% btn %} is not a known tag: dropped")),
        Arguments.of("Press {% kbd Ctrl %} now", "<p>Press  now</p>",
            List.of("1: {% kbd %} is not a known tag: dropped")),
        Arguments.of("{% tabs demo %}\n\n**First** tab\n\n{% endtabs %}", "<p><strong>First</strong> tab</p>",
            List.of("1: {% tabs %} is not a known tag: its content is kept, its markup dropped")),
        Arguments.of("Lead\n\n{% folding Details %}\nHidden {% label primary@new %}\n{% endfolding %}",
            "<p>Lead</p>\n<p>Hidden </p>",
            List.of("3: {% folding %} is not a known tag: its content is kept, its markup dropped",
                "4: {% label %} is not a known tag: dropped")),
        Arguments.of("{% if draft %}Draft{% else %}Final{% endif %}", "<p>DraftFinal</p>",
            List.of("1: {% if %} is not a known tag: its content is kept, its markup dropped",
                "1: {% else %} is not a known tag: dropped")),
        Arguments.of("a\n{% endcodeblock %}\nb", "<p>a</p>\n<p>b</p>",
            List.of("2: {% endcodeblock %} without {% codeblock %}: dropped")),
        Arguments.of("Text\n\n{% codeblock lang:js %}\nlet x = 1;\n\nmore", "<p>Text</p>\n<p>let x = 1;</p>\n<p>more</p>",
            List.of("3: {% codeblock %} without {% endcodeblock %}: dropped, the text after it is kept")),
        Arguments.of("{% note %}\nnever closed", "<p>never closed</p>",
            List.of("1: {% note %} without {% endnote %}: dropped, the text after it is kept")),
        Arguments.of("Price: 50{% off\n\nand {% %} too", "<p>Price: 50{% off</p>\n<p>and {% %} too</p>",
            List.of("1: '{%' without '%}' left as text", "3: '{% %}' has no tag name, left as text")),
        Arguments.of("Hello {{ name }} and {# note #}", "<p>Hello {{ name }} and {# note #}</p>", List.of()),
        Arguments.of("line 1\n\n{% asset_img missing.png A chart %}", "<p>line 1</p>",
            List.of("3: {% asset_img %}: no file 'missing.png' in the post's asset folder: dropped")),
        Arguments.of("Get {% asset_link missing.zip the code %}.", "<p>Get the code.</p>",
            List.of("1: {% asset_link %}: no file 'missing.zip' in the post's asset folder: only its title is kept")),
        // an empty href is the page itself, which the sanitizer makes the site's address
        Arguments.of("[x]({% asset_path missing.pdf %})",
            "<p><a href=\"http://feeds.test/\" rel=\"nofollow noopener noreferrer\">x</a></p>",
            List.of("1: {% asset_path %}: no file 'missing.pdf' in the post's asset folder: dropped")),
        Arguments.of("See {% post_link gone-post %} or {% post_link gone-post 'the old post' %}.",
            "<p>See gone-post or the old post.</p>",
            List.of("1: {% post_link %}: no post 'gone-post': only its title is kept",
                "1: {% post_link %}: no post 'gone-post': only its title is kept")),
        Arguments.of("{% img nothing here %}", "",
            List.of("1: {% img %} without an image URL: dropped")),
        Arguments.of("{% link just words %}", "<p>just words</p>",
            List.of("1: {% link %} without a URL: only its text is kept")),
        Arguments.of("{% youtube %}", "", List.of("1: {% youtube %} without an id or URL: dropped")),
        Arguments.of("# T\n\n{% note %}\nline 4\n\n{% mystery %}\n{% endnote %}",
            "<h1 id=\"T\">T</h1>\n<blockquote><p>line 4</p>\n</blockquote>",
            List.of("6: {% mystery %} is not a known tag: dropped")),
        Arguments.of("> quote\n> {% blockquote %}\n> {% unknown %}\n> {% endblockquote %}",
            "<blockquote>\n<p>quote</p>\n<blockquote></blockquote>\n</blockquote>",
            List.of("3: {% unknown %} is not a known tag: dropped")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tagsThatDoNotRender")
  void keepsTheTextOfTagsThatDoNotRenderAndSaysWhere(String markdown, String expected, List<String> warnings) {
    RenderedBody rendered = RENDERER.render(markdown, CONTEXT);

    assertThat(published(markdown)).isEqualTo(expected);
    assertThat(rendered.warnings()).extracting(w -> w.line() + ": " + w.message())
        .containsExactlyElementsOf(warnings);
  }

  @Test
  void deeplyNestedTagsStopBeingTagsWithAWarning() {
    String markdown = "{% note %}\n".repeat(40) + "deep" + "\n{% endnote %}".repeat(40);

    RenderedBody rendered = RENDERER.render(markdown, CONTEXT);

    assertThat(rendered.warnings()).extracting(TagWarning::message)
        .containsExactly("tags nested more than " + PostRender.MAX_DEPTH + " deep: the inner ones are left as text");
    assertThat(SANITIZER.sanitize(rendered.html()).html()).contains("deep").startsWith("<blockquote>");
  }

  @Test
  void manyProblemsAreReportedUpToALimit() {
    RenderedBody rendered = RENDERER.render("{% x %}\n".repeat(150), CONTEXT);

    assertThat(rendered.warnings()).hasSize(PostRender.MAX_WARNINGS + 1);
    assertThat(rendered.warnings().get(PostRender.MAX_WARNINGS).message()).isEqualTo("50 more warnings not shown");
  }

  @Test
  void textThatLooksLikeAPlaceholderStaysText() {
    String markdown = "HEXOTAG0E and HEXOTAGX1E <!--HEXOTAG2E--> {% img /a.png %}";

    assertThat(published(markdown)).isEqualTo("<p>HEXOTAG0E and HEXOTAGX1E  <img src=\"http://feeds.test/a.png\" alt=\"\" "
        + TestSite.NO_REFERRER + "></p>");
  }

  @Test
  void nullAndEmptyBodiesRenderEmpty() {
    assertThat(RENDERER.render(null, CONTEXT)).isEqualTo(new RenderedBody("", Optional.empty(), List.of()));
    assertThat(RENDERER.render("", CONTEXT).html()).isEmpty();
    assertThat(RENDERER.renderHtml(null, CONTEXT).html()).isEmpty();
  }

  @Test
  void aContextThatAnswersNullCountsAsEmpty() {
    PostContext nulls = new PostContext(file -> null, slug -> null);

    RenderedBody rendered = RENDERER.render("{% asset_img a.png %} {% post_link p %}", nulls);

    assertThat(rendered.html()).isEqualTo("<p> p</p>\n");
    assertThat(rendered.warnings()).hasSize(2);
  }

  static Stream<String> hostile() {
    return Stream.of(
        "{%", "%}", "{%}", "{%%}", "{% %}", "{% endcodeblock %}", "{% codeblock", "{% codeblock %}",
        "{% codeblock %}{% codeblock %}{% endcodeblock %}", "{% raw %}{% endraw", "{% raw %}{% endraw %}",
        "{% blockquote %}".repeat(50), "{% endnote %}".repeat(50) + "{% note %}".repeat(50),
        "`{%` %}`", "```\n{% raw %}\n", "> ".repeat(300) + "{% img /a.png %}",
        "- ".repeat(300) + "{% codeblock %}\nx\n{% endcodeblock %}", "<!--HEXOTAG0E-->", "HEXOTAG0E-->",
        "{% img \"unclosed %}", "{% link 'a %}", "{% asset_img %}", "{% asset_link %}", "{% asset_path %}",
        "{% post_link %}", "{% post_path %}", "{% gist %}", "{% img /a.png 1 2 \"\" '' \" ' %}",
        "\uD800{% img /a.png %}\uDC00", "\u0000{% note %}\u0000{% endnote %}", "\r{% codeblock %}\r\rx\r{% endcodeblock",
        "{% note %}\n```\n{% endnote %}\n```\n{% endnote %}", "[x]({% post_path hello-world %} \"{% raw %}\")",
        "<a href=\"{% raw %}\">{% endraw %}</a>", "{% youtube javascript:alert(1) %}",
        "{% link x javascript:alert(1) %}", "{% img javascript:alert(1) %}", "{% iframe javascript:alert(1) %}",
        "{% blockquote x javascript:alert(1) %}\ny\n{% endblockquote %}", "{% raw %}<script>alert(1)</script>{% endraw %}",
        "## {% raw %}\n## {% endraw %}", "| a | {% img /a.png %} |\n|---|---|\n| {% note %} | x |",
        "{% codeblock %}\n" + "`".repeat(1000) + "\n{% endcodeblock %}", "{%" + " ".repeat(10_000) + "%}",
        "{% x %}".repeat(2_000), "{% codeblock %}".repeat(1_000), "{%".repeat(5_000), "> {% note %}\n".repeat(100));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  @Timeout(10)
  void hostileInputNeverThrowsAndPublishesSafely(String markdown) {
    assertThatCode(() -> {
      String html = RENDERER.render(markdown, CONTEXT).html();
      String safe = SANITIZER.sanitize(html).html();
      assertThat(safe).doesNotContainPattern("(?i)(href|src|cite)=\"\\s*javascript")
          .doesNotContainIgnoringCase("<script");
      RENDERER.renderHtml(markdown, CONTEXT);
    }).doesNotThrowAnyException();
  }

  /** Building blocks of random post bodies: tags, broken tags, Markdown and code markers. */
  private static final String[] PIECES = {
    "{% note %}", "{% endnote %}", "{% codeblock lang:js %}", "{% endcodeblock %}", "{% raw %}", "{% endraw %}",
    "{% blockquote A, B %}", "{% endblockquote %}", "{% img /a.png 10 \"t\" %}", "{% asset_img diagram.png %}",
    "{% post_link hello-world %}", "{% unknown %}", "{% endunknown %}", "{%", "%}", "{{ x }}", "`", "```",
    "~~~", "    ", "\n", "\n\n", "> ", "- ", "1. ", "# ", "*", "_", "[", "](", ")", "<!-- more -->", "<div>",
    "</div>", "<code>", "</code>", "text", "\"", "'", "|", "---", "\t", "HEXOTAG0E", "<!--", "-->",
  };

  @Test
  void randomBodiesNeverThrow() {
    Random random = new Random(20240501);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    for (int i = 0; i < 2_000 && System.nanoTime() < deadline; i++) {
      StringBuilder body = new StringBuilder();
      for (int parts = 1 + random.nextInt(20); parts > 0; parts--) {
        body.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String markdown = body.toString();
      assertThatCode(() -> {
        RenderedBody rendered = RENDERER.render(markdown, CONTEXT);
        SANITIZER.sanitize(rendered.html());
        rendered.excerptHtml().ifPresent(SANITIZER::sanitize);
        RENDERER.renderHtml(markdown, CONTEXT);
      }).as("body %s", markdown).doesNotThrowAnyException();
    }
  }
}
