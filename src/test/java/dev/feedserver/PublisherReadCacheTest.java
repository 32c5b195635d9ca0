package dev.feedserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedserver.config.Config;
import dev.feedserver.content.ReadCache;
import dev.feedserver.render.Representation;
import dev.feedserver.site.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart with a read cache reads only the files that changed since the cache was kept, and
 * serves exactly what a start without it serves: the same bytes for every route, the same
 * problems and warnings. Changes made while the server was down (an edit that keeps the size, a
 * deletion, a new file, a file turned bad, a draft) all show.
 */
class PublisherReadCacheTest {
  @TempDir Path dir;

  private ReadCache cache(Config config) throws IOException {
    return ReadCache.in(dir.resolve("cache"), config.articlesDir(), config.readingSettings(), "test program");
  }

  @Test
  void aRestartReadsOnlyWhatChangedAndServesWhatAFreshStartServes() throws Exception {
    Path content = FixtureSite.copyTo(Files.createDirectories(dir.resolve("content")));
    Files.writeString(content.resolve("keep.md"), "---\ntitle: Kept\ndate: 2024-01-01 10:00:00\ncategories: [K]\n---\nkeep\n");
    Files.writeString(content.resolve("edit.md"), "---\ntitle: Before\ndate: 2024-01-02 10:00:00\ncategories: [K]\n---\nold\n");
    Files.writeString(content.resolve("gone.md"), "---\ntitle: Gone\ndate: 2024-01-03 10:00:00\ncategories: [G]\n---\nx\n");
    Config config = FixtureSite.config(content, FixtureSite.BASE_URL, 0);

    Publisher first = new Publisher(config, Optional.of(cache(config)));
    Publisher.Publication before = first.publish();
    int files = before.filesRead();
    first.saveReadCache();

    // while the server is down: an edit of the same size, a deletion, a new file, a bad one, a draft
    Path edit = content.resolve("edit.md");
    Files.writeString(edit, Files.readString(edit).replace("Before", "Edited").replace("old", "new"));
    Files.setLastModifiedTime(edit, FileTime.fromMillis(Files.getLastModifiedTime(edit).toMillis() + 2000));
    Files.delete(content.resolve("gone.md"));
    Files.writeString(content.resolve("new.md"), "---\ntitle: New\ndate: 2024-01-04 10:00:00\ncategories: [K]\n---\nn\n");
    Files.writeString(content.resolve("bad.md"), "---\ntitle: [unclosed\n---\nb\n");
    Files.writeString(content.resolve("draft.md"), "---\ntitle: Draft\npublished: false\n---\nd\n");

    Publisher restarted = new Publisher(config, Optional.of(cache(config)));
    Publisher.Publication cached = restarted.publish();
    Publisher.Publication fresh = new Publisher(config, Optional.empty()).publish();

    assertThat(files).isGreaterThan(5);
    assertThat(cached.filesRead()).as("only the changed and new files are read").isEqualTo(4);
    assertThat(cached.load().problems()).isEqualTo(fresh.load().problems()).isNotEmpty();
    assertThat(cached.load().warnings()).isEqualTo(fresh.load().warnings());
    assertThat(cached.load().articles()).isEqualTo(fresh.load().articles());
    List<String> paths = new ArrayList<>(List.of("/", "/rss.xml", "/atom.xml", "/feed.json", "/category/K/rss.xml",
        "/entry/edit", "/entry/new", "/entry/keep", "/feeds.opml"));
    for (var article : fresh.index().newestFirst()) {
      paths.add(fresh.links().url(new Route.Entry(article.id())).substring(FixtureSite.BASE_URL.toString().length() - 1));
    }
    for (String path : paths) {
      Optional<Representation> want = fresh.get(path);
      Optional<Representation> got = cached.get(path);
      assertThat(got.isPresent()).as(path).isEqualTo(want.isPresent());
      want.ifPresent(w -> assertThat(new String(got.orElseThrow().body(), StandardCharsets.UTF_8)).as(path)
          .isEqualTo(new String(w.body(), StandardCharsets.UTF_8)));
    }
    assertThat(new String(cached.get("/category/K/rss.xml").orElseThrow().body(), StandardCharsets.UTF_8))
        .contains("Edited", "New", "Kept").doesNotContain("Before", "Gone");
    assertThat(cached.get("/entry/gone")).isEmpty();
  }

  @Test
  void aRestartWritesTheNewestFeedWithTheBodiesKeptLastTimeUnlessTheyLookedUpOtherPosts() throws Exception {
    Path content = Files.createDirectories(dir.resolve("content"));
    Files.writeString(content.resolve("plain.md"),
        "---\ntitle: Plain\ndate: 2024-01-02 10:00:00\n---\n# Head\n\nbody kept-alpha **bold**\n");
    Files.writeString(content.resolve("linking.md"),
        "---\ntitle: Linking\ndate: 2024-01-03 10:00:00\n---\nlink-alpha {% post_link plain %}\n");
    Config config = FixtureSite.config(content, FixtureSite.BASE_URL, 0);
    Publisher first = new Publisher(config, Optional.of(cache(config)));
    String before = text(first.publish().get("/rss.xml"));
    first.saveReadCache();
    assertThat(before).contains("kept-alpha", "link-alpha");

    // while the server is down, both bodies change and their stamps do not (same size, same time):
    // only a body kept from the last run can still show the old words
    rewriteKeepingTheStamp(content.resolve("plain.md"), "kept-alpha", "kept-omega");
    rewriteKeepingTheStamp(content.resolve("linking.md"), "link-alpha", "link-omega");

    String restarted = text(new Publisher(config, Optional.of(cache(config))).publish().get("/rss.xml"));
    String fresh = text(new Publisher(config, Optional.empty()).publish().get("/rss.xml"));
    assertThat(restarted).as("the plain body is the one kept; the linking one looked up a post, so it is read again")
        .contains("kept-alpha", "link-omega").doesNotContain("kept-omega", "link-alpha");
    assertThat(fresh).contains("kept-omega", "link-omega");
    assertThat(restarted.replace("kept-alpha", "kept-omega")).isEqualTo(fresh);
  }

  private static String text(Optional<Representation> representation) {
    return new String(representation.orElseThrow().body(), StandardCharsets.UTF_8);
  }

  private static void rewriteKeepingTheStamp(Path file, String from, String to) throws IOException {
    FileTime modified = Files.getLastModifiedTime(file);
    Files.writeString(file, Files.readString(file).replace(from, to));
    Files.setLastModifiedTime(file, modified);
  }
}
