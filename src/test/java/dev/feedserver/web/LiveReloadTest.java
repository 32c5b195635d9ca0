package dev.feedserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.feedserver.App;
import dev.feedserver.FixtureSite;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content folder is watched: changes show up in every affected response, and a hub hears of them. */
class LiveReloadTest {
  @TempDir Path dir;
  Path content;
  App app;
  HttpServer hub;
  final List<String> pings = new CopyOnWriteArrayList<>();
  final HttpClient client = HttpClient.newHttpClient();

  static final String ARTICLE = "---\ntitle: %s\ncategories: [Live]\ndate: %s\n---\n<p>%s</p>\n";

  @BeforeEach
  void start() throws IOException {
    hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hub.createContext("/hub", exchange -> {
      pings.add(URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
          StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    hub.start();
    content = FixtureSite.copyTo(dir.resolve("content"));
    URI hubUrl = URI.create("http://127.0.0.1:" + hub.getAddress().getPort() + "/hub");
    app = App.start(FixtureSite.watching(content, Optional.of(hubUrl)));
    app.warmed().join();
  }

  @AfterEach
  void stop() {
    app.stop();
    hub.stop(0);
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Polls until the response satisfies the condition; returns the milliseconds it took. */
  long awaitResponse(String path, Predicate<HttpResponse<String>> condition) throws Exception {
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos()) {
      if (condition.test(get(path))) {
        return (System.nanoTime() - t0) / 1_000_000;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no change at " + path + " within 10 s");
  }

  @Test
  void addEditRenameDeleteShowUpInEveryAffectedResponse() throws Exception {
    String javaEtag = get("/category/Java/rss.xml").headers().firstValue("ETag").orElseThrow();
    String seedEtag = get("/category/%E6%96%B0%E5%AA%92%E4%BD%93/atom.xml").headers().firstValue("ETag").orElseThrow();

    // add
    Files.writeString(content.resolve("live-1.md"), ARTICLE.formatted("Live one", "2030-01-01", "first"));
    long ms = awaitResponse("/category/Live/rss.xml", r -> r.statusCode() == 200 && r.body().contains("Live one"));
    assertThat(ms).as("visible within 1 s").isLessThan(1000);
    assertThat(get("/rss.xml").body()).contains("Live one");
    assertThat(get("/entry/live-1").body()).contains("<p>first</p>");
    assertThat(get("/").body()).contains(">Live</a> (1)");

    // edit an OLDER item of the Java feed: that feed changes, unrelated feeds keep their ETag
    Path older = content.resolve("same-day-a.md");
    Files.writeString(older, Files.readString(older).replace("<p>A</p>", "<p>A, edited</p>"));
    awaitResponse("/category/Java/rss.xml", r -> r.body().contains("A, edited"));
    assertThat(get("/category/Java/rss.xml").headers().firstValue("ETag")).isNotEqualTo(Optional.of(javaEtag));
    assertThat(get("/category/%E6%96%B0%E5%AA%92%E4%BD%93/atom.xml").headers().firstValue("ETag")).contains(seedEtag);

    // an editor's write: temporary file, then rename into place
    Path tmp = content.resolve(".live-2.md.swp");
    Files.writeString(tmp, ARTICLE.formatted("Live two", "2030-01-02", "second"));
    Files.move(tmp, content.resolve("live-2.md"), StandardCopyOption.ATOMIC_MOVE);
    awaitResponse("/category/Live/atom.xml", r -> r.body().contains("Live two"));

    // move to another folder: same id, no duplicate
    Files.createDirectories(content.resolve("moved"));
    Files.move(content.resolve("live-1.md"), content.resolve("moved/live-1.md"));
    Thread.sleep(600);
    assertThat(get("/entry/live-1").statusCode()).isEqualTo(200);
    assertThat(get("/category/Live/rss.xml").body().split("<guid", -1)).hasSize(3);

    // delete
    Files.delete(content.resolve("moved/live-1.md"));
    awaitResponse("/entry/live-1", r -> r.statusCode() == 404);
    assertThat(get("/category/Live/rss.xml").body()).doesNotContain("Live one").contains("Live two");
  }

  @Test
  void aContentFolderReachedThroughALinkIsWatchedToo() throws Exception {
    // a deploy's "current" link to a release folder: the loader reads through it, so the watcher must
    Path release = FixtureSite.copyTo(dir.resolve("release-1"));
    Path notes = Files.createDirectories(release.resolve("notes"));
    Files.writeString(notes.resolve("note.md"), ARTICLE.formatted("Note, first", "2030-02-01", "n"));
    Path current = Files.createSymbolicLink(dir.resolve("current"), release);
    App linked = App.start(FixtureSite.watching(current, Optional.empty()));
    try {
      linked.warmed().join();
      String feed = "http://localhost:" + linked.port() + "/category/Live/rss.xml";
      assertThat(client.send(HttpRequest.newBuilder(URI.create(feed)).build(), HttpResponse.BodyHandlers.ofString())
          .body()).contains("Note, first");

      Files.writeString(current.resolve("notes/note.md"), ARTICLE.formatted("Note, edited", "2030-02-01", "n"));
      Files.writeString(current.resolve("top.md"), ARTICLE.formatted("Top, new", "2030-02-02", "t"));
      long t0 = System.nanoTime();
      String body = "";
      while (System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos()
          && !(body.contains("Note, edited") && body.contains("Top, new"))) {
        Thread.sleep(20);
        body = client.send(HttpRequest.newBuilder(URI.create(feed)).build(), HttpResponse.BodyHandlers.ofString()).body();
      }
      assertThat(body).as("an edit in a sub-folder and a new file, through the link")
          .contains("Note, edited", "Top, new").doesNotContain("Note, first");
    } finally {
      linked.stop();
    }
  }

  @Test
  void aBurstOfHundredsOfFilesSettles() throws Exception {
    Path burst = Files.createDirectories(dir.resolve("staging/burst"));
    for (int i = 0; i < 300; i++) {
      Files.writeString(burst.resolve("b" + i + ".md"), ARTICLE.formatted("Burst " + i, "2031-01-01", i));
    }
    Files.move(burst, content.resolve("burst")); // a whole folder appears at once
    Files.writeString(content.resolve("b-last.md"), ARTICLE.formatted("Burst last", "2031-01-02", "last"));
    awaitResponse("/", r -> r.body().contains(">Live</a> (301)"));
    assertThat(get("/category/Live/rss.xml").body()).contains("Burst last");
    assertThat(get("/entry/b299").statusCode()).isEqualTo(200);
    // 301 entries at 100 a page: the last page of the category's feed is the 4th
    assertThat(get("/category/Live/page/4/atom.xml?limit=100").statusCode()).isEqualTo(200);
    assertThat(get("/category/Live/page/5/atom.xml?limit=100").statusCode()).isEqualTo(404);
  }

  @Test
  void theHubHearsOfEveryChangedFeedAndOnlyThose() throws Exception {
    Path older = content.resolve("same-day-b.md");
    Files.writeString(older, Files.readString(older).replace("<p>B</p>", "<p>B, edited</p>"));
    awaitResponse("/category/Java/atom.xml", r -> r.body().contains("B, edited"));
    long t0 = System.nanoTime();
    while (pings.size() < 6 && System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos()) {
      Thread.sleep(20);
    }
    assertThat(pings)
        .containsExactlyInAnyOrder(
            "hub.mode=publish&hub.url=http://feeds.test/rss.xml",
            "hub.mode=publish&hub.url=http://feeds.test/atom.xml",
            "hub.mode=publish&hub.url=http://feeds.test/feed.json",
            "hub.mode=publish&hub.url=http://feeds.test/category/Java/rss.xml",
            "hub.mode=publish&hub.url=http://feeds.test/category/Java/atom.xml",
            "hub.mode=publish&hub.url=http://feeds.test/category/Java/feed.json");
    assertThat(get("/category/Java/atom.xml").body())
        .contains("<link rel=\"hub\" href=\"http://127.0.0.1:" + hub.getAddress().getPort() + "/hub\" />");
  }

  @Test
  void healthSaysReady() throws Exception {
    HttpResponse<String> health = get("/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"ready\",\"articles\":5}\n");
  }
}
