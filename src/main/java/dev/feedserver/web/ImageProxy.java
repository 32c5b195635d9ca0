package dev.feedserver.web;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.feedserver.config.ImageProxySettings;
import dev.feedserver.imageproxy.ImageFetcher;
import dev.feedserver.imageproxy.ImageSigner;
import dev.feedserver.render.Representation;
import dev.feedserver.site.Route;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@link Route.Image}: checks the signature ({@code 403} when this server did not write the
 * URL), fetches the image once ({@link ImageFetcher}: concurrent requests for one URL wait for the
 * same fetch), keeps it in a bounded memory cache, and serves it as any other resource, with a
 * strong {@code ETag} of its bytes, {@code Last-Modified}, {@code 304}, {@code HEAD} and its own
 * {@code Cache-Control} ({@code imageProxyMaxAge}, a week by default). An upstream that fails gives
 * {@code 502} (refused or broken) or {@code 504} (too slow) with a one-line body, logged once per
 * URL and reason, and remembered for {@link #FAILURE_KEPT} so that a broken image in a popular feed
 * does not make every reader's request a new fetch.
 */
final class ImageProxy {
  private static final Logger LOG = LoggerFactory.getLogger(ImageProxy.class);
  /** How long a failed fetch is answered from memory before it is tried again. */
  static final Duration FAILURE_KEPT = Duration.ofMinutes(1);
  private static final String TEXT = "text/plain; charset=utf-8";
  /** Bytes counted for an entry beyond its image: the key, the headers, the failure's reason. */
  private static final int ENTRY_OVERHEAD = 256;

  private final ImageSigner signer;
  private final ImageFetcher fetcher;
  private final HttpCaching caching;
  private final Compression compression = new Compression();
  private final int maxAge;
  private final AsyncCache<String, Outcome> cache;
  /** The reason each URL was last logged with: a failure is logged once, not on every retry. */
  private final Cache<String, String> logged = Caffeine.newBuilder().maximumSize(10_000).build();

  /** What one URL gave: an image ready to serve, or the status and reason of a failure. */
  private sealed interface Outcome {}

  private record Served(HttpResource resource) implements Outcome {}

  private record Unavailable(int status, String reason) implements Outcome {}

  ImageProxy(ImageProxySettings settings, ImageFetcher fetcher, HttpCaching caching) {
    this.signer = new ImageSigner(settings.secret());
    this.fetcher = fetcher;
    this.caching = caching;
    this.maxAge = settings.maxAgeSeconds();
    this.cache = Caffeine.newBuilder()
        .maximumWeight(settings.cacheBytes())
        .<String, Outcome>weigher((url, outcome) -> ENTRY_OVERHEAD + url.length()
            + (outcome instanceof Served served ? served.resource().size() : 0))
        .expireAfter(new Expiry<String, Outcome>() {
          @Override
          public long expireAfterCreate(String url, Outcome outcome, long now) {
            return (outcome instanceof Served ? Duration.ofSeconds(Math.max(maxAge, 60)) : FAILURE_KEPT).toNanos();
          }

          @Override
          public long expireAfterUpdate(String url, Outcome outcome, long now, long current) {
            return expireAfterCreate(url, outcome, now);
          }

          @Override
          public long expireAfterRead(String url, Outcome outcome, long now, long current) {
            return current;
          }
        })
        .buildAsync();
  }

  /** The answer for an image route (a request's conditional and encoding headers applied). */
  HttpCaching.Answer answer(Route.Image image, Responder.RequestHeaders request) {
    if (!signer.verify(image)) {
      return small(403, "this image address was not written by this server (its signature does not match)");
    }
    Outcome outcome = outcome(image.url());
    if (outcome instanceof Served served) {
      return caching.answer(served.resource(), request.acceptEncoding(), request.ifNoneMatch(),
          request.ifModifiedSince(), HttpCaching.VARY, List.of());
    }
    Unavailable failed = (Unavailable) outcome;
    return small(failed.status(), "image unavailable: " + failed.reason());
  }

  /** The outcome of {@code url}: from memory, from a fetch running for another request, or fetched now. */
  private Outcome outcome(String url) {
    CompletableFuture<Outcome> mine = new CompletableFuture<>();
    CompletableFuture<Outcome> running = cache.asMap().putIfAbsent(url, mine);
    if (running != null) {
      return running.join();
    }
    Outcome outcome = new Unavailable(502, "fetch failed");
    try {
      outcome = fetch(url);
    } catch (RuntimeException e) {
      outcome = new Unavailable(502, "fetch failed: " + e);
    } finally {
      mine.complete(outcome); // whatever happened, the requests waiting for this fetch get an answer
    }
    if (outcome instanceof Unavailable failed && !failed.reason().equals(logged.getIfPresent(url))) {
      logged.put(url, failed.reason());
      LOG.warn("image proxy: {} {}: {}", failed.status(), url, failed.reason());
    }
    return outcome;
  }

  private Outcome fetch(String url) {
    ImageFetcher.Result result = fetcher.fetch(url);
    if (result instanceof ImageFetcher.Image fetched) {
      Representation representation = new Representation(fetched.mediaType(), fetched.bytes(), false,
          List.of(new Representation.Header("Content-Security-Policy", "default-src 'none'; sandbox")));
      return new Served(HttpResource.of(representation, Instant.now(), Optional.empty(), compression)
          .withMaxAge(maxAge));
    }
    ImageFetcher.Failed failed = (ImageFetcher.Failed) result;
    return new Unavailable(failed.timedOut() ? 504 : 502, failed.reason());
  }

  /** A small plain-text answer, kept by no one. */
  private static HttpCaching.Answer small(int status, String message) {
    return new HttpCaching.Answer(status, List.of(
        new org.eclipse.jetty.http.HttpField("Content-Type", TEXT),
        new org.eclipse.jetty.http.HttpField("Cache-Control", "no-store"),
        new org.eclipse.jetty.http.HttpField("X-Content-Type-Options", "nosniff")),
        java.nio.ByteBuffer.wrap((message + "\n").getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer());
  }
}
