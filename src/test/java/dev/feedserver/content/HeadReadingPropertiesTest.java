package dev.feedserver.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Loading reads only the start of a file, as far as its front matter goes: whatever the front
 * matter's length (across the sizes loading reads and decodes in steps), its fences and the bytes
 * around them, the article it loads is the one the parser reads from the whole file, and a file
 * the whole of which is refused is refused with the whole file's error, unless what is wrong lies
 * past the front matter (then it is found when the body is first read).
 */
class HeadReadingPropertiesTest {
  private static final Path DIR = temporaryFolder();
  private static final Path FILE = Path.of("post.md");

  private final FrontMatterParser parser =
      new FrontMatterParser(new FrontMatterDates(ZoneId.of("UTC")), ContentLimits.DEFAULTS);
  private final ArticleLoader loader = new ArticleLoader(parser, new HtmlSanitizer(URI.create("http://feeds.test/")),
      ContentLimits.DEFAULTS, article -> new BodyContext(URI.create("http://feeds.test/entry/x/"),
          dev.feedserver.content.hexo.PostContext.NONE));

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("head-reading");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterContainer
  static void removeFolder() throws IOException {
    try (Stream<Path> paths = Files.walk(DIR)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /**
   * A generated file: its bytes, where its front matter's closing line ends, and the file without
   * the bytes put in to spoil it.
   */
  record Sample(byte[] bytes, int headEnd, byte[] clean) {
    @Override
    public String toString() {
      return "Sample(" + bytes.length + " bytes, front matter to " + headEnd + ": "
          + new String(bytes, 0, Math.min(bytes.length, 160), StandardCharsets.UTF_8).replace("\n", "\\n") + "...)";
    }
  }

  @Provide
  Arbitrary<Sample> samples() {
    // sizes around the steps loading reads (4 KiB) and decodes in, and the 8 and 16 KiB the encoding checks see
    Arbitrary<Integer> length = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 300),
        Arbitraries.integers().between(3900, 4300),
        Arbitraries.integers().between(8000, 8400),
        Arbitraries.integers().between(16200, 16600),
        Arbitraries.integers().between(0, 40_000));
    Arbitrary<String> filler = Arbitraries.of("a", "周报", "é", "ab ", "𝄞");
    Arbitrary<String> opening = Arbitraries.of("---\n", "", "\n\n---\n", "---\r\n", "--- \n");
    Arbitrary<String> closing = Arbitraries.of("---\n", "--- \n", "...\n", "---\r\n", "---", "---\n\n\n", "----\n---\n");
    Arbitrary<String> extraKeys = Arbitraries.of("", "tags: [a, b]\n", "categories:\n- 周报\n- x\n", "author: 某人\n",
        "date: 2021-03-04\n", "updated: 2021-05-06 07:08:09\n", "title: \"quoted: yes\"\n", "weird: [\n");
    Arbitrary<String> corruption = Arbitraries.of("", "\0", "\u00ff", "\u00c3", "\u00fe\u00ff", "\u00ed\u00a0\u0080");
    return Combinators.combine(opening, length, filler, extraKeys, closing, length, corruption,
            Arbitraries.doubles().between(0, 1))
        .as((open, headLength, fill, extra, close, bodyLength, bad, where) -> {
          String head = open + "title: 标题 " + fill + "\n" + extra + "description: "
              + fill.repeat(Math.max(0, headLength / Math.max(1, fill.length()))) + "\n" + close;
          String body = "<p>" + fill.repeat(bodyLength / Math.max(1, fill.length())) + "</p>\n";
          byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
          byte[] text = (head + body).getBytes(StandardCharsets.UTF_8);
          if (bad.isEmpty()) {
            return new Sample(text, headBytes.length, text);
          }
          byte[] badBytes = bad.getBytes(StandardCharsets.ISO_8859_1); // the chars are the bytes
          int at = bad.equals("\u00fe\u00ff") ? 0 : (int) (where * text.length);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.write(text, 0, at);
          out.write(badBytes, 0, badBytes.length);
          out.write(text, at, text.length - at);
          return new Sample(out.toByteArray(), at < headBytes.length ? headBytes.length + badBytes.length : headBytes.length,
              text);
        });
  }

  @Property(tries = 400)
  void loadingTheStartIsParsingTheWholeFile(@ForAll("samples") Sample sample) throws IOException {
    Files.write(DIR.resolve(FILE), sample.bytes());
    FrontMatterParser.Origin origin =
        FrontMatterParser.Origin.of(FILE, Files.getLastModifiedTime(DIR.resolve(FILE)).toInstant());
    FileResult loaded = loader.read(DIR, FILE, new SharedNames());

    FrontMatterParser.Parsed whole;
    try {
      whole = parser.parse(TextEncoding.decodeUtf8(sample.bytes()), origin);
    } catch (ArticleException refused) {
      ArticleProblem problem = new ArticleProblem(FILE, refused.line(), refused.getMessage());
      if (loaded instanceof FileResult.Failed failed && failed.problem().equals(problem)) {
        return;
      }
      // only what lies past the front matter may be left for when the body is read; what loading
      // says is then what it says of the file without it
      assertThat(firstDifference(sample)).as("where the file goes wrong").isGreaterThanOrEqualTo(sample.headEnd());
      assertThat(sample.clean()).isNotEqualTo(sample.bytes());
      Files.write(DIR.resolve(FILE), sample.clean());
      FileResult cleanLoaded = loader.read(DIR, FILE, new SharedNames());
      assertThat(loaded.getClass()).isEqualTo(cleanLoaded.getClass());
      if (loaded instanceof FileResult.Failed failed) {
        assertThat(failed.problem()).isEqualTo(((FileResult.Failed) cleanLoaded).problem());
      } else {
        assertThat(((FileResult.Loaded) loaded).article().title())
            .isEqualTo(((FileResult.Loaded) cleanLoaded).article().title());
      }
      return;
    }
    assertThat(loaded).isInstanceOf(FileResult.Loaded.class);
    FileResult.Loaded ok = (FileResult.Loaded) loaded;
    FrontMatter expected = whole.frontMatter();
    Article article = ok.article();
    assertThat(List.of(article.title(), article.categories(), article.tags(), article.author(), article.published(),
            article.description()))
        .isEqualTo(List.of(expected.title(), expected.categories(), expected.tags(), expected.author(), expected.date(),
            expected.description()));
    assertThat(ok.warnings()).isEqualTo(
        whole.warnings().stream().map(w -> new ArticleProblem(FILE, w.line(), w.reason())).toList());
  }

  /**
   * The offset of the first byte that is not well-formed UTF-8, or of the first NUL or the byte
   * order mark: the first byte the encoding checks can refuse.
   */
  private static int firstDifference(Sample sample) {
    byte[] b = sample.bytes();
    int invalid = TextEncoding.firstInvalidUtf8(b);
    for (int i = 0; i < b.length; i++) {
      if (b[i] == 0 || (i == 0 && b.length > 1 && (b[0] & 0xff) == 0xfe)) {
        return invalid < 0 ? i : Math.min(i, invalid);
      }
    }
    return invalid < 0 ? b.length : invalid;
  }
}
