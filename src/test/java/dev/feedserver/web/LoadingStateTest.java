package dev.feedserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedserver.FixtureSite;
import dev.feedserver.site.Links;
import dev.feedserver.site.Origins;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** While the first site loads, the port is open: /healthz says "loading", everything else 503. */
class LoadingStateTest {
  @Test
  void beforeTheContentIsLoaded() throws Exception {
    Javalin server =
        new FeedServer(() -> null, new Links(FixtureSite.BASE_URL, FixtureSite.ID_AUTHORITY), 100, 300,
                Origins.ANY, () -> false)
            .create()
            .start(0);
    try {
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> health = client.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/healthz")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).isEqualTo("{\"status\":\"loading\",\"articles\":0}\n");
      for (String path : new String[] {"/rss.xml", "/", "/nope", "/entry/x"}) {
        HttpResponse<String> response = client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.body()).isEqualTo("loading the articles; try again in a second\n");
      }
    } finally {
      server.stop();
    }
  }
}
