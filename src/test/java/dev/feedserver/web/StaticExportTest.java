package dev.feedserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import dev.feedserver.App;
import dev.feedserver.FixtureSite;
import dev.feedserver.Publisher;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported folder holds exactly the bytes the server sends, at the paths it sends them from. */
class StaticExportTest {
  @TempDir Path dir;

  @Test
  void exportedFilesAreByteIdenticalToServedResponses() throws Exception {
    Path content = FixtureSite.copyTo(dir.resolve("content"));
    Path out = dir.resolve("out");
    Publisher publisher = new Publisher(FixtureSite.config(content));
    ServedSite site = ServedSite.first(publisher.publish().site(), Instant.now());
    StaticExport.Result result = new StaticExport(publisher.links()).write(site, out);

    List<Path> files;
    try (Stream<Path> walk = Files.walk(out)) {
      files = walk.filter(Files::isRegularFile)
          .filter(f -> !f.toString().endsWith(".gz") && !f.toString().endsWith(".br")).sorted().toList();
    }
    assertThat(result.files()).isEqualTo(files.size());
    assertThat(out.resolve("index.html")).exists();
    assertThat(out.resolve("category/新媒体/rss.xml")).exists();
    assertThat(out.resolve("category/C++/feed.json")).exists();
    assertThat(out.resolve("entry/000_dc3f88500a8e27b9/index.html")).exists();
    // discovery and embedding resources that have a plain path (no preview: it shares the feed's path)
    for (String name : List.of("opml.xml", "feeds.json", "embed.js", "style.css", "category/新媒体/embed/index.html",
        "tag/intro/index.html", "tag/intro/rss.xml", "tag/intro/embed/index.html", "author/Ada Lovelace/atom.xml",
        "author/人人都是产品经理/feed.json")) {
      assertThat(out.resolve(name)).as(name).exists();
    }

    App app = App.start(FixtureSite.config(content));
    try {
      HttpClient client = HttpClient.newHttpClient();
      for (Path file : files) {
        String path = urlPath(out.relativize(file));
        HttpResponse<byte[]> response = client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(path.equals("/404.html") ? 404 : 200);
        assertThat(Files.readAllBytes(file)).as(path).isEqualTo(response.body());
        byte[] gz = Files.readAllBytes(file.resolveSibling(file.getFileName() + ".gz"));
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes()).as(path + ".gz")
            .isEqualTo(response.body());
      }
      assertThat(files).hasSizeGreaterThan(40);
    } finally {
      app.stop();
    }
  }

  /**
   * A {@code .br} beside a file is exactly what the server sends for {@code Accept-Encoding: br}
   * and decodes to the file; where the server keeps no brotli variant there is no {@code .br}.
   * {@code 404.html.br} (like its {@code .gz}) is the not-found page's brotli variant, for a static
   * host's error page.
   */
  @Test
  void exportedBrotliFilesAreTheServedBrotliBytes() throws Exception {
    assertThat(Brotli4jLoader.isAvailable()).as("brotli4j native library").isTrue();
    Path content = FixtureSite.copyTo(dir.resolve("content"));
    Path out = dir.resolve("out");
    Publisher publisher = new Publisher(FixtureSite.config(content));
    ServedSite site = ServedSite.first(publisher.publish().site(), Instant.now());
    new StaticExport(publisher.links()).write(site, out);

    List<Path> files;
    try (Stream<Path> walk = Files.walk(out)) {
      files = walk.filter(Files::isRegularFile)
          .filter(f -> !f.toString().endsWith(".gz") && !f.toString().endsWith(".br")).sorted().toList();
    }
    App app = App.start(FixtureSite.config(content));
    try {
      HttpClient client = HttpClient.newHttpClient();
      int withBrotli = 0;
      for (Path file : files) {
        String path = urlPath(out.relativize(file));
        HttpResponse<byte[]> response = client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .header("Accept-Encoding", "br").build(),
            HttpResponse.BodyHandlers.ofByteArray());
        Path br = file.resolveSibling(file.getFileName() + ".br");
        if (path.equals("/404.html")) { // the server answers its 404s uncompressed; a static host may not
          assertThat(Decoder.decompress(Files.readAllBytes(br)).getDecompressedData()).as("404.html.br decoded")
              .isEqualTo(Files.readAllBytes(file));
          continue;
        }
        boolean sentBrotli = response.headers().firstValue("Content-Encoding").orElse("").equals("br");
        assertThat(Files.exists(br)).as(path + ".br exists exactly when the server sends br").isEqualTo(sentBrotli);
        if (!sentBrotli) {
          continue;
        }
        withBrotli++;
        byte[] brBytes = Files.readAllBytes(br);
        assertThat(brBytes).as(path + ".br").isEqualTo(response.body());
        assertThat(Decoder.decompress(brBytes).getDecompressedData()).as(path + ".br decoded")
            .isEqualTo(Files.readAllBytes(file));
      }
      // every feed and page of the fixture compresses; a few tiny files may not
      assertThat(withBrotli).isGreaterThan(files.size() / 2);
      assertThat(out.resolve("category/新媒体/rss.xml.br")).exists();
    } finally {
      app.stop();
    }
  }

  /** The URL path a file was exported for: encoded segments, index.html dropped. */
  private static String urlPath(Path relative) {
    String path = Stream.of(relative.toString().split("/"))
        .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining("/", "/", ""));
    if (path.equals("/index.html")) {
      return "/";
    }
    return path.endsWith("/index.html") ? path.substring(0, path.length() - "/index.html".length()) : path;
  }
}
