package dev.feedserver.web;

import dev.feedserver.App;
import dev.feedserver.FixtureSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on a copy of the fixture corpus, on a random port, and an HTTP client for it;
 * a JUnit extension: {@code @RegisterExtension static final FixtureServer server = new FixtureServer();}
 * starts it before a class's tests and stops it after.
 */
final class FixtureServer implements BeforeAllCallback, AfterAllCallback {
  private final HttpClient client = HttpClient.newHttpClient();
  private Path dir;
  private App app;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("fixture-server");
    app = App.start(FixtureSite.config(FixtureSite.copyTo(dir)));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    app.stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> {
        try {
          Files.delete(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  int port() {
    return app.port();
  }

  /** Sends a request without a body; {@code headers} are name, value pairs. */
  HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
