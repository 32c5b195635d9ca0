package dev.feedserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feedserver.App;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading reads only the beginning of each file; a file whose body turns out bad when it is first
 * read (here: a Latin-1 byte 21 KiB in, past what loading read) is served with its front matter
 * only. Checked through the real server, run as a process on a random port so that its log is
 * what is read: the entry page is a small 200 page, every feed holding the article reads cleanly
 * in an independent parser with its title and the other article's body intact, the log names the
 * file and line once, and {@code lint} names it as a problem.
 */
class BodyReadLaterHttpTest {
  private static final String PROBLEM = "late.html:%d: not valid UTF-8 (first bad byte at offset %d;"
      + " it looks like Latin-1 or Windows-1252): convert the file to UTF-8";

  @TempDir static Path dir;
  static Path content;
  static Path log;
  static Process server;
  static int port;
  static String problem;
  static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeAll
  static void start() throws Exception {
    content = Files.createDirectories(dir.resolve("content"));
    Files.writeString(content.resolve("good.md"),
        "---\ntitle: Good\ndate: 2024-03-02 10:00:00\ncategories: [c]\n---\n<p>Good body</p>\n");
    StringBuilder body = new StringBuilder();
    for (int i = 0; body.length() < 20_000; i++) {
      body.append("<p>Paragraph ").append(i).append(" of plain text before the bad byte.</p>\n");
    }
    byte[] head = ("---\ntitle: Late\ndate: 2024-03-01 10:00:00\ncategories: [c]\ndescription: A summary written by hand\n---\n"
        + body).getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 8];
    System.arraycopy(head, 0, bytes, 0, head.length);
    System.arraycopy("<p>caf".getBytes(StandardCharsets.US_ASCII), 0, bytes, head.length, 6);
    bytes[head.length + 6] = (byte) 0xE9; // é in Latin-1
    bytes[head.length + 7] = '\n';
    Files.write(content.resolve("late.html"), bytes);
    int line = (int) new String(head, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count() + 1;
    problem = PROBLEM.formatted(line, head.length + 6);

    log = dir.resolve("server.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), App.class.getName())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(Map.of(
        "PORT", "0", "FEED_CONTENT_DIR", content.toString(), "FEED_BASE_URL", "http://localhost/",
        "FEED_WATCH", "false"));
    server = builder.start();
    Pattern serving = Pattern.compile("serving \\S+ on port (\\d+)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (port == 0) {
      Matcher m = serving.matcher(Files.readString(log));
      if (m.find()) {
        port = Integer.parseInt(m.group(1));
      } else if (!server.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("the server did not start: " + Files.readString(log));
      }
      Thread.sleep(20);
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.destroyForcibly();
    }
  }

  static HttpResponse<byte[]> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The log's lines about the bad file, once the warm-up has read every body. */
  static List<String> logLinesNamingIt() throws Exception {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.contains("late.html")) {
        lines.add(line.replaceFirst("^.* - ", ""));
      }
    }
    return lines;
  }

  @Test
  void loadingServesItAndTheFirstReadOfItsBodyLogsTheProblemOnce() throws Exception {
    assertThat(Files.readString(log)).contains("loaded 2 articles in 1 categories, 0 tags and 0 authors, skipped 0");
    assertThat(get("/entry/late").statusCode()).isEqualTo(200);
    assertThat(get("/entry/late").statusCode()).isEqualTo(200);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (logLinesNamingIt().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(logLinesNamingIt()).containsExactly("served without its body: " + problem);
  }

  @Test
  void theEntryPageIsASmallPageWithTheTitleAndNoText() throws Exception {
    HttpResponse<byte[]> response = get("/entry/late");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
    assertThat(response.body().length).isLessThan(8_000);
    Document page = Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
    assertThat(page.select("h1").text()).isEqualTo("Late");
    assertThat(page.text()).doesNotContain("Paragraph", "caf");
    assertThat(get("/entry/good").statusCode()).isEqualTo(200);
  }

  @Test
  void everyFeedHoldingItReadsCleanlyInAnIndependentParser() throws Exception {
    for (String path : List.of("/rss.xml", "/atom.xml", "/category/c/rss.xml", "/category/c/atom.xml")) {
      HttpResponse<byte[]> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      org.w3c.dom.Document xml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
          .parse(new java.io.ByteArrayInputStream(response.body()));
      String tag = path.endsWith("rss.xml") ? "item" : "entry";
      assertThat(xml.getElementsByTagName(tag).getLength()).as(path).isEqualTo(2);
      String text = xml.getDocumentElement().getTextContent();
      assertThat(text).as(path).contains("Late", "Good", "Good body", "A summary written by hand").doesNotContain("Paragraph");
    }
    for (String path : List.of("/feed.json", "/category/c/feed.json")) {
      HttpResponse<byte[]> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      JsonNode items = new ObjectMapper().readTree(response.body()).path("items");
      assertThat(items.size()).as(path).isEqualTo(2);
      JsonNode late = items.get(1);
      assertThat(late.path("title").asText()).isEqualTo("Late");
      assertThat(late.path("content_html").isTextual()).as("JSON Feed 1.1 requires content_html or content_text").isTrue();
      assertThat(late.path("summary").asText()).isEqualTo("A summary written by hand");
      assertThat(items.get(0).path("content_html").asText()).contains("Good body");
    }
  }

  @Test
  void lintNamesItAsAProblem() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process lint = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), App.class.getName(),
        "lint", content.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(lint.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(lint.exitValue()).as(out).isEqualTo(1);
    assertThat(out.lines().toList()).containsExactly(problem, content + ": 2 articles, 1 problem, 0 warnings");
  }
}
