package dev.feedserver.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feedserver.FixtureSite;
import dev.feedserver.Publisher;
import dev.feedserver.content.Article;
import dev.feedserver.content.ArticleProblem;
import dev.feedserver.content.BodyStore;
import dev.feedserver.render.Representation;
import dev.feedserver.content.Taxonomy;
import dev.feedserver.content.Topic;
import dev.feedserver.site.Route;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads the hostile corpus and checks every row of the table in {@code docs/hardening.md}: the
 * documented outcome is the real one. Then checks that what is served is safe and well-formed.
 */
class HostileContentTest {
  static final Path TABLE = Path.of("docs", "hardening.md");
  private static final Pattern ROW =
      Pattern.compile("^\\| `([^`]+)` \\| .* \\| (served|served with a warning: `(.+)`|skipped: `(.+)`) \\|$");

  @TempDir static Path dir;
  static Path content;
  static Publisher publisher;
  static Publisher.Publication publication;
  static BodyStore bodies;

  /**
   * One documented file: its path as printed (escaped) and its outcome: served (with the one
   * warning its reading gave, or none) or skipped with a problem.
   */
  record Row(String printed, boolean served, String warning, String problem) {
    /** The real relative path: the table writes control characters escaped and shortens a long name. */
    Path path() {
      return Path.of(
          printed.replace("\\n", "\n").replace("\\t", "\t").replace("\\u202E", "\u202E")
              .replace("n×252", "n".repeat(252)));
    }

    String expectedProblem() {
      return problem.replace("n×252", "n".repeat(252));
    }

    List<String> expectedWarnings() {
      return warning == null ? List.of() : List.of(warning.replace("n×252", "n".repeat(252)));
    }

    @Override
    public String toString() {
      return printed;
    }
  }

  @BeforeAll
  static void load() {
    content = HostileCorpus.create(dir);
    publisher = new Publisher(HostileCorpus.config(content));
    // a FIFO opened for reading would block until a writer comes: the timeout is the proof
    publication = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> publisher.publish());
    bodies = FixtureSite.bodies(HostileCorpus.config(content));
  }

  static List<Row> rows() throws Exception {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(TABLE, StandardCharsets.UTF_8)) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        rows.add(new Row(m.group(1), !m.group(2).startsWith("skipped"), m.group(3), m.group(4)));
      }
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void theDocumentedOutcomeIsTheRealOne(Row row) {
    if (row.printed().equals("runtime/unreadable.md")) {
      Assumptions.assumeFalse(HostileCorpus.ignoresPermissions(content), "running as root: permissions are not enforced");
    }
    List<String> problems =
        publication.load().problems().stream().filter(p -> p.file().equals(row.path())).map(ArticleProblem::toString).toList();
    List<String> warnings =
        publication.load().warnings().stream().filter(p -> p.file().equals(row.path())).map(ArticleProblem::toString).toList();
    List<Article> served = publication.load().articles().stream().filter(a -> a.file().equals(row.path())).toList();
    if (row.served()) {
      assertThat(problems).as("problems of a served file").isEmpty();
      assertThat(served).hasSize(1);
      assertThat(warnings).as("warnings of a served file").containsExactlyElementsOf(row.expectedWarnings());
    } else {
      assertThat(served).as("a skipped file is not served").isEmpty();
      assertThat(warnings).as("a skipped file has no warnings").isEmpty();
      assertThat(problems).containsExactly(row.expectedProblem());
    }
  }

  @Test
  void everyFileOfTheCorpusHasARowAndLeftoversAreIgnoredSilently() throws Exception {
    Set<Path> documented = new HashSet<>();
    rows().forEach(r -> documented.add(r.path()));
    Set<Path> seen = new HashSet<>();
    publication.load().problems().forEach(p -> seen.add(p.file()));
    publication.load().articles().forEach(a -> seen.add(a.file()));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(documented);
    try (Stream<Path> files = Files.walk(HostileCorpus.SOURCE)) {
      Set<Path> committed = new HashSet<>();
      files.filter(Files::isRegularFile).forEach(f -> committed.add(HostileCorpus.SOURCE.relativize(f)));
      Set<Path> leftovers = new HashSet<>(committed);
      leftovers.removeAll(documented);
      assertThat(leftovers).extracting(p -> p.getFileName().toString())
          .containsExactlyInAnyOrder("x.md.swp", ".x.md.swp", "notes.md~", ".#lock.md", "#autosave.md#", "4913");
    }
  }

  @Test
  void everyServedBodyIsSafe() {
    for (Article article : publication.load().articles()) {
      // bodies are read on demand, through the same hardened reader as the metadata
      String html = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> bodies.body(article)).html().html();
      assertThat(html).as(article.id())
          .doesNotContainIgnoringCase("<script")
          .doesNotContainIgnoringCase("javascript:")
          .doesNotContainIgnoringCase("vbscript:")
          .doesNotContainIgnoringCase("data:")
          .doesNotContainIgnoringCase("<iframe")
          .doesNotContainIgnoringCase("<base")
          .doesNotContainIgnoringCase("<meta")
          .doesNotContainIgnoringCase("<form")
          .doesNotContainIgnoringCase("<style");
      for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
        assertThat(element.normalName()).as(article.id())
            .isNotIn("script", "style", "svg", "math", "iframe", "object", "embed", "base", "meta", "form", "input");
        for (Attribute attribute : element.attributes()) {
          assertThat(attribute.getKey()).as(article.id()).doesNotStartWith("on").isNotIn("style", "class", "id");
        }
      }
    }
  }

  @Test
  void everyFeedIsWellFormedAndEveryPageRenders() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    ObjectMapper json = new ObjectMapper();
    int feeds = 0;
    List<Route> routes = new ArrayList<>(publication.site().routes().toList());
    // every route of the site, previews of the first pages included; render the older pages' previews too
    publication.site().routes().filter(r -> r instanceof Route.Feed f && f.page() > 1).forEach(r -> routes.add(r.forBrowser()));
    for (Route route : routes) {
      Representation representation = publication.site().render(route).orElseThrow();
      byte[] body = representation.body();
      if (route instanceof Route.Feed feed) {
        if (representation.contentType().contains("xml")) {
          factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } else {
          assertThat(json.readTree(body).get("version").asText()).as(route.toString())
              .isEqualTo("https://jsonfeed.org/version/1.1");
        }
        if (feed.page() == 1) {
          feeds++;
        }
      } else if (route instanceof Route.Opml) {
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
      } else if (route instanceof Route.FeedIndex) {
        assertThat(json.readTree(body).isContainerNode()).isTrue();
      } else if (!(route instanceof Route.Asset)) {
        assertThat(new String(body, StandardCharsets.UTF_8).strip()).as(route.toString())
            .startsWith("<!DOCTYPE html>").endsWith("</html>");
      }
    }
    // the site's three, and three for every category, tag and author
    int topics = 0;
    for (Taxonomy taxonomy : Taxonomy.values()) {
      topics += publication.index().topics(taxonomy).size();
    }
    assertThat(feeds).isEqualTo(3 * (1 + topics));
  }

  @Test
  void namesAreComparedAfterNfcAndTrimmingOnlyAndKeepTheirOwnUrls() {
    Article caseArticle = publication.index().article("case-and-normalization").orElseThrow();
    assertThat(caseArticle.categories()).containsExactly("Java", "java", "JAVA", "caf\u00e9", "\uff4a\uff41\uff56\uff41");
    Article path = publication.index().article("path-characters").orElseThrow();
    assertThat(path.categories()).containsExactly("UI/UX", "..", ".", "%2F", "a?b", "#hash", "a b", "C++", "C#", "100%", "a\\b", "%2E%2E");
    Set<String> urls = new HashSet<>();
    for (String name : path.categories()) {
      String categoryPath = publisher.links().path(new Route.TopicPage(Topic.of(Taxonomy.CATEGORY, name), 1));
      assertThat(publication.get(categoryPath)).as(name).isPresent();
      assertThat(categoryPath.substring("/category/".length())).as(name).doesNotContain("/", "?", "#").isNotIn(".", "..");
      urls.add(categoryPath);
    }
    assertThat(urls).hasSize(path.categories().size());
    assertThat(publication.index().article("yaml11-surprises").orElseThrow().categories())
        .containsExactly("010", "0x1F", "1e3", "~", "null", "yes", "0o17");
    assertThat(publication.index().article("empty-names").orElseThrow().categories()).containsExactly("~");
  }

  @Test
  void textIsKeptAsTextAndDatesAsWritten() {
    Article markup = publication.index().article("markup-in-fields").orElseThrow();
    assertThat(markup.title()).isEqualTo("]]> <script>alert(1)</script> &amp; </title>");
    assertThat(markup.author()).isEqualTo("<b>bold</b> ]]>");
    assertThat(publication.index().article("line-separators").orElseThrow().title()).isEqualTo("one\u2028two\u2029three");
    assertThat(publication.index().article("before-1970").orElseThrow().published())
        .isEqualTo(Instant.parse("1969-07-20T12:17:00Z"));
    assertThat(publication.index().article("far-future").orElseThrow().published())
        .isEqualTo(Instant.parse("9999-12-31T15:59:59Z"));
    assertThat(publication.index().newestFirst().get(0).id()).isEqualTo("far-future");
  }

  @Test
  void whatHexoReadsIsReadAsHexoReadsIt() {
    // the corpus is read in Asia/Shanghai (FixtureSite's timeZone)
    Article moment = publication.index().article("moment-forms").orElseThrow();
    assertThat(moment.published()).isEqualTo(Instant.parse("2018-07-04T01:05:00Z"));
    assertThat(moment.updated()).isEqualTo(Instant.parse("2019-04-05T06:28:54Z"));
    assertThat(publication.index().article("wrong-weekday").orElseThrow().published())
        .isEqualTo(Instant.parse("2021-12-06T00:00:00Z"));
    Article named = publication.index().article("2014-04-05-no-date").orElseThrow();
    assertThat(named.published()).isEqualTo(Instant.parse("2014-04-04T16:00:00Z"));
    assertThat(named.updated()).isEqualTo(named.published());
    assertThat(publication.index().article("no-title").orElseThrow().title()).isEqualTo("no title");
    assertThat(publication.index().article("headless").orElseThrow().title()).isEqualTo("Headless front matter");
    Article json = publication.index().article("json").orElseThrow();
    assertThat(json.title()).isEqualTo("JSON front matter");
    assertThat(json.categories()).containsExactly("a", "b", "c");
    assertThat(json.comments()).isFalse();
    assertThat(publication.index().article("json-headless").orElseThrow().title())
        .isEqualTo("JSON without the opening line");
  }
}
