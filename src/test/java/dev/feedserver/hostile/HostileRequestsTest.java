package dev.feedserver.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedserver.App;
import dev.feedserver.FixtureSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile requests against the real server on a random port. Every answer is deliberate: the
 * normal one, or a 4xx with a clear message; never a 5xx, a stack trace, Jetty's own page, or the
 * request's input reflected. Raw sockets send what {@link HttpClient} refuses to.
 */
class HostileRequestsTest {
  @TempDir static Path dir;
  static App app;
  static final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    Path content = FixtureSite.copyTo(dir);
    for (String file : new String[] {"categories/path-characters.md", "categories/reserved-names.md",
        "files/percent%2Fand?query#hash.md", "text/markup-in-fields.md"}) {
      Path target = content.resolve(Path.of(file).getFileName().toString());
      Files.copy(HostileCorpus.SOURCE.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
    }
    app = App.start(FixtureSite.config(content));
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  /** A parsed raw answer. */
  record Answer(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return null;
    }
  }

  static Answer raw(String request) {
    return raw(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  static Answer raw(byte[] request) {
    try (Socket socket = new Socket("localhost", app.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try {
        in.transferTo(bytes);
      } catch (IOException e) {
        // the server may close while we still write: what arrived is the answer
      }
      String text = bytes.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      assertThat(split).as("an HTTP answer to %s", new String(request, 0, Math.min(request.length, 80), StandardCharsets.ISO_8859_1)).isPositive();
      int status = Integer.parseInt(text.substring(9, 12));
      return new Answer(status, text.substring(0, split), text.substring(split + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Answer get(String target, String... headers) {
    StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    return raw(request.append("Connection: close\r\n\r\n").toString());
  }

  /** What every answer must honour. */
  static void deliberate(Answer answer, String input) {
    assertThat(answer.status()).as("status").isBetween(200, 499);
    String body = answer.body().toLowerCase(Locale.ROOT);
    assertThat(body).doesNotContain("exception", "jetty", "at org.", "at dev.", "at java.", "<script");
    assertThat(answer.header("Content-Type")).as("content type").isNotNull().doesNotContainIgnoringCase("iso-8859-1");
    if (input.length() > 3) {
      assertThat(answer.body()).as("input reflected").doesNotContain(input);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"UI/UX", "..", ".", "%2F", "a?b", "#hash", "a b", "C++", "C#", "100%", "a\\b", "%2E%2E",
      "rss.xml", "atom.xml", "feed.json", "category", "entry", "index.html"})
  void everyCategoryIsReachableAtItsCanonicalLink(String name) throws Exception {
    String encoded = encode(name);
    for (String suffix : new String[] {"", "/rss.xml", "/atom.xml", "/feed.json"}) {
      Answer answer = get("/category/" + encoded + suffix);
      assertThat(answer.status()).as(name + suffix).isEqualTo(200);
      assertThat(answer.body()).contains("http://feeds.test/category/" + encoded + suffix);
    }
    // and through a client that resolves dot-segments before sending: the link survives it
    HttpResponse<String> viaClient = client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/category/" + encoded + "/rss.xml")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(viaClient.statusCode()).isEqualTo(200);
  }

  @Test
  void anEntryWithPathCharactersInItsFileNameIsReachable() {
    assertThat(get("/entry/" + encode("percent%2Fand?query#hash")).status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "/../../../../etc/passwd", "/category/../../../etc/passwd", "/entry/../../etc/passwd",
    "/%2E%2E/%2E%2E/etc/passwd", "/category/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/entry/..%2F..%2Fetc%2Fpasswd",
    "/%252E%252E/%252E%252E/etc/passwd", "/category/%252E%252E%252Fetc", "/..%5C..%5Cetc%5Cpasswd",
    "/category/..\\..\\etc\\passwd", "/entry/%00", "/entry/%2e%2e", "/./rss.xml/..", "//etc/passwd",
    "/category/%C0%AE%C0%AE/rss.xml", "/category/;/rss.xml", "/category/x;jsessionid=1/rss.xml",
  })
  void pathTraversalFindsNothing(String target) {
    Answer answer = get(target);
    deliberate(answer, "etc/passwd");
    assertThat(answer.status()).as(target).isIn(200, 400, 404);
    assertThat(answer.body()).doesNotContain("root:");
    if (answer.status() == 200) {
      // only a dot-segment that resolves inside the site may answer, with one of our pages
      assertThat(answer.body()).startsWith("<?xml").doesNotContain("passwd");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/category/%ZZ", "/category/%E6%96", "/%", "/category/%G1/rss.xml", "/entry/%uFF0E", "/category/%"})
  void badPercentEncodingGetsOurOwnSmallPage(String target) {
    Answer answer = get(target);
    deliberate(answer, target);
    assertThat(answer.status()).isIn(400, 404);
    assertThat(answer.header("Content-Type")).isEqualTo("text/html;charset=utf-8");
    assertThat(answer.body()).contains("<meta charset=\"utf-8\">");
  }

  @Test
  void overlongRequestLinesAndHeadersGetDeliberateStatuses() {
    Answer longPath = get("/category/" + "a".repeat(20_000));
    deliberate(longPath, "aaaa");
    assertThat(longPath.status()).isEqualTo(414);
    assertThat(longPath.body()).contains("414 URI Too Long");
    Answer longQuery = get("/rss.xml?x=" + "a".repeat(20_000));
    assertThat(longQuery.status()).isEqualTo(414);
    Answer longHeader = get("/rss.xml", "X-Big: " + "b".repeat(20_000));
    deliberate(longHeader, "bbbb");
    assertThat(longHeader.status()).isEqualTo(431);
    String[] many = new String[2_000];
    for (int i = 0; i < many.length; i++) {
      many[i] = "X-H" + i + ": v";
    }
    assertThat(get("/rss.xml", many).status()).isEqualTo(431);
    // a long query within the limits is the normal answer: unknown parameters are ignored
    Answer manyParams = get("/rss.xml?" + "a=1&".repeat(1_500));
    assertThat(manyParams.status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "FOO", "get"})
  void otherMethodsGet405WithAllow(String method) {
    for (String target : new String[] {"/rss.xml", "/", "/nope", "/category/Java", "/healthz", "/category/%ZZ"}) {
      Answer answer = raw(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbody");
      deliberate(answer, method);
      assertThat(answer.status()).as(method + " " + target).isIn(405, 400);
      if (answer.status() == 405) {
        // OPTIONS is answered too (CORS preflights), so the 405 lists it like OPTIONS's own Allow
        assertThat(answer.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(answer.header("Content-Type")).isEqualTo("text/html;charset=utf-8");
      }
    }
  }

  @Test
  void optionsIsAnsweredWithAllowAndUnknownPathsAre404() {
    for (String target : new String[] {"/rss.xml", "/", "/category/Java", "/category/Java/embed"}) {
      Answer answer = raw("OPTIONS " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbody");
      deliberate(answer, "OPTIONS");
      assertThat(answer.status()).as(target).isEqualTo(204);
      assertThat(answer.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }
    for (String target : new String[] {"/nope", "/category/%ZZ", "/page/1/rss.xml"}) {
      Answer answer = raw("OPTIONS " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      deliberate(answer, "OPTIONS");
      assertThat(answer.status()).as(target).isIn(400, 404);
    }
    // a preflight still gets its CORS answer
    Answer preflight = raw("OPTIONS /rss.xml HTTP/1.1\r\nHost: localhost\r\nOrigin: https://elsewhere.example\r\n"
        + "Access-Control-Request-Method: GET\r\nConnection: close\r\n\r\n");
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bytes=0-10", "bytes=-5", "bytes=1000000-", "bytes=5-1", "bytes=0-1,3-4", "lines=1-2", "garbage"})
  void rangeIsIgnoredAndTheWholeBodySent(String range) throws Exception {
    byte[] full = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/rss.xml")).build(),
        HttpResponse.BodyHandlers.ofByteArray()).body();
    Answer answer = get("/rss.xml", "Range: " + range, "If-Range: \"whatever\"");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Range")).isNull();
    assertThat(answer.body().getBytes(StandardCharsets.UTF_8)).hasSize(full.length);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "If-None-Match: garbage", "If-None-Match: \"", "If-None-Match: ,,,,", "If-None-Match: W/", "If-None-Match: \"\\u0000\"",
    "If-Modified-Since: yesterday", "If-Modified-Since: 0", "If-Modified-Since: Sun, 31 Feb 2021 00:00:00 GMT",
    "If-Modified-Since: Mon, 01 Jan 1900 00:00:00 GMT", "If-Match: nothing", "If-Unmodified-Since: never",
  })
  void malformedConditionalHeadersGetTheNormalAnswer(String header) {
    Answer answer = get("/rss.xml", header);
    deliberate(answer, header.substring(header.indexOf(':') + 2));
    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void aHugeIfNoneMatchListIsReadCheaply() {
    Answer answer = get("/rss.xml", "If-None-Match: " + "\"x\",".repeat(1_500));
    assertThat(answer.status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "limit=abc", "limit=-1", "limit=0", "limit=101", "limit=99999999999", "limit=1e2", "limit=%ZZ", "limit=%D9%A1",
    "limit=", "limit", "limit=1&limit=2", "limit=+5", "limit=0x10", "limit=%", "limit=1%", "limit=%E6%96",
    "limit=<script>alert(1)</script>",
  })
  void badQueryValuesGet400NamingTheParameter(String query) {
    for (String feed : new String[] {"/rss.xml", "/category/Java/feed.json", "/category/Java/atom.xml"}) {
      Answer answer = get(feed + "?" + query);
      deliberate(answer, "<script>");
      assertThat(answer.status()).as(feed + "?" + query).isEqualTo(400);
      assertThat(answer.header("Content-Type").replace(" ", "")).isEqualTo("text/plain;charset=utf-8");
      assertThat(answer.body()).startsWith("query parameter 'limit'");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"limit=%ZZ", "limit=11", "limit=0", "theme=%ZZ", "theme=%E6%96", "theme=<script>", "theme=dark&theme=light"})
  void badEmbedOptionsGet400NamingTheParameter(String query) {
    Answer answer = get("/category/Java/embed?" + query);
    deliberate(answer, "<script>");
    assertThat(answer.status()).as(query).isEqualTo(400);
    assertThat(answer.body()).startsWith("query parameter '" + query.substring(0, query.indexOf('=')) + "'");
  }

  /** Pages are path segments now: a bad page number names nothing (404); {@code ?page=} is an unknown parameter. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "/page/0/rss.xml", "/page/1/rss.xml", "/page/9999/rss.xml", "/page/abc/rss.xml", "/page/1.5/rss.xml",
    "/page/%00/rss.xml", "/page/-1/rss.xml", "/page/02/rss.xml", "/page/%32/rss.xml", "/page/99999999999/rss.xml",
    "/category/Java/page/0", "/category/Java/page/9999/feed.json", "/page//rss.xml",
  })
  void badPageNumbersAre404(String target) {
    Answer answer = get(target);
    deliberate(answer, target);
    assertThat(answer.status()).as(target).isIn(400, 404);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"page=0", "page=9999", "page=abc", "page=%00", "page=%ZZ", "%ZZ=1", "a=%ZZ"})
  void otherQueryParametersAreIgnoredEvenMalformed(String query) {
    assertThat(get("/rss.xml?" + query).status()).as(query).isEqualTo(200);
  }

  @Test
  void randomRequestLinesNeverGetA5xx() {
    Random random = new Random(6);
    String alphabet = "/%.?#;\\ab%2E%2F%25%00%C0%FF%E6%96\u00e9\u4e2d\t";
    for (int i = 0; i < 300; i++) {
      StringBuilder target = new StringBuilder("/");
      for (int n = random.nextInt(30); n > 0; n--) {
        target.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      byte[] line = ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8);
      Answer answer = raw(line);
      assertThat(answer.status()).as(target.toString()).isBetween(200, 499);
      assertThat(answer.body().toLowerCase(Locale.ROOT)).as(target.toString()).doesNotContain("exception", "jetty");
    }
  }

  /** Percent-encoding as {@code Links} does it (reimplemented here: the test must not trust it). */
  static String encode(String name) {
    if (name.equals(".") || name.equals("..")) {
      return "%2E".repeat(name.length());
    }
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append(String.format("%%%02X", c));
      }
    }
    return out.toString();
  }
}
