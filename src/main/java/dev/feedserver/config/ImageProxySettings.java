package dev.feedserver.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the image proxy ({@code imageProxy: true}) signs, fetches and keeps other hosts' images.
 *
 * @param secret the HMAC key image URLs are signed with: at least {@link #MIN_SECRET_LENGTH}
 *     characters; never logged
 * @param referer what the proxy sends upstream as {@code Referer}
 * @param connectTimeout longest wait for a connection to an upstream host
 * @param timeout longest a whole fetch may take, redirects included
 * @param maxBytes largest image fetched; a larger one is refused
 * @param cacheBytes bytes of images kept in memory
 * @param maxAgeSeconds {@code Cache-Control: max-age} of a proxied image
 * @param perHost most fetches running at once against one upstream host
 * @param allowLoopback for tests only: loopback addresses may be fetched (private, link-local and
 *     the rest stay refused)
 */
public record ImageProxySettings(
    String secret,
    Referer referer,
    Duration connectTimeout,
    Duration timeout,
    long maxBytes,
    long cacheBytes,
    int maxAgeSeconds,
    int perHost,
    boolean allowLoopback) {
  /** The shortest secret accepted: 32 characters, so that a signature cannot be guessed by search. */
  public static final int MIN_SECRET_LENGTH = 32;

  /** The {@code Referer} an upstream host gets. */
  public enum Referer {
    /** None: as a browser with {@code Referrer-Policy: no-referrer}. */
    NONE,
    /** The image's own origin ({@code https://host/}), for hosts that want a same-site referer. */
    ORIGIN
  }

  public ImageProxySettings {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(referer, "referer");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(timeout, "timeout");
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException("secret shorter than " + MIN_SECRET_LENGTH + " characters");
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero() || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("time limits must be positive");
    }
    if (maxBytes < 1 || cacheBytes < 0 || maxAgeSeconds < 0 || perHost < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  @Override
  public String toString() {
    // the secret stays out of every log line and message
    return "ImageProxySettings[referer=" + referer + ", connectTimeout=" + connectTimeout + ", timeout=" + timeout
        + ", maxBytes=" + maxBytes + ", cacheBytes=" + cacheBytes + ", maxAgeSeconds=" + maxAgeSeconds
        + ", perHost=" + perHost + ", allowLoopback=" + allowLoopback + "]";
  }
}
