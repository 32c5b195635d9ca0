package dev.feedserver.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feedserver.FixtureSite;
import dev.feedserver.Publisher;
import dev.feedserver.config.Config;
import dev.feedserver.hostile.HostileCorpus;
import dev.feedserver.site.EmbedOptions;
import dev.feedserver.site.Links;
import dev.feedserver.site.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every HTML page the server renders passes the Nu HTML checker ({@code vnu.jar}, npm's
 * {@code vnu-jar}) with no error: the index, every topic page and its older pages, every entry
 * page, every feed's preview (every page of every format), every embed page (at its default
 * options and at another limit and theme) and the 404 page, on the fixture folder, on the Hexo
 * site, on the hostile corpus and on a few articles whose headings skip levels. The pages are
 * written to one folder and checked in one run of the checker (a run per page would take minutes);
 * each error is reported with its corpus, route kind, path, line and message.
 */
class NuHtmlCheckerTest {
  /** Where {@code npm ci --prefix .ci/vnu} puts the checker ({@code .ci/vnu/package-lock.json} pins it). */
  static final Path VNU_JAR = Path.of(".ci", "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

  static final String INSTALL_HINT =
      "The Nu HTML checker is needed: run `npm ci --ignore-scripts --prefix .ci/vnu` (what .ci/run does; "
          + "it installs vnu-jar as .ci/vnu/package-lock.json pins it) or pass -Dvnu.jar=/path/to/vnu.jar";

  /** Kinds of route that are never HTML; any other kind is rendered and checked when it is. */
  static final Set<Class<?>> NOT_HTML =
      Set.of(Route.Opml.class, Route.FeedIndex.class, Route.Asset.class, Route.SourceFile.class, Route.PostFile.class);

  @TempDir Path dir;

  /** One page to check: where it came from (corpus and route) and its bytes. */
  record Page(String where, byte[] html) {}

  @Test
  void everyPageOfEveryCorpusHasNoNuErrors() throws Exception {
    Path vnu = vnuJar();
    long start = System.nanoTime();
    List<Page> pages = new ArrayList<>();
    pages.addAll(pages("fixture", content -> FixtureSite.config(FixtureSite.copyTo(content)),
        Files.createDirectories(dir.resolve("fixture"))));
    pages.addAll(pages("Hexo site", content -> FixtureSite.hexoConfig(FixtureSite.copyHexoSiteTo(content)),
        Files.createDirectories(dir.resolve("hexo"))));
    pages.addAll(pages("headings", content -> FixtureSite.config(headings(content)),
        Files.createDirectories(dir.resolve("headings"))));
    Path hostile = Files.createDirectories(dir.resolve("hostile"));
    pages.addAll(pages("hostile", content -> HostileCorpus.config(HostileCorpus.create(hostile)),
        hostile.resolve("content")));

    Path out = Files.createDirectories(dir.resolve("pages"));
    Map<String, String> whereByFile = new LinkedHashMap<>();
    List<String> files = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      Path file = out.resolve(i + ".html");
      Files.write(file, pages.get(i).html());
      whereByFile.put(file.toUri().getPath(), pages.get(i).where());
      files.add(file.toString());
    }

    long rendered = System.nanoTime();
    List<JsonNode> messages = check(vnu, files, dir);
    System.out.printf("NuHtmlCheckerTest: %d pages rendered in %.1f s, checked in %.1f s%n", pages.size(),
        (rendered - start) / 1e9, (System.nanoTime() - rendered) / 1e9);
    List<String> errors = new ArrayList<>();
    for (JsonNode message : messages) {
      String where = whereByFile.getOrDefault(
          java.net.URI.create(message.path("url").asText()).getPath(), message.path("url").asText());
      String line = where + " (line " + message.path("lastLine").asText() + "): " + message.path("type").asText()
          + ": " + message.path("message").asText() + " [" + message.path("extract").asText() + "]";
      errors.add(line);
    }
    assertThat(pages).as("pages checked").hasSizeGreaterThan(100);
    assertThat(errors).as("Nu HTML checker errors in %d pages", pages.size()).isEmpty();
  }

  /** The HTML pages of one corpus: every HTML route, the previews of older feed pages, the 404 page. */
  private static List<Page> pages(String corpus, Function<Path, Config> site, Path content) throws IOException {
    Publisher publisher = new Publisher(site.apply(content));
    Links links = publisher.links();
    RenderedSite rendered = publisher.publish().site();
    List<Route> routes = new ArrayList<>();
    for (Route route : rendered.routes().toList()) {
      routes.add(route);
      if (route instanceof Route.Feed feed && feed.page() > 1) {
        routes.add(feed.forBrowser()); // routes() lists the preview of the first page only
      } else if (route instanceof Route.Embed embed) { // and the embed pages at their default options
        routes.add(new Route.Embed(embed.topic(), new EmbedOptions(EmbedOptions.MAX_LIMIT, EmbedOptions.Theme.DARK)));
      }
    }
    List<Page> pages = new ArrayList<>();
    for (Route route : routes) {
      if (route.isFeed() || NOT_HTML.contains(route.getClass())) {
        continue; // rendering every feed of the hostile corpus would take longer than checking every page
      }
      Representation r = rendered.render(route).orElseThrow(() -> new AssertionError(corpus + ": " + route));
      if (r.contentType().equals(Representation.HTML)) {
        String kind = route.getClass().getSimpleName();
        pages.add(new Page(corpus + " " + kind + " " + links.path(route) + route.query(), r.body()));
      }
    }
    pages.add(new Page(corpus + " 404 page", rendered.renderer().notFound().body()));
    return pages;
  }

  /**
   * Articles whose headings would skip a level below the page's h1 (none of the other corpora has
   * one; their feeds' golden files stay as they are): Markdown with ids, HTML, a body h1.
   */
  private static Path headings(Path content) {
    try {
      Files.writeString(content.resolve("starts-at-h3.md"),
          "---\ntitle: Starts at h3\ndate: 2024-02-01\n---\n### Install {#install}\n\ntext\n\n#### Then\n\ntext\n\n### Use\n");
      Files.writeString(content.resolve("skips-inside.html"),
          "---\ntitle: Skips inside\ndate: 2024-02-02\n---\n<h2>A</h2><p>x</p><h4>B</h4><h6>C</h6><h3>D</h3>\n");
      Files.writeString(content.resolve("body-h1.md"),
          "---\ntitle: Body h1\ndate: 2024-02-03\n---\n# Title again\n\n## Part\n\n##### Deep\n");
      return content;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Runs vnu.jar once over all the files and returns its messages. (One process: two processes
   * splitting the files were slower on a two-processor machine, each warming up its own JVM.)
   */
  private static List<JsonNode> check(Path vnu, List<String> files, Path dir) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", vnu.toString(),
        "--format", "json", "--errors-only", "--exit-zero-always"));
    command.addAll(files);
    Path report = dir.resolve("vnu.json"); // vnu writes its messages to stderr
    Process process = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(report.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("vnu.jar did not finish in 120 s");
    }
    String text = Files.readString(report, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      fail("vnu.jar exited " + process.exitValue() + ": " + text);
    }
    List<JsonNode> messages = new ArrayList<>();
    new ObjectMapper().readTree(text).path("messages").forEach(messages::add);
    return messages;
  }

  private static Path vnuJar() {
    Path jar = Path.of(System.getProperty("vnu.jar", VNU_JAR.toString()));
    if (!Files.isRegularFile(jar)) {
      fail(INSTALL_HINT + " (no " + jar.toAbsolutePath() + ")");
    }
    return jar;
  }

  /** The Java runtime running the tests, which runs the checker too. */
  private static String java() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
