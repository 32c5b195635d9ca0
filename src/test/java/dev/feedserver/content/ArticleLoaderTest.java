package dev.feedserver.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedserver.FixtureSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleLoaderTest {
  @TempDir Path dir;

  private final ArticleLoader loader =
      new ArticleLoader(
          new FrontMatterParser(new FrontMatterDates(ZoneId.of("Asia/Shanghai")), ContentLimits.DEFAULTS),
          new HtmlSanitizer(URI.create("http://feeds.test/")),
          ContentLimits.DEFAULTS,
          ArticleLoaderTest::bodyContext);

  /** Bodies resolve relative URLs against their entry's URL, as the server's do; no tag links. */
  private static BodyContext bodyContext(Article article) {
    return new BodyContext(URI.create("http://feeds.test/entry/" + article.id() + "/"),
        dev.feedserver.content.hexo.PostContext.NONE);
  }

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
  void articlesNamingTheSameTopicsShareOneInstanceOfEachName() throws Exception {
    // memory grows with the distinct names, not with every mention (heap after GC at 100,000 articles)
    for (String name : List.of("a.md", "b.md", "c.md")) {
      Files.writeString(dir.resolve(name), "---\ntitle: " + name + "\ndate: 2024-03-01\nauthor: Ada"
          + "\ncategories:\n  - [Java, 基础]\n  - Tools\ntags: [jvm, " + (name.equals("c.md") ? "gc" : "jit") + "]\n---\nBody\n",
          StandardCharsets.UTF_8);
    }
    LoadResult result = loader.load(dir);
    Article a = result.articles().get(0);
    Article b = result.articles().get(1);
    Article c = result.articles().get(2);
    assertThat(b.categories()).isSameAs(a.categories());
    assertThat(b.categoryPaths()).isSameAs(a.categoryPaths());
    assertThat(b.tags()).isSameAs(a.tags()).isNotSameAs(c.tags());
    assertThat(c.tags().get(0)).isSameAs(a.tags().get(0));
    assertThat(c.categoryPaths().get(0).get(0)).isSameAs(a.categories().get(0));
    assertThat(c.author()).isSameAs(a.author());
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

  /** The mtime every undated file below gets: 2024-05-01 12:00:00 in Asia/Shanghai. */
  private static final FileTime MODIFIED = FileTime.from(Instant.parse("2024-05-01T04:00:00.250Z"));

  @Test
  void servedWithWarningsWhatNeededAFallbackAndNamesEachOnce() throws Exception {
    Files.writeString(dir.resolve("clean.md"), "---\ntitle: Clean\ndate: 2024-01-01\n---\n<p>c</p>");
    Files.writeString(dir.resolve("2014-04-05-dated.md"), "---\ntitle: Dated\n---\n<p>d</p>");
    Files.setLastModifiedTime(Files.writeString(dir.resolve("undated.md"), "---\ntitle: Undated\n---\n"), MODIFIED);
    Files.writeString(dir.resolve("no_title-here.md"), "date: 2024-01-02\n---\n<p>n</p>");
    Files.writeString(dir.resolve("weekday.md"), ";;;\n\"title\": \"W\",\n\"date\": \"Tue, 06 Dec 2021 00:00:00 GMT\"\n;;;\n");
    Files.writeString(dir.resolve("bad.md"), "---\ntitle: Bad\ndate: 2021-02-30\n---\n");
    LoadResult result = loader.load(dir);
    assertThat(result.articles()).extracting(Article::id)
        .containsExactlyInAnyOrder("clean", "2014-04-05-dated", "undated", "no_title-here", "weekday");
    assertThat(result.problems()).extracting(ArticleProblem::toString)
        .containsExactly("bad.md:3: date: impossible date '2021-02-30': Invalid date 'FEBRUARY 30'");
    assertThat(result.warnings()).extracting(ArticleProblem::toString).containsExactly(
        "2014-04-05-dated.md:1: no date: using 2014-04-05 from the file name",
        "no_title-here.md: no title: using 'no title here' from the file name",
        "undated.md:1: no date: using 2024-05-01 12:00:00 +08:00 from the file's modification time (changes on every checkout)",
        "weekday.md:3: date: 'Tue, 06 Dec 2021 00:00:00 GMT' says Tuesday, but 6 Dec 2021 is a Monday: using the date,"
            + " not the weekday");
    Article dated = article(result, "2014-04-05-dated");
    assertThat(dated.published()).isEqualTo(Instant.parse("2014-04-04T16:00:00Z"));
    assertThat(dated.updated()).as("updated defaults to the date, never the mtime").isEqualTo(dated.published());
    Article undated = article(result, "undated");
    assertThat(undated.published()).isEqualTo(Instant.parse("2024-05-01T04:00:00Z"));
    assertThat(undated.updated()).isEqualTo(undated.published());
    assertThat(article(result, "no_title-here").title()).isEqualTo("no title here");
    assertThat(article(result, "weekday").published()).isEqualTo(Instant.parse("2021-12-06T00:00:00Z"));
    // one file read alone carries its own warnings; a clean one none
    assertThat(loader.read(dir, Path.of("undated.md"), new SharedNames())).isInstanceOfSatisfying(FileResult.Loaded.class,
        loaded -> assertThat(loaded.warnings()).extracting(ArticleProblem::file).containsExactly(Path.of("undated.md")));
    assertThat(loader.read(dir, Path.of("clean.md"), new SharedNames())).isInstanceOfSatisfying(FileResult.Loaded.class,
        loaded -> assertThat(loaded.warnings()).isEmpty());
    // bodies are found after every framing
    assertThat(loader.body(dir, article(result, "no_title-here")).html().html()).isEqualTo("<p>n</p>");
    assertThat(loader.body(dir, dated).html().html()).isEqualTo("<p>d</p>");
  }

  @Test
  void aModificationTimeMovesTheDateOfAnUndatedArticleOnly() throws Exception {
    Path undated = Files.writeString(dir.resolve("undated.md"), "---\ntitle: Undated\n---\n");
    Files.setLastModifiedTime(undated, MODIFIED);
    Files.setLastModifiedTime(Files.writeString(dir.resolve("dated.md"), "---\ntitle: D\ndate: 2024-01-01\n---\n"), MODIFIED);
    Instant before = article(loader.load(dir), "undated").published();
    Files.setLastModifiedTime(undated, FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
    Files.setLastModifiedTime(dir.resolve("dated.md"), FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
    LoadResult after = loader.load(dir);
    assertThat(article(after, "undated").published()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z")).isNotEqualTo(before);
    assertThat(article(after, "dated").published()).isEqualTo(Instant.parse("2023-12-31T16:00:00Z"));
  }

  /** Each pattern of config key newPostName: the file, and the date and title it gives an article without them. */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> postNames() {
    return java.util.stream.Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(":title.md", "source/_posts/2019-07-04-a-post.md",
            "2019-07-03T16:00:00Z", "a post", List.of(
                "source/_posts/2019-07-04-a-post.md:1: no title: using 'a post' from the file name",
                "source/_posts/2019-07-04-a-post.md:1: no date: using 2019-07-04 from the file name")),
        org.junit.jupiter.params.provider.Arguments.of(":year/:month/:day/:title.md", "source/_posts/2019/07/04/a-post.md",
            "2019-07-03T16:00:00Z", "a post", List.of(
                "source/_posts/2019/07/04/a-post.md:1: no title: using 'a post' from the file name",
                "source/_posts/2019/07/04/a-post.md:1: no date: using 2019-07-04 from the file name")),
        org.junit.jupiter.params.provider.Arguments.of(":year/:month/:day/:title.md", "2019-07-04-a-post.md",
            "2024-05-01T04:00:00Z", "a post", List.of(
                "2019-07-04-a-post.md:1: no title: using 'a post' from the file name",
                "2019-07-04-a-post.md:1: no date: using 2024-05-01 12:00:00 +08:00 from the file's modification time"
                    + " (changes on every checkout)")));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{1} as {0}")
  @org.junit.jupiter.params.provider.MethodSource("postNames")
  void theFileNamePatternIsTheConfiguredOne(String pattern, String file, String date, String title, List<String> warnings)
      throws Exception {
    ArticleLoader named = new ArticleLoader(
        new FrontMatterParser(new FrontMatterDates(ZoneId.of("Asia/Shanghai")), ContentLimits.DEFAULTS,
            PostNamePattern.parse(pattern)),
        new HtmlSanitizer(URI.create("http://feeds.test/")),
        ContentLimits.DEFAULTS,
        ArticleLoaderTest::bodyContext);
    Path path = dir.resolve(file);
    Files.createDirectories(path.getParent());
    Files.setLastModifiedTime(Files.writeString(path, "---\nlayout: post\n---\n<p>x</p>"), MODIFIED);
    LoadResult result = named.load(dir);
    assertThat(result.articles()).singleElement().satisfies(a -> {
      assertThat(a.published()).isEqualTo(Instant.parse(date));
      assertThat(a.title()).isEqualTo(title);
    });
    assertThat(result.warnings()).extracting(ArticleProblem::toString).containsExactlyElementsOf(warnings);
  }

  @Test
  void aSkippedDuplicateHasNoWarnings() throws Exception {
    Files.writeString(dir.resolve("a.md"), "---\ntitle: A\ndate: 2024-01-01\nid: same\n---\n");
    Files.writeString(dir.resolve("b.md"), "---\ndate: 2024-01-01\nid: same\n---\n");
    LoadResult result = loader.load(dir);
    assertThat(result.problems()).extracting(ArticleProblem::toString)
        .containsExactly("b.md: duplicate id 'same': already used by a.md");
    assertThat(result.warnings()).isEmpty();
  }

  private static Article article(LoadResult result, String id) {
    return result.articles().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }
}
