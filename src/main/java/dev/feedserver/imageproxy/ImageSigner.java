package dev.feedserver.imageproxy;

import dev.feedserver.site.Route;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs image URLs so that the proxy fetches only what the server wrote itself: the signature is
 * HMAC-SHA-256 of the URL's UTF-8 bytes under the configured secret, its first 16 bytes (128 bits:
 * beyond any search) as unpadded base64url. Checked in constant time.
 */
public final class ImageSigner {
  private static final String ALGORITHM = "HmacSHA256";
  private static final int SIGNATURE_BYTES = 16;

  private final SecretKeySpec key;

  /** @param secret the configured secret ({@code imageProxySecret}) */
  public ImageSigner(String secret) {
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("empty secret");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** The signature of {@code url}. */
  public String sign(String url) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(url));
  }

  /** The route that serves {@code url} through the proxy, signed. */
  public Route.Image route(String url) {
    return new Route.Image(sign(url), url);
  }

  /** Whether the route's signature is the one this server writes for its URL. */
  public boolean verify(Route.Image image) {
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(image.signature());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(given, mac(image.url()));
  }

  private byte[] mac(String url) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM); // per call: a Mac is not thread-safe, and cheap to get
      mac.init(key);
      return Arrays.copyOf(mac.doFinal(url.getBytes(StandardCharsets.UTF_8)), SIGNATURE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
    }
  }
}
