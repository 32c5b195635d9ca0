package dev.feedserver.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.feedserver.FixtureSite;
import dev.feedserver.Publisher;
import dev.feedserver.content.Article;
import dev.feedserver.content.ArticleBody;
import dev.feedserver.content.ArticleException;
import dev.feedserver.content.ContentLimits;
import dev.feedserver.content.FrontMatterDates;
import dev.feedserver.content.FrontMatterParser;
import dev.feedserver.content.HtmlSanitizer;
import dev.feedserver.content.Taxonomy;
import dev.feedserver.content.Topic;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Route;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.xml.sax.InputSource;

/**
 * Properties over arbitrary strings (every char, surrogates and controls included) in every
 * front-matter field and the body. Tries are bounded so the whole class runs in seconds.
 */
class ContentPropertiesTest {
  private static final Pattern DANGEROUS_URL = Pattern.compile("(?i)^\\s*(javascript|vbscript|data|file):");
  private static final List<String> KEYS =
      List.of("title", "date", "updated", "categories", "tags", "author", "headimg", "thumbnail", "comments", "id");

  private final FrontMatterParser parser = new FrontMatterParser(new FrontMatterDates(ZoneId.of("UTC")), ContentLimits.DEFAULTS);
  private final HtmlSanitizer sanitizer = new HtmlSanitizer(URI.create("http://feeds.test/"));

  /** Arbitrary text: any char, including lone surrogates and controls, and YAML/HTML/XML syntax. */
  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withChars("-:[]{}&*!|>'\"%@`#,? \n\t\r<>/=;\\.~").ofMaxLength(30),
        Arbitraries.of("no", "~", "null", "2021-02-30", "*a", "&a x", "!!python/object:x", "---", "...", "[a, [b]]",
            "{a: b}", "]]>", "<script>x</script>", "\uFEFF", "\u2028", "\uD800", "&#xFFFE;", "1e3", "0x1F"));
  }

  /** Bodies: arbitrary text and random tag soup with hostile attributes. */
  @Provide
  Arbitrary<String> body() {
    Arbitrary<String> part = Arbitraries.oneOf(
        Arbitraries.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">",
            "<a href=\"jav&#x09;ascript:x\">", "<svg onload=x>", "<math><mi xlink:href=javascript:x>", "<iframe src=//e>",
            "<p>", "</p>", "<b>", "</a>", "<noscript><p title=\"</noscript><img src=x onerror=y>\">", "<style>",
            "<base href=//e/>", "<form><input>", "<img src=\"data:image/png;base64,AA\">", "<a href=\" vbscript:x\">",
            "&#x338;", "<![CDATA[", "<!--", "-->", "<table><tr><td>", "<select><option>", "<textarea>", "<xmp>",
            "<object data=x>", "<embed src=x>", "<div style=\"x:expression(1)\" onclick=x>", "<img srcset=\"javascript:x 1x\">"),
        text());
    return part.list().ofMaxSize(12).map(parts -> String.join("", parts));
  }

  @Property(tries = 400)
  void theParserOnlyEverThrowsItsOwnError(@ForAll("text") String a, @ForAll("text") String b,
      @ForAll("body") String body, @ForAll int keySeed) {
    String key = KEYS.get(Math.floorMod(keySeed, KEYS.size()));
    // raw (unquoted) values, quoted values, and whole-file garbage
    for (String text : List.of(
        "---\ntitle: " + a + "\ndate: 2024-01-01\n" + key + ": " + b + "\n---\n" + body,
        "---\ntitle: " + quote(a) + "\ndate: 2024-01-01\n" + key + ": " + quote(b) + "\n---\n" + body,
        a + "\n---\n" + b + "\n---\n" + body,
        "---\n" + key + ":\n  - " + a + "\n  - [" + b + "]\n---\n")) {
      try {
        parser.parse(text);
      } catch (ArticleException e) {
        assertThat(e.getMessage()).isNotBlank();
        assertThat(e.line()).isNotNegative();
      }
    }
  }

  @Property(tries = 400)
  void sanitizedHtmlHasNoScriptNoHandlerAndNoDangerousUrl(@ForAll("body") String body) {
    String html = sanitizer.sanitize(body).html();
    for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      assertThat(element.normalName())
          .isNotIn("script", "style", "svg", "math", "iframe", "object", "embed", "base", "meta", "form", "noscript");
      for (Attribute attribute : element.attributes()) {
        assertThat(attribute.getKey().toLowerCase(Locale.ROOT)).doesNotStartWith("on").isNotIn("style", "srcdoc", "formaction");
        assertThat(DANGEROUS_URL.matcher(attribute.getValue()).find()).as(attribute.toString()).isFalse();
      }
    }
    assertThat(sanitizer.sanitize(html).html()).as("idempotent").isEqualTo(html);
  }

  @Property(tries = 60)
  void everyFeedStaysWellFormedAndReadsBackEqualToTheModel(@ForAll("text") String title, @ForAll("text") String author,
      @ForAll("text") String category, @ForAll("text") String other, @ForAll("body") String body) throws Exception {
    Path dir = Files.createTempDirectory("feed-property");
    try {
      // (a lone surrogate in the body cannot be UTF-8: getBytes writes '?' for it, as a scraper would)
      Files.write(dir.resolve("a.md"),
          ("---\ntitle: " + quote("T " + title) + "\nauthor: " + quote(author) + "\ndate: 2024-01-01 10:00:00\n"
              + "categories: [" + quote(category) + ", " + quote(other) + "]\n---\n" + body).getBytes(StandardCharsets.UTF_8));
      Publisher publisher = new Publisher(FixtureSite.config(dir));
      Publisher.Publication publication = publisher.publish();
      assertThat(publication.load().problems()).isEmpty();
      Article article = publication.index().article("a").orElseThrow();
      // bodies are read and sanitized on demand: the model's body is what the body store gives
      ArticleBody model = FixtureSite.bodies(FixtureSite.config(dir)).body(article);
      List<Optional<String>> feeds = new ArrayList<>();
      feeds.add(Optional.empty());
      article.categories().forEach(c -> feeds.add(Optional.of(c)));
      for (Optional<String> feed : feeds) {
        for (FeedFormat format : FeedFormat.values()) {
          byte[] bytes = publication.get(new Route.Feed(feed.map(c -> Topic.of(Taxonomy.CATEGORY, c)), format).path()).orElseThrow().body();
          if (format == FeedFormat.JSON) {
            JsonNode item = new ObjectMapper().readTree(bytes).get("items").get(0);
            assertThat(item.get("title").asText()).isEqualTo(article.title());
            assertThat(item.path("content_html").asText("")).isEqualTo(model.html().html());
            List<String> tags = new ArrayList<>();
            item.path("tags").forEach(t -> tags.add(t.asText()));
            assertThat(tags).containsExactlyElementsOf(article.categories());
            if (!article.author().isEmpty()) {
              assertThat(item.get("authors").get(0).get("name").asText()).isEqualTo(article.author());
            }
          } else {
            SyndFeed parsed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(bytes)));
            SyndEntry entry = parsed.getEntries().get(0);
            assertThat(entry.getTitle()).isEqualTo(article.title());
            assertThat(entry.getUri()).isEqualTo(publisher.links().entryTag(article.id()));
            assertThat(entry.getPublishedDate()).isEqualTo(Date.from(article.published()));
            assertThat(entry.getContents().get(0).getValue()).isEqualTo(model.html().html());
            // RSS's description is the summary escaped for HTML (readers read it as HTML): read as HTML, it is the summary
            String description = entry.getDescription().getValue();
            assertThat(format == FeedFormat.RSS ? org.jsoup.parser.Parser.unescapeEntities(description, false) : description)
                .isEqualTo(model.summary());
            assertThat(entry.getCategories()).extracting(SyndCategory::getName).containsExactlyElementsOf(article.categories());
            if (!article.author().isEmpty()) {
              assertThat(entry.getAuthor()).isEqualTo(article.author());
            }
          }
        }
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A YAML double-quoted scalar holding exactly {@code s} (every non-ASCII or control char escaped). */
  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '"' || cp == '\\') {
        out.append('\\').append((char) cp);
      } else if (cp >= 0x20 && cp < 0x7F) {
        out.append((char) cp);
      } else if (cp <= 0xFFFF) {
        out.append(String.format("\\u%04X", cp));
      } else {
        out.append(String.format("\\U%08X", cp));
      }
    }
    return out.append('"').toString();
  }
}
