package dev.feedserver.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedserver.FixtureSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleLoaderTest {
  @TempDir Path dir;

  private final ArticleLoader loader =
      new ArticleLoader(
          new FrontMatterParser(new FrontMatterDates(ZoneId.of("Asia/Shanghai")), ContentLimits.DEFAULTS),
          new HtmlSanitizer(URI.create("http://feeds.test/")),
          ContentLimits.DEFAULTS,
          article -> new dev.feedserver.content.BodyContext(URI.create("http://feeds.test/entry/" + article.id() + "/"),
              dev.feedserver.content.hexo.PostContext.NONE));

  @Test
  void loadsTheFixtureAndNamesEveryProblem() throws Exception {
    LoadResult result = loader.load(FixtureSite.copyTo(dir));
    assertThat(result.articles())
        .extracting(Article::id)
        .containsExactlyInAnyOrder(
            "000_dc3f88500a8e27b9", "hello-world", "custom-id-42", "same-day-a", "same-day-b");
    assertThat(result.problems())
        .extracting(ArticleProblem::toString)
        .containsExactly("impossible-date.md:4: date: impossible date '2021-02-30': Invalid date 'FEBRUARY 30'");
  }

  @Test
  void articleFieldsComeFromFrontMatterAndSanitizedBody() throws Exception {
    LoadResult result = loader.load(FixtureSite.copyTo(dir));
    Article hello =
        result.articles().stream().filter(a -> a.id().equals("hello-world")).findFirst().orElseThrow();
    assertThat(hello.file()).isEqualTo(Path.of("hello-world.md"));
    assertThat(hello.title()).isEqualTo("Hello, <World> & \"friends\"");
    assertThat(hello.categories()).containsExactly("Java", "C++");
    assertThat(hello.published()).isEqualTo(Instant.parse("2024-03-01T01:30:00Z"));
    assertThat(hello.updated()).isEqualTo(Instant.parse("2024-03-02T08:00:00Z"));
    assertThat(hello.image()).contains("https://img.example.com/hello.png");
    ArticleBody body = loader.body(dir, hello);
    assertThat(body.html().html())
        .contains("<a href=\"http://feeds.test/about\"")
        .contains("<img src=\"http://feeds.test/images/a.png\" alt=\"A\" referrerpolicy=\"no-referrer\">")
        .doesNotContain("script", "onerror", "svg", "button", "Buy now", "class=", "data-");
    assertThat(body.summary()).startsWith("First post with a relative link.");
  }

  @Test
  void idIsTheFileNameNotThePathSoAMoveKeepsIt() throws Exception {
    Path a = Files.createDirectories(dir.resolve("2021/12"));
    Files.copy(FixtureSite.SEED, a.resolve("000_dc3f88500a8e27b9.txt"));
    assertThat(loader.load(dir).articles()).extracting(Article::id).containsExactly("000_dc3f88500a8e27b9");
  }

  @Test
  void duplicateIdsKeepTheFirstPathAndReportTheRest() throws Exception {
    String article = "---\ntitle: %s\ndate: 2024-01-01\nid: same\n---\n<p>x</p>";
    Files.writeString(dir.resolve("b.md"), article.formatted("B"));
    Files.writeString(dir.resolve("a.md"), article.formatted("A"));
    LoadResult result = loader.load(dir);
    assertThat(result.articles()).extracting(Article::title).containsExactly("A");
    assertThat(result.problems())
        .extracting(ArticleProblem::toString)
        .containsExactly("b.md: duplicate id 'same': already used by a.md");
  }

  @Test
  void skipsNonArticlesAndReportsUnreadableEncodings() throws Exception {
    Files.writeString(dir.resolve("good.html"), "---\ntitle: G\ndate: 2024-01-01\n---\n<p>g</p>");
    Files.writeString(dir.resolve("image.png"), "not an article");
    Files.writeString(dir.resolve(".hidden.md"), "---\ntitle: H\ndate: 2024-01-01\n---\n");
    Files.writeString(dir.resolve("good.md~"), "backup");
    Files.write(
        dir.resolve("latin1.md"),
        "---\ntitle: caf\u00e9\ndate: 2024-01-01\n---\n".getBytes(StandardCharsets.ISO_8859_1));
    LoadResult result = loader.load(dir);
    assertThat(result.articles()).extracting(Article::id).containsExactly("good");
    assertThat(result.problems())
        .extracting(ArticleProblem::toString)
        .containsExactly("latin1.md:2: not valid UTF-8 (first bad byte at offset 14; it looks like Latin-1 or Windows-1252):"
                + " convert the file to UTF-8");
  }
}
