package dev.feedserver.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.feedserver.App;
import dev.feedserver.FixtureSite;
import dev.feedserver.Publisher;
import dev.feedserver.content.Article;
import dev.feedserver.content.ArticleProblem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader's rules hold on the paths that open files after start-up: a file the watcher reports
 * ({@link Publisher#refresh}) and a body read on demand. A FIFO or a symbolic link that appears
 * while serving is named once and never opened; a file swapped for one after it was loaded is not
 * opened for its body either. A FIFO opened for reading would block until a writer comes: the
 * timeouts are the proof.
 */
class HostileChangesTest {
  static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path dir;
  Path content;
  Path outside;
  Publisher publisher;

  static String article(String title, String body) {
    return "---\ntitle: " + title + "\ndate: 2024-02-01\ncategories: [Live]\n---\n<p>" + body + "</p>\n";
  }

  @BeforeEach
  void setUp() throws Exception {
    content = Files.createDirectories(dir.resolve("content"));
    Files.writeString(content.resolve("good.md"), article("Good", "good body"));
    Files.writeString(content.resolve("other.md"), article("Other", "other body"));
    Files.writeString(Files.createDirectories(content.resolve("posts")).resolve("inner.md"), article("Inner", "inner body"));
    outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret.md"), article("Secret", "secret body"));
    Files.writeString(outside.resolve("inner.md"), article("Inner", "secret body"));
    publisher = new Publisher(FixtureSite.config(content));
  }

  static List<String> words(List<ArticleProblem> problems) {
    return problems.stream().map(ArticleProblem::toString).toList();
  }

  static List<String> ids(Publisher.Publication publication) {
    return publication.load().articles().stream().map(Article::id).toList();
  }

  @Test
  void aLinkOrFifoAppearingWhileServingIsNamedOnceAndNeverOpened() throws Exception {
    publisher.publish();
    HostileCorpus.mkfifo(content.resolve("fifo.md"));
    Files.createSymbolicLink(content.resolve("link.md"), outside.resolve("secret.md"));
    Files.createSymbolicLink(content.resolve("linked-folder"), outside);
    Files.writeString(content.resolve("new.md"), article("New", "new body"));
    Set<Path> changed = Set.of(content.resolve("fifo.md"), content.resolve("link.md"), content.resolve("linked-folder"),
        content.resolve("new.md"), content.resolve("linked-folder").resolve("secret.md"));

    Publisher.Publication refreshed = assertTimeoutPreemptively(PATIENCE, () -> publisher.refresh(changed));
    List<String> named = List.of(
        "fifo.md: not a regular file (a FIFO, socket or device), never opened",
        "link.md: symbolic link, not followed",
        "linked-folder: symbolic link, not followed");
    assertThat(words(refreshed.fresh())).containsExactlyInAnyOrderElementsOf(named);
    assertThat(words(refreshed.load().problems())).containsExactlyInAnyOrderElementsOf(named);
    assertThat(ids(refreshed)).containsExactlyInAnyOrder("good", "other", "inner", "new");

    // named once: the same change again, or a full walk, reports nothing new but still lists them
    Publisher.Publication again = assertTimeoutPreemptively(PATIENCE, () -> publisher.refresh(changed));
    assertThat(again.fresh()).isEmpty();
    assertThat(words(again.load().problems())).containsExactlyInAnyOrderElementsOf(named);
    Publisher.Publication walked = assertTimeoutPreemptively(PATIENCE, () -> publisher.publish());
    assertThat(walked.fresh()).isEmpty();
    assertThat(words(walked.load().problems())).containsExactlyInAnyOrderElementsOf(named);
    assertThat(ids(walked)).containsExactlyInAnyOrder("good", "other", "inner", "new");

    // gone: no longer named
    Files.delete(content.resolve("fifo.md"));
    Files.delete(content.resolve("link.md"));
    Publisher.Publication cleaned =
        publisher.refresh(Set.of(content.resolve("fifo.md"), content.resolve("link.md")));
    assertThat(words(cleaned.load().problems())).containsExactly("linked-folder: symbolic link, not followed");
  }

  @Test
  void anArticleReplacedByALinkOrAFifoIsForgottenAndNamed() throws Exception {
    publisher.publish();
    Files.delete(content.resolve("good.md"));
    HostileCorpus.mkfifo(content.resolve("good.md"));
    Files.delete(content.resolve("other.md"));
    Files.createSymbolicLink(content.resolve("other.md"), outside.resolve("secret.md"));
    Publisher.Publication refreshed = assertTimeoutPreemptively(PATIENCE,
        () -> publisher.refresh(Set.of(content.resolve("good.md"), content.resolve("other.md"))));
    assertThat(ids(refreshed)).containsExactly("inner");
    assertThat(words(refreshed.fresh())).containsExactlyInAnyOrder(
        "good.md: not a regular file (a FIFO, socket or device), never opened",
        "other.md: symbolic link, not followed");
  }

  @Test
  void aFolderReplacedByALinkIsNotWalkedNorReadThrough() throws Exception {
    publisher.publish();
    Files.move(content.resolve("posts"), content.resolve("posts-old"));
    Files.createSymbolicLink(content.resolve("posts"), outside);
    // the watcher may still name paths below the old folder's name: they lead through the link
    Publisher.Publication refreshed = assertTimeoutPreemptively(PATIENCE,
        () -> publisher.refresh(Set.of(content.resolve("posts").resolve("inner.md"), content.resolve("posts").resolve("secret.md"))));
    assertThat(ids(refreshed)).containsExactlyInAnyOrder("good", "other");
    Publisher.Publication moved = assertTimeoutPreemptively(PATIENCE,
        () -> publisher.refresh(Set.of(content.resolve("posts"), content.resolve("posts-old"))));
    assertThat(ids(moved)).containsExactlyInAnyOrder("good", "other", "inner");
    assertThat(moved.load().articles()).extracting(a -> a.file().toString()).contains("posts-old/inner.md");
    assertThat(words(moved.load().problems())).containsExactly("posts: symbolic link, not followed");
  }

  @Test
  void aBodyIsNeverReadFromAFileSwappedForAFifoOrALinkAfterLoading() throws Exception {
    Publisher.Publication publication = publisher.publish();
    // swapped behind the server's back, before any body was read (bodies are read on demand)
    Files.delete(content.resolve("good.md"));
    HostileCorpus.mkfifo(content.resolve("good.md"));
    Files.delete(content.resolve("other.md"));
    Files.createSymbolicLink(content.resolve("other.md"), outside.resolve("secret.md"));
    Files.move(content.resolve("posts"), content.resolve("posts-old"));
    Files.createSymbolicLink(content.resolve("posts"), outside);

    for (String path : new String[] {"/entry/good", "/entry/other", "/entry/inner", "/rss.xml", "/feed.json",
        "/category/Live/atom.xml"}) {
      String text = assertTimeoutPreemptively(PATIENCE,
          () -> new String(publication.get(path).orElseThrow().body(), StandardCharsets.UTF_8));
      assertThat(text).as(path).doesNotContain("secret body").doesNotContain("good body").doesNotContain("other body");
    }
  }

  @Test
  void theWatcherKeepsPublishingWhenAFifoAppears() throws Exception {
    App app = App.start(FixtureSite.watching(content, Optional.empty()));
    try {
      app.warmed().join();
      HostileCorpus.mkfifo(content.resolve("blocker.md"));
      Files.createSymbolicLink(content.resolve("link.md"), outside.resolve("secret.md"));
      Thread.sleep(50);
      Files.writeString(content.resolve("after.md"), article("After", "after body"));
      HttpClient client = HttpClient.newHttpClient();
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      int status = 0;
      while (System.nanoTime() < deadline && status != 200) {
        status = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/entry/after")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
        Thread.sleep(20);
      }
      assertThat(status).as("an article added after a FIFO appeared is published").isEqualTo(200);
      HttpResponse<String> feed = client.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/rss.xml")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(feed.body()).contains("after body").doesNotContain("secret body");
    } finally {
      app.stop();
    }
  }
}
