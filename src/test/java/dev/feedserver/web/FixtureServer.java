package dev.feedserver.web;

import dev.feedserver.App;
import dev.feedserver.FixtureSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** The real server on the fixture corpus, on a random port, and an HTTP client for it. */
final class FixtureServer implements AutoCloseable {
  private final App app;
  private final HttpClient client = HttpClient.newHttpClient();

  private FixtureServer(App app) {
    this.app = app;
  }

  /** Copies the fixture corpus into {@code dir} and serves it. */
  static FixtureServer start(Path dir) {
    return new FixtureServer(App.start(FixtureSite.config(FixtureSite.copyTo(dir))));
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

  @Override
  public void close() {
    app.stop();
  }
}
