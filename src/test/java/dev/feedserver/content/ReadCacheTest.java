package dev.feedserver.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read cache keeps every kind of reading exactly, and is ignored (never trusted, never thrown)
 * when it is cut short, altered, points outside the content folder or was made for other settings.
 */
class ReadCacheTest {
  @TempDir Path dir;

  private static final ArticleLoader.Stamp STAMP = new ArticleLoader.Stamp(1234, 1_700_000_000_123_456_789L, 42);

  private Map<Path, ReadCache.Entry> sample() {
    Map<Path, ReadCache.Entry> entries = new LinkedHashMap<>();
    Path full = Path.of("posts", "2024", "全部.md");
    entries.put(full, new ReadCache.Entry(STAMP, new FileResult.Loaded(new Article("id-1", full, "Title <&> 标题",
        List.of("Java", "基础"), List.of(List.of("Java", "基础"), List.of("C#")), List.of("tag a", "b"), "Ann",
        Instant.parse("2024-03-01T10:00:00.5Z"), Instant.parse("2024-03-02T10:00:00Z"),
        Optional.of("https://img.example/a.png"), false, -77L, Optional.of("Summary\nby hand")),
        List.of(new ArticleProblem(full, 3, "date taken from the file name"), new ArticleProblem(full, 0, "x")))));
    Path bare = Path.of("bare.txt");
    entries.put(bare, new ReadCache.Entry(new ArticleLoader.Stamp(0, 0, 0), new FileResult.Loaded(new Article("bare",
        bare, "", List.of(), List.of(), List.of(), "", Instant.EPOCH, Instant.EPOCH, Optional.empty(), true, 0,
        Optional.empty()))));
    entries.put(Path.of("draft.md"), new ReadCache.Entry(STAMP, new FileResult.Unpublished(Path.of("draft.md"))));
    entries.put(Path.of("bad.md"), new ReadCache.Entry(STAMP,
        new FileResult.Failed(new ArticleProblem(Path.of("bad.md"), 7, "front matter is not valid YAML"))));
    return entries;
  }

  private ReadCache cache(String settings) throws IOException {
    return ReadCache.in(dir.resolve("cache"), Files.createDirectories(dir.resolve("content")), settings, "program 1");
  }

  @Test
  void everyKindOfReadingComesBackAsItWasKept() throws IOException {
    ReadCache cache = cache("settings");
    assertThat(cache.read().entries()).isEmpty(); // nothing kept yet

    cache.save(sample(), List.of());

    assertThat(cache("settings").read().entries()).isEqualTo(sample());
  }

  @Test
  void articlesReadBackShareOneInstanceOfEachName() throws IOException {
    Map<Path, ReadCache.Entry> entries = new LinkedHashMap<>();
    for (String name : List.of("a.md", "b.md")) {
      Path file = Path.of(name);
      entries.put(file, new ReadCache.Entry(STAMP, new FileResult.Loaded(new Article(name, file, name,
          List.of(new String("Java")), List.of(List.of(new String("Java"))), List.of(new String("jvm")),
          new String("Ann"), Instant.EPOCH, Instant.EPOCH, Optional.empty(), true, 0, Optional.empty()))));
    }
    cache("settings").save(entries, List.of());

    List<Article> read = cache("settings").read().entries().values().stream()
        .map(e -> ((FileResult.Loaded) e.result()).article()).toList();
    assertThat(read.get(1).categories()).isSameAs(read.get(0).categories());
    assertThat(read.get(1).categoryPaths()).isSameAs(read.get(0).categoryPaths());
    assertThat(read.get(1).categoryPaths().get(0).get(0)).isSameAs(read.get(0).categories().get(0));
    assertThat(read.get(1).tags()).isSameAs(read.get(0).tags());
    assertThat(read.get(1).author()).isSameAs(read.get(0).author());
  }

  @Test
  void keptBodiesComeBackWithTheReadingsAndAPathOutsideIsNotTrusted() throws IOException {
    List<KeptBody> bodies = List.of(
        new KeptBody(Path.of("posts", "2024", "全部.md"), -77L, java.net.URI.create("http://feeds.test/entry/id-1/"),
            new ArticleBody(new SafeHtml("<p>正文 &amp; <a href=\"http://feeds.test/x\">x</a></p>"),
                Optional.of(new SafeHtml("<p>正文</p>")), "正文 & x", List.of())),
        new KeptBody(Path.of("bare.txt"), 0, java.net.URI.create("http://feeds.test/entry/bare/"),
            new ArticleBody(SafeHtml.EMPTY, Optional.empty(), "", List.of())));
    ReadCache cache = cache("settings");
    cache.save(sample(), bodies);

    ReadCache.Contents contents = cache("settings").read();
    assertThat(contents.entries()).isEqualTo(sample());
    assertThat(contents.bodies()).isEqualTo(bodies);

    cache.save(sample(), List.of(new KeptBody(Path.of("../outside.md"), 1, java.net.URI.create("http://feeds.test/"),
        ArticleBody.EMPTY)));
    assertThat(cache.read()).isEqualTo(ReadCache.Contents.EMPTY);
  }

  @Test
  void otherSettingsOrAnotherProgramStartFromNothing() throws IOException {
    cache("settings").save(sample(), List.of());

    assertThat(cache("other settings").read().entries()).isEmpty();
    assertThat(ReadCache.in(dir.resolve("cache"), dir.resolve("content"), "settings", "program 2").read().entries()).isEmpty();
    assertThat(cache("settings").read().entries()).hasSize(4);
  }

  @Test
  void aDamagedCacheIsIgnoredWholeNeverTrustedInPart() throws IOException {
    ReadCache cache = cache("settings");
    cache.save(sample(), List.of());
    byte[] good = Files.readAllBytes(cache.file());

    for (int cut : new int[] {0, 3, 10, 50, good.length / 2, good.length - 1}) {
      Files.write(cache.file(), java.util.Arrays.copyOf(good, cut));
      assertThat(cache.read().entries()).as("cut at %d", cut).isEmpty();
    }
    byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
    Files.write(cache.file(), longer);
    assertThat(cache.read().entries()).as("a byte too many").isEmpty();
    for (int at : new int[] {0, 5, 9, 40, 44}) {
      byte[] altered = good.clone();
      altered[at] ^= 0x5A;
      Files.write(cache.file(), altered);
      assertThat(cache.read().entries()).as("byte %d altered", at).isEmpty();
    }
    byte[] huge = good.clone(); // the entry count (after magic, format and the 32-byte key) made enormous
    huge[40] = 0x7F;
    Files.write(cache.file(), huge);
    assertThat(cache.read().entries()).isEmpty();
  }

  @Test
  void aFolderOthersCanWriteToIsNotUsed() throws IOException {
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));

    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> ReadCache.in(shared, Files.createDirectories(dir.resolve("content")), "s", "p"))
        .isInstanceOf(IOException.class).hasMessageContaining("only they can write to");
    assertThat(ReadCache.in(dir.resolve("own"), dir.resolve("content"), "s", "p").file().getParent())
        .isEqualTo(dir.resolve("own"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("own")))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void aPathLeadingOutOfTheContentFolderIsNotTrusted() throws IOException {
    for (String path : new String[] {"../outside.md", "a/../../b.md"}) {
      ReadCache cache = cache("settings " + path);
      cache.save(Map.of(Path.of(path), new ReadCache.Entry(STAMP, new FileResult.Unpublished(Path.of(path)))), List.of());
      assertThat(cache.read().entries()).as(path).isEmpty();
    }
  }
}
