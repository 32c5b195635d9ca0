package dev.feedserver.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feedserver.FixtureSite;
import dev.feedserver.Publisher;
import dev.feedserver.content.Article;
import dev.feedserver.content.Taxonomy;
import dev.feedserver.content.Topic;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Route;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article carrying every class of character XML 1.0 forbids, raw and as character references,
 * in its title, categories, author and body: it is served, cleaned, and every feed that contains
 * it stays well-formed.
 */
class UnicodeSafetyTest {
  @TempDir Path dir;

  /** Raw C0 controls and U+FFFE/U+FFFF (valid UTF-8), YAML escapes for lone surrogates, HTML references. */
  static final String HOSTILE =
      "---\n"
          + "title: \"T\\x01i\\x08t\\x0Bl\\x1Fe\\uFFFE \\uD800lone\\uDFFF \u0001raw\uFFFF e\u0301\"\n"
          + "categories:\n"
          + "  - \"Bad\\x00Cat\"\n"
          + "  - \"\uFFFEcafe\u0301\u0002\"\n"
          + "author: \"Au\\x1Bthor\\uDBFF\"\n"
          + "date: 2024-05-01 12:00:00\n"
          + "---\n"
          + "<p>body \u0001\u0008 &#1; &#x0; &#xFFFE; &#xFFFF; &#xD800; &#55296; \uFFFE text]]> &lt;/x&gt; 😀 ok</p>\n";

  @Test
  void forbiddenCharactersNeverReachAnyFeed() throws Exception {
    Path content = FixtureSite.copyTo(dir);
    Files.writeString(content.resolve("hostile.md"), HOSTILE, StandardCharsets.UTF_8);
    Publisher publisher = new Publisher(FixtureSite.config(content));
    Publisher.Publication publication = publisher.publish();

    Article hostile = publication.index().article("hostile").orElseThrow(
        () -> new AssertionError("skipped: " + publication.load().problems()));
    assertThat(hostile.title()).isEqualTo("Title lone raw é");
    assertThat(hostile.categories()).containsExactly("BadCat", "café");
    assertThat(hostile.author()).isEqualTo("Author");
    // jsoup reads &#x0; and surrogate references as U+FFFD, as the HTML standard says; the rest goes
    assertThat(FixtureSite.bodies(FixtureSite.config(content)).body(hostile).html().html().replaceAll(" +", " "))
        .isEqualTo("<p>body \uFFFD text]]&gt; &lt;/x&gt; 😀 ok</p>");

    for (Optional<String> feed : new Optional[] {Optional.empty(), Optional.of("BadCat"), Optional.of("café")}) {
      for (FeedFormat format : FeedFormat.values()) {
        byte[] bytes = publication.get(new Route.Feed(feed.map(c -> Topic.of(Taxonomy.CATEGORY, c)), format).path()).orElseThrow().body();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.codePoints().filter(UnicodeSafetyTest::forbidden)).as(format + " " + feed).isEmpty();
        if (format == FeedFormat.JSON) {
          JsonNode json = new ObjectMapper().readTree(bytes);
          assertThat(json.get("items").findValuesAsText("title")).contains("Title lone raw é");
        } else {
          var factory = DocumentBuilderFactory.newInstance();
          factory.setNamespaceAware(true);
          var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
          assertThat(document.getElementsByTagName("title").getLength()).isGreaterThan(1);
        }
      }
    }
  }

  private static boolean forbidden(int c) {
    return !(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF));
  }
}
