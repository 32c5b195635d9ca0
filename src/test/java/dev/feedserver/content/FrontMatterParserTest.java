package dev.feedserver.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FrontMatterParserTest {
  private final FrontMatterParser parser =
      new FrontMatterParser(new FrontMatterDates(ZoneId.of("UTC")), ContentLimits.DEFAULTS);

  @Test
  void readsTheUsersSeedArticle() throws Exception {
    String text = Files.readString(Path.of("seeds", "000_dc3f88500a8e27b9.txt"), StandardCharsets.UTF_8);
    FrontMatterParser.Parsed parsed = parser.parse(text);
    FrontMatter fm = parsed.frontMatter();
    assertThat(fm.title()).isEqualTo("视频号灰度测试购物车功能，微信要扛起腾讯电商大旗了？");
    assertThat(fm.categories()).containsExactly("新媒体", "人人都是产品经理", "最新文章");
    assertThat(fm.author()).isEqualTo("人人都是产品经理");
    assertThat(fm.date()).isEqualTo(Instant.parse("2021-12-06T00:00:00Z"));
    assertThat(fm.comments()).isFalse();
    assertThat(fm.image())
        .contains("https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/12/AMiMikPY6L7FnWiJzWAl.jpg");
    assertThat(fm.id()).isEmpty();
    assertThat(parsed.body()).startsWith("\n<div>").contains("<h2 id=\"toc-1\">");
    assertThat(parsed.warnings()).isEmpty();
  }

  static Stream<Arguments> framings() {
    String fm = "---\ntitle: T\ndate: 2021-12-06\n---\n<p>body</p>";
    return Stream.of(
        Arguments.of("plain", fm),
        Arguments.of("blank lines before ---", "\n\n  \n" + fm),
        Arguments.of("UTF-8 BOM", "\uFEFF" + fm),
        Arguments.of("BOM and blank line", "\uFEFF\n" + fm),
        Arguments.of("CRLF", fm.replace("\n", "\r\n")),
        Arguments.of("CR only", fm.replace("\n", "\r")),
        Arguments.of("trailing spaces on fences", fm.replace("---\n", "---  \n")),
        Arguments.of("YAML end marker ...", fm.replaceFirst("\n---\n<p>", "\n...\n<p>")),
        // Hexo's other framings
        Arguments.of("YAML without the opening ---", fm.substring(4)),
        Arguments.of("without the opening ---, BOM and blank lines", "\uFEFF\n \n" + fm.substring(4)),
        Arguments.of("without the opening ---, CRLF", fm.substring(4).replace("\n", "\r\n")),
        Arguments.of("without the opening ---, CR only", fm.substring(4).replace("\n", "\r")),
        Arguments.of("without the opening ---, first key unknown", "custom: x\n" + fm.substring(4)),
        Arguments.of("JSON members between ;;; lines", ";;;\n\"title\": \"T\",\n\"date\": \"2021-12-06\"\n;;;\n<p>body</p>"),
        Arguments.of("JSON object between ;;; lines", ";;;\n{\"title\": \"T\",\n \"date\": \"2021-12-06\"}\n;;;\n<p>body</p>"),
        Arguments.of("JSON, BOM, blank lines, CRLF", "\uFEFF\r\n;;;\r\n{\"title\": \"T\", \"date\": \"2021-12-06\"}\r\n;;;\r\n<p>body</p>"),
        Arguments.of("JSON object without the opening ;;;", "{\"title\": \"T\", \"date\": \"2021-12-06\"}\n;;;\n<p>body</p>"),
        Arguments.of("JSON members without the opening ;;;", "\"title\": \"T\",\n\"date\": \"2021-12-06\"\n;;;\n<p>body</p>"),
        Arguments.of("JSON with a ;;; fence trailing spaces", ";;;  \n{\"title\": \"T\", \"date\": \"2021-12-06\"}\n;;; \n<p>body</p>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("framings")
  void acceptsRealWorldFraming(String name, String text) throws Exception {
    FrontMatterParser.Parsed parsed = parser.parse(text);
    assertThat(parsed.frontMatter().title()).isEqualTo("T");
    assertThat(parsed.frontMatter().date()).isEqualTo(Instant.parse("2021-12-06T00:00:00Z"));
    assertThat(parsed.body().strip()).isEqualTo("<p>body</p>");
  }

  @Test
  void bodyMayContainDashes() throws Exception {
    var parsed = parser.parse("---\ntitle: T\ndate: 2021-12-06\n---\n<p>a</p>\n---\n<p>b</p>");
    assertThat(parsed.body()).isEqualTo("<p>a</p>\n---\n<p>b</p>");
    var headless = parser.parse("title: T\ndate: 2021-12-06\n---\n<p>a</p>\n---\n<p>b</p>\n;;;\n");
    assertThat(headless.body()).isEqualTo("<p>a</p>\n---\n<p>b</p>\n;;;\n");
    var json = parser.parse(";;;\n\"title\": \"T\", \"date\": \"2021-12-06\"\n;;;\n<p>a</p>\n;;;\n---\n");
    assertThat(json.body()).isEqualTo("<p>a</p>\n;;;\n---\n");
  }

  @Test
  void jsonScalarsAreReadAsText() throws Exception {
    var fm = parser.parse(
            ";;;\n{\"title\": 123, \"date\": \"2021-12-06\", \"comments\": false, \"categories\": [\"A\", [\"B\", 1.5]],"
                + " \"tags\": null, \"author\": \"\\u00e9\", \"id\": \"x\"}\n;;;\n")
        .frontMatter();
    assertThat(fm.title()).isEqualTo("123");
    assertThat(fm.comments()).isFalse();
    assertThat(fm.categories()).containsExactly("A", "B", "1.5");
    assertThat(fm.categoryPaths()).containsExactly(List.of("A"), List.of("B", "1.5"));
    assertThat(fm.tags()).isEmpty();
    assertThat(fm.author()).isEqualTo("é");
    assertThat(fm.id()).contains("x");
  }

  /** A head without an opening fence that is not front matter: the file has none. */
  static Stream<Arguments> notFrontMatter() {
    return Stream.of(
        Arguments.of("<p>a</p>\n---\n<p>b</p>", 1),
        Arguments.of("Heading\n---\nText", 1),
        Arguments.of("<div>Note: x</div>\n---\n<p>y</p>", 1),
        Arguments.of("# Title\n\nSome text.\n---\nmore", 1),
        Arguments.of("- a\n- b\n---\n", 1),
        Arguments.of("Author: Ada\nDate: 2021-12-06\n---\n", 1),
        Arguments.of("<p>a: [</p>\n---\n", 1),
        Arguments.of("\n\nNote: hi\n---\n<p>x</p>", 3),
        Arguments.of("title: T\ndate: 2021-12-06\n<p>no rule below</p>", 1),
        Arguments.of("{\"a\": 1}\n;;;\n", 1),
        Arguments.of("[\"title\"]\n;;;\n", 1),
        Arguments.of("<p>a</p>\n;;;\n", 1),
        Arguments.of("\"Note\": \"x\"\n;;;\n", 1));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("notFrontMatter")
  void aBodyWithoutFrontMatterIsNotMisread(String text, int line) {
    ArticleException e = catchThrowableOfType(ArticleException.class, () -> parser.parse(text));
    assertThat(e).as("expected a problem").isNotNull();
    assertThat(e.getMessage()).isEqualTo(FrontMatterParser.NO_FRONT_MATTER);
    assertThat(e.line()).isEqualTo(line);
  }

  /** Hexo's singular keys: read as the plural, added after it. */
  static Stream<Arguments> aliases() {
    return Stream.of(
        Arguments.of("category: A", List.of("A"), List.of(List.of("A")), List.of()),
        Arguments.of("category: [A, B]", List.of("A", "B"), List.of(List.of("A", "B")), List.of()),
        Arguments.of("categories: [A, B]\ncategory: C", List.of("A", "B", "C"), List.of(List.of("A", "B"), List.of("C")), List.of()),
        Arguments.of("category: C\ncategories: [A]", List.of("A", "C"), List.of(List.of("A"), List.of("C")), List.of()),
        Arguments.of("categories: A\ncategory: A", List.of("A"), List.of(List.of("A")), List.of()),
        Arguments.of("tag: x", List.of(), List.of(), List.of("x")),
        Arguments.of("tag: [y, x]\ntags: [x]", List.of(), List.of(), List.of("x", "y")),
        Arguments.of("tags: []\ntag: z", List.of(), List.of(), List.of("z")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("aliases")
  void singularKeysAreAliases(String yaml, List<String> categories, List<List<String>> paths, List<String> tags)
      throws Exception {
    var fm = parser.parse("---\ntitle: T\ndate: 2021-12-06\n" + yaml + "\n---\n").frontMatter();
    assertThat(fm.categories()).containsExactlyElementsOf(categories);
    assertThat(fm.categoryPaths()).containsExactlyElementsOf(paths);
    assertThat(fm.tags()).containsExactlyElementsOf(tags);
  }

  @Test
  void aliasesAreCheckedAndCountedWithThePlural() {
    ArticleException wrongType = catchThrowableOfType(ArticleException.class,
        () -> parser.parse("---\ntitle: T\ndate: 2021-12-06\ncategories: A\ncategory: {a: b}\n---\n"));
    assertThat(wrongType).hasMessage("category must be a name or a list of names, not a mapping");
    assertThat(wrongType.line()).isEqualTo(5);
    FrontMatterParser tight =
        new FrontMatterParser(new FrontMatterDates(ZoneId.of("UTC")), new ContentLimits(1024, 0, 4, 2));
    ArticleException tooMany = catchThrowableOfType(ArticleException.class,
        () -> tight.parse("---\ntitle: T\ndate: 2021-12-06\ntags: [a, b]\ntag: c\n---\n"));
    assertThat(tooMany).hasMessage("tag: more than 2 names (config key 'maxNames')");
    assertThat(tooMany.line()).isEqualTo(5);
  }

  /** Front matter meant as such (its first line names a known key) that cannot be read: the reason is named. */
  static Stream<Arguments> otherFramingProblems() {
    StringBuilder deep = new StringBuilder(";;;\n{\"title\": \"T\", \"date\": \"2021-12-06\", \"x\": ");
    deep.append("[".repeat(40)).append("]".repeat(40)).append("}\n;;;\n");
    return Stream.of(
        Arguments.of("title: T\ndate: 2021-12-06\ntitle: U\n---\n", 3, "invalid YAML: while constructing a mapping: found duplicate key title"),
        Arguments.of("title: T\ndate: 2021-02-30\n---\n", 2, "date: impossible date '2021-02-30': Invalid date 'FEBRUARY 30'"),
        Arguments.of("\ntitle: [T\n---\n", 2, "invalid YAML"),
        Arguments.of("title: T\ncategories: {a: b}\ndate: 2021-12-06\n---\n", 2, "categories must be a name or a list of names, not a mapping"),
        Arguments.of(";;;\n\"title\": \"T\"\n", 1, "front matter opened by ';;;' on this line is never closed by ';;;'"),
        Arguments.of(";;;\n;;;\n", 1, "front matter is empty"),
        Arguments.of(";;;\n[1, 2]\n;;;\n", 2, "front matter must be a mapping of keys to values"),
        Arguments.of(";;;\n{\"title\": \"T\",\n \"title\": \"U\"}\n;;;\n", 3, "invalid JSON: Duplicate field 'title'"),
        Arguments.of(";;;\n{\"title\": \"T\",}\n;;;\n", 2, "invalid JSON"),
        Arguments.of(";;;\n{\"title\": \"T\"} x\n;;;\n", 2, "invalid JSON"),
        Arguments.of(";;;\n// comment\n\"title\": \"T\"\n;;;\n", 2, "invalid JSON"),
        Arguments.of("{\"title\": \"T\",}\n;;;\n", 1, "invalid JSON"),
        Arguments.of(";;;\n\"title\": \"T\",\n\"date\": \"2021-12-06\",\n\"tags\": {\"a\": \"b\"}\n;;;\n", 4,
            "tags must be a name or a list of names, not a mapping"),
        Arguments.of(";;;\n\"title\": [\"T\"]\n;;;\n", 2, "title must be a single text value, not a list"),
        Arguments.of(deep.toString(), 2, "invalid JSON"),
        Arguments.of(";;;\n\"title\": \"" + "x".repeat(1_100_000) + "\"\n;;;\n", 2, "invalid JSON: longer than 1048576 code points"));
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("otherFramingProblems")
  void otherFramingsNameTheirProblems(String text, int line, String reason) {
    ArticleException e = catchThrowableOfType(ArticleException.class, () -> parser.parse(text));
    assertThat(e).as("expected a problem").isNotNull();
    assertThat(e.getMessage()).startsWith(reason);
    assertThat(e.line()).isEqualTo(line);
  }

  /** Each shape: the names (every name a category, in a plain folder) and Hexo's hierarchies (in a Hexo site). */
  static Stream<Arguments> categoryShapes() {
    return Stream.of(
        Arguments.of("categories: 新媒体", List.of("新媒体"), List.of(List.of("新媒体"))),
        Arguments.of("categories: [A, B]", List.of("A", "B"), List.of(List.of("A", "B"))),
        Arguments.of("categories:\n - A\n - B", List.of("A", "B"), List.of(List.of("A", "B"))),
        Arguments.of("categories:\n - A\n - [B, C]", List.of("A", "B", "C"), List.of(List.of("A"), List.of("B", "C"))),
        Arguments.of("categories: [[A, B], [C]]", List.of("A", "B", "C"), List.of(List.of("A", "B"), List.of("C"))),
        Arguments.of("categories: [[A, B], [A, B]]", List.of("A", "B"), List.of(List.of("A", "B"))),
        Arguments.of("categories: [A, [B, [C]]]", List.of("A", "B", "C"), List.of(List.of("A"), List.of("B", "C"))),
        Arguments.of("categories: [' A ', A, '']", List.of("A"), List.of(List.of("A", "A"))),
        Arguments.of("categories: [C++, C#, 'UI/UX']", List.of("C++", "C#", "UI/UX"), List.of(List.of("C++", "C#", "UI/UX"))),
        Arguments.of("categories: [no, 010, 1.5]", List.of("no", "010", "1.5"), List.of(List.of("no", "010", "1.5"))),
        Arguments.of("categories: [\"e\\u0301t\\u00e9\"]", List.of("été"), List.of(List.of("été"))),
        Arguments.of("categories:", List.of(), List.of()),
        Arguments.of("other: x", List.of(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("categoryShapes")
  void categoriesInEveryHexoShape(String yaml, List<String> names, List<List<String>> paths) throws Exception {
    var parsed = parser.parse("---\ntitle: T\ndate: 2021-12-06\n" + yaml + "\n---\n");
    assertThat(parsed.frontMatter().categories()).containsExactlyElementsOf(names);
    assertThat(parsed.frontMatter().categoryPaths()).containsExactlyElementsOf(paths);
  }

  @Test
  void readsEveryKnownKey() throws Exception {
    var fm =
        parser
            .parse(
                """
                ---
                title: '  Hello  '
                categories: A
                tags: [x, y]
                author: Ada
                date: 2021-12-06 10:00:00
                updated: 2021-12-07T00:00:00+08:00
                thumbnail: https://t.example/x.png
                comments: no
                id: my-id
                custom: ignored
                ---
                """)
            .frontMatter();
    assertThat(fm)
        .isEqualTo(
            new FrontMatter(
                "Hello",
                List.of("A"),
                List.of(List.of("A")),
                List.of("x", "y"),
                "Ada",
                Instant.parse("2021-12-06T10:00:00Z"),
                Optional.of(Instant.parse("2021-12-06T16:00:00Z")),
                Optional.of("https://t.example/x.png"),
                false,
                Optional.of("my-id"),
                Optional.empty(),
                true));
  }

  static Stream<Arguments> hexoImageAndSummaryKeys() {
    return Stream.of(
        Arguments.of("headimg: h.png\nthumbnail: t.png\ncover: c.png", "h.png"),
        Arguments.of("thumbnail: t.png\ncover: c.png", "t.png"),
        Arguments.of("cover: c.png\nbanner: b.png", "c.png"),
        Arguments.of("banner: b.png\nindex_img: i.png", "b.png"),
        Arguments.of("index_img: i.png\nphotos: [p.png]", "i.png"),
        Arguments.of("photos:\n  - p1.png\n  - p2.png", "p1.png"),
        Arguments.of("photos: p.png", "p.png"),
        Arguments.of("other: x", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hexoImageAndSummaryKeys")
  void theEntrysImageComesFromHexosAndItsThemesKeys(String yaml, String image) throws Exception {
    var fm = parser.parse("---\ntitle: T\ndate: 2021-12-06\n" + yaml + "\n---\n").frontMatter();
    assertThat(fm.image()).isEqualTo(image.isEmpty() ? Optional.empty() : Optional.of(image));
  }

  @Test
  void aNameOverTheLimitIsShortenedWithAStableHashAndTheArticleIsServed() throws Exception {
    String base = "名".repeat(250);
    String a = base + "😀".repeat(10);
    String b = base + "😁".repeat(10);
    String shortA = FrontMatterParser.shortened(a);
    assertThat(shortA.codePointCount(0, shortA.length())).isEqualTo(FrontMatterParser.MAX_NAME_LENGTH);
    assertThat(shortA).startsWith("名".repeat(247)).matches(".*~[0-9a-f]{8}");
    assertThat(FrontMatterParser.shortened(a)).isEqualTo(shortA); // stable
    assertThat(FrontMatterParser.shortened(b)).isNotEqualTo(shortA); // two names stay two
    assertThat(FrontMatterParser.shortened("名".repeat(256))).isEqualTo("名".repeat(256));
    // a name cut on a code-point boundary: no half surrogate pair
    String emoji = FrontMatterParser.shortened("😀".repeat(300));
    assertThat(emoji.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
    assertThat(emoji.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
    var parsed = parser.parse("---\ntitle: T\ndate: 2021-12-06\ntags: ['" + a + "']\ncategories: ['" + a + "']\n---\n");
    assertThat(parsed.frontMatter().tags()).containsExactly(shortA);
    assertThat(parsed.frontMatter().categoryPaths()).containsExactly(List.of(shortA));
    assertThat(parsed.warnings()).extracting(FrontMatterParser.Warning::reason)
        .allMatch(r -> r.contains("a name longer than 256 characters is shortened to '" + shortA + "'"))
        .hasSize(2);
  }

  @Test
  void aHandWrittenSummaryAndThePublishedSwitch() throws Exception {
    var described = parser.parse("---\ntitle: T\ndate: 2021-12-06\ndescription: ' Mine '\nexcerpt: Not this\n---\n")
        .frontMatter();
    assertThat(described.description()).contains("Mine");
    assertThat(described.published()).isTrue();
    var excerpt = parser.parse("---\ntitle: T\ndate: 2021-12-06\nexcerpt: This one\npublished: false\n---\n")
        .frontMatter();
    assertThat(excerpt.description()).contains("This one");
    assertThat(excerpt.published()).isFalse();
  }

  @Test
  void headimgWinsOverThumbnail() throws Exception {
    var fm =
        parser.parse("---\ntitle: T\ndate: 2021-12-06\nthumbnail: b\nheadimg: a\n---\n").frontMatter();
    assertThat(fm.image()).contains("a");
  }

  @Test
  void forbiddenCharactersAreRemovedFromText() throws Exception {
    var fm =
        parser
            .parse("---\ntitle: \"A\\x01B\\uFFFEC\"\nauthor: \"x\\x0By\"\ndate: 2021-12-06\n---\n")
            .frontMatter();
    assertThat(fm.title()).isEqualTo("ABC");
    assertThat(fm.author()).isEqualTo("xy");
  }

  static Stream<Arguments> problems() {
    return Stream.of(
        Arguments.of("", 0, "empty file"),
        Arguments.of("\n\n", 0, "empty file"),
        Arguments.of("<p>no front matter</p>", 1, "no front matter"),
        Arguments.of("\n\ntitle: x\n", 3, "no front matter"),
        Arguments.of("---\ntitle: T\ndate: 2021-12-06\n", 1, "never closed"),
        Arguments.of("---\n---\n", 1, "front matter is empty"),
        Arguments.of("---\n- a\n- b\n---\n", 2, "must be a mapping"),
        Arguments.of("---\ntitle: T\ndate: 2021-12-06\ntitle: U\n---\n", 4, "duplicate key"),
        Arguments.of("---\ntitle: T\n  bad: [\ndate: x\n---\n", 3, "invalid YAML"),
        Arguments.of("---\ntitle: [a, b]\ndate: 2021-12-06\n---\n", 2, "title must be a single text value"),
        Arguments.of("---\ntitle: ''\ndate: 2021-12-06\n---\n", 2, "missing title"),
        Arguments.of("---\ndate: 2021-12-06\n---\n", 1, "missing title"),
        Arguments.of("---\ntitle: T\n---\n", 1, "missing date"),
        Arguments.of("\n---\ntitle: T\ndate: 2021-02-30\n---\n", 4, "date: impossible date"),
        Arguments.of("---\ntitle: T\ndate: [1]\n---\n", 3, "date must be a single text value"),
        Arguments.of("---\ntitle: T\ndate: 2021-12-06\nupdated: soon\n---\n", 4, "updated: unrecognised date"),
        Arguments.of("---\ntitle: T\ndate: 2021-12-06\ncategories: {a: b}\n---\n", 4, "categories must be a name or a list of names, not a mapping"),
        Arguments.of("---\ntitle: T\ndate: 2021-12-06\ncomments: maybe\n---\n", 4, "comments must be true or false"),
        Arguments.of("---\ntitle: !!python/object:os.system x\ndate: 2021-12-06\n---\n", 2, "invalid YAML"),
        Arguments.of("---\ntitle: !custom x\ndate: 2021-12-06\n---\n", 2, "invalid YAML"));
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("problems")
  void problemsNameTheLine(String text, int line, String reason) {
    ArticleException e = catchThrowableOfType(ArticleException.class, () -> parser.parse(text));
    assertThat(e).as("expected a problem").isNotNull();
    assertThat(e.getMessage()).contains(reason);
    assertThat(e.line()).isEqualTo(line);
  }

  private static final Instant MODIFIED = Instant.parse("2024-05-01T04:00:00.750Z");
  private static final String FROM_MTIME =
      "using 2024-05-01 04:00:00 +00:00 from the file's modification time (changes on every checkout)";

  /** What is missing is taken from the file, with a warning: file name, pattern, text, title, date, warnings. */
  static Stream<Arguments> fallbacks() {
    String noDate = "---\ntitle: T\n---\n";
    String noTitle = "---\ndate: 2021-12-06\n---\n";
    return Stream.of(
        Arguments.of("hello-world.md", ":title.md", noTitle, "hello world", "2021-12-06T00:00:00Z",
            List.of("1: no title: using 'hello world' from the file name")),
        Arguments.of("posts/sub/My_first--post.html", ":title.md", noTitle, "My first post", "2021-12-06T00:00:00Z",
            List.of("1: no title: using 'My first post' from the file name")),
        Arguments.of("2014-04-05-hello_world.md", ":title.md", noTitle, "hello world", "2021-12-06T00:00:00Z",
            List.of("1: no title: using 'hello world' from the file name")),
        Arguments.of("x.md", ":title.md", "---\ntitle: '  '\ndate: 2021-12-06\n---\n", "x", "2021-12-06T00:00:00Z",
            List.of("2: no title: using 'x' from the file name")),
        Arguments.of("2014-04-05-hello.md", ":title.md", noDate, "T", "2014-04-05T00:00:00Z",
            List.of("1: no date: using 2014-04-05 from the file name")),
        Arguments.of("a/b/2014-04-05-hello.md", ":title.md", noDate, "T", "2014-04-05T00:00:00Z",
            List.of("1: no date: using 2014-04-05 from the file name")),
        Arguments.of("2014-4-5-hello.md", ":title.md", noDate, "T", "2024-05-01T04:00:00Z",
            List.of("1: no date: " + FROM_MTIME)),
        Arguments.of("hello.md", ":title.md", noDate, "T", "2024-05-01T04:00:00Z",
            List.of("1: no date: " + FROM_MTIME)),
        Arguments.of("2021-02-30-hello.md", ":title.md", noDate, "T", "2024-05-01T04:00:00Z",
            List.of("1: no date (the file name's impossible date '2021-02-30': Invalid date 'FEBRUARY 30'): " + FROM_MTIME)),
        Arguments.of("2019-07-04-x.md", ":year-:month-:day-:title.md", noDate, "T", "2019-07-04T00:00:00Z",
            List.of("1: no date: using 2019-07-04 from the file name")),
        Arguments.of("2019-7-4-x.md", ":year-:i_month-:i_day-:title.md", noDate, "T", "2019-07-04T00:00:00Z",
            List.of("1: no date: using 2019-07-04 from the file name")),
        Arguments.of("2019-7-4-x.md", ":year-:month-:day-:title.md", noDate, "T", "2024-05-01T04:00:00Z",
            List.of("1: no date: " + FROM_MTIME)),
        Arguments.of("source/_posts/2019/07/04/x.md", ":year/:month/:day/:title.md", noDate, "T", "2019-07-04T00:00:00Z",
            List.of("1: no date: using 2019-07-04 from the file name")),
        Arguments.of("2019-07-04-09-30-x.md", ":year-:month-:day-:hour-:minute-:title.md", noDate, "T",
            "2019-07-04T09:30:00Z", List.of("1: no date: using 2019-07-04 09:30:00 from the file name")),
        Arguments.of("en/2019-07-04-x.md", ":lang/:year-:month-:day-:title.md", noDate, "T", "2019-07-04T00:00:00Z",
            List.of("1: no date: using 2019-07-04 from the file name")),
        Arguments.of("2014-04-05-x.md", ":year/:title.md", noDate, "T", "2024-05-01T04:00:00Z",
            List.of("1: no date: " + FROM_MTIME)),
        Arguments.of("2019-07-04-x-y.md", ":year-:month-:day-:title.md", "---\nlayout: post\n---\n", "x y",
            "2019-07-04T00:00:00Z",
            List.of("1: no title: using 'x y' from the file name", "1: no date: using 2019-07-04 from the file name")),
        Arguments.of("2019-07-04-x.md", ":title.md", "layout: post\n---\n", "x", "2019-07-04T00:00:00Z",
            List.of("0: no title: using 'x' from the file name", "0: no date: using 2019-07-04 from the file name")),
        Arguments.of("w.md", ":title.md", "---\ntitle: T\ndate: Tue, 06 Dec 2021 00:00:00 GMT\n---\n", "T",
            "2021-12-06T00:00:00Z",
            List.of("3: date: 'Tue, 06 Dec 2021 00:00:00 GMT' says Tuesday, but 6 Dec 2021 is a Monday: using the date,"
                + " not the weekday")),
        Arguments.of("x.md", ":title.md", "---\ntitle: T\ndate: 2021-12-06\n---\n", "T", "2021-12-06T00:00:00Z", List.of()));
  }

  @ParameterizedTest(name = "[{index}] {0} as {1}")
  @MethodSource("fallbacks")
  void whatIsMissingIsTakenFromTheFileWithAWarning(String file, String pattern, String text, String title,
      String date, List<String> warnings) throws Exception {
    FrontMatterParser named =
        new FrontMatterParser(new FrontMatterDates(ZoneId.of("UTC")), ContentLimits.DEFAULTS, PostNamePattern.parse(pattern));
    var parsed = named.parse(text, FrontMatterParser.Origin.of(Path.of(file), MODIFIED));
    assertThat(parsed.frontMatter().title()).isEqualTo(title);
    assertThat(parsed.frontMatter().date()).isEqualTo(Instant.parse(date));
    assertThat(parsed.frontMatter().updated()).isEmpty();
    assertThat(parsed.warnings()).extracting(w -> w.line() + ": " + w.reason()).containsExactlyElementsOf(warnings);
  }

  @Test
  void withoutAFileOrAUsableTimeAMissingDateIsStillAProblem() {
    assertThat(catchThrowableOfType(ArticleException.class, () -> parser.parse("---\ntitle: T\n---\n")))
        .hasMessage("missing date (and no file name or modification time to take one from)");
    assertThat(catchThrowableOfType(ArticleException.class, () -> parser.parse("---\ndate: 2021-12-06\n---\n")))
        .hasMessage("missing title (and no file name to make one from)");
    assertThat(catchThrowableOfType(ArticleException.class,
            () -> parser.parse("---\ntitle: T\n---\n",
                FrontMatterParser.Origin.of(Path.of("x.md"), Instant.parse("1800-01-01T00:00:00Z")))))
        .hasMessage("missing date, and the file's modification time: date out of range '1800-01-01 00:00:00 +00:00':"
            + " years 1900 to 9999 only");
  }

  @Test
  void aliasBombIsRefused() {
    StringBuilder yaml = new StringBuilder("---\ntitle: T\ndate: 2021-12-06\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    yaml.append("categories: *a9\n---\n");
    ArticleException e = catchThrowableOfType(ArticleException.class, () -> parser.parse(yaml.toString()));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("invalid YAML");
  }

  @Test
  void aliasesUnderTheLimitExpandToDistinctNamesOnly() throws Exception {
    // 3 levels of 5 references (under the alias limit) reach 125 names; repeats collapse.
    String yaml =
        "---\ntitle: T\ndate: 2021-12-06\n"
            + "a: &a [v1, v2, v3, v4, v5]\n"
            + "b: &b [*a, *a, *a, *a, *a]\n"
            + "categories: [*b, *b, *b, *b, *b]\n---\n";
    assertThat(parser.parse(yaml).frontMatter().categories()).containsExactly("v1", "v2", "v3", "v4", "v5");
  }

  @Test
  void tooManyDistinctNamesIsAProblem() {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i <= FrontMatterParser.MAX_NAMES; i++) {
      names.append(i == 0 ? "" : ", ").append("c").append(i);
    }
    ArticleException e =
        catchThrowableOfType(
            ArticleException.class,
            () -> parser.parse("---\ntitle: T\ndate: 2021-12-06\ncategories: [" + names + "]\n---\n"));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("categories: more than 100 names");
    assertThat(e.line()).isEqualTo(4);
  }

  @Test
  void configuredLimitsApply() {
    FrontMatterParser tight =
        new FrontMatterParser(new FrontMatterDates(ZoneId.of("UTC")), new ContentLimits(1024, 0, 2, 2));
    String head = "---\ntitle: T\ndate: 2021-12-06\n";
    assertThat(catchThrowableOfType(ArticleException.class, () -> tight.parse(head + "categories: [a, b, c]\n---\n")))
        .hasMessage("categories: more than 2 names (config key 'maxNames')");
    assertThat(catchThrowableOfType(ArticleException.class, () -> tight.parse(head + "a: &a [x]\ncategories: *a\n---\n")))
        .hasMessageContaining("invalid YAML");
    assertThat(catchThrowableOfType(ArticleException.class, () -> tight.parse(head + "x: [[[y]]]\n---\n")))
        .hasMessageContaining("invalid YAML");
  }
}
