package dev.feedserver.websub;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a WebSub hub which feeds changed (a publisher's "publish" ping: a form POST with {@code
 * hub.mode=publish} and {@code hub.url}), one request per feed, in the background.
 */
public final class HubNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(HubNotifier.class);

  private final URI hub;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public HubNotifier(URI hub) {
    this.hub = hub;
  }

  /** Pings the hub for every feed URL; completes when all answered (failures are logged). */
  public CompletableFuture<Void> publish(Collection<String> feedUrls) {
    CompletableFuture<?>[] pings =
        feedUrls.stream()
            .sorted()
            .map(url -> client.sendAsync(request(url), HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                  if (error != null) {
                    LOG.warn("WebSub hub {}: ping for {} failed: {}", hub, url, error.toString());
                  } else if (response.statusCode() / 100 != 2) {
                    LOG.warn("WebSub hub {}: ping for {} answered {}", hub, url, response.statusCode());
                  }
                  return null;
                }))
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(pings);
  }

  private HttpRequest request(String feedUrl) {
    String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(feedUrl, StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(hub)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }
}
