package dev.feedserver.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The web origins allowed to read feeds and embed resources from scripts (CORS) and to frame the
 * embed page ({@code frame-ancestors}): any origin, or an explicit list.
 *
 * @param allowed serialized origins ({@code https://example.org}, {@code http://localhost:8080});
 *     empty means any origin
 */
public record Origins(List<String> allowed) {
  /** Any origin: {@code Access-Control-Allow-Origin: *}. */
  public static final Origins ANY = new Origins(List.of());

  public Origins {
    allowed = List.copyOf(allowed);
  }

  public boolean any() {
    return allowed.isEmpty();
  }

  /** Whether a request's {@code Origin} header names an allowed origin (always, for {@link #ANY}). */
  public boolean allows(String origin) {
    return any() || (origin != null && allowed.contains(origin.toLowerCase(Locale.ROOT)));
  }

  /** The source list of CSP {@code frame-ancestors} for the embed page. */
  public String frameAncestors() {
    return any() ? "*" : String.join(" ", allowed);
  }

  /**
   * Reads {@code *} or a list of origins separated by commas or spaces. Each must be an http(s)
   * origin: scheme, host and optional port, no path, query or fragment.
   *
   * @throws IllegalArgumentException naming the first bad entry
   */
  public static Origins parse(String value) {
    String trimmed = value.strip();
    if (trimmed.equals("*")) {
      return ANY;
    }
    List<String> origins = new ArrayList<>();
    for (String entry : trimmed.split("[,\\s]+")) {
      if (entry.isEmpty()) {
        continue;
      }
      String origin = origin(entry);
      if (!origins.contains(origin)) {
        origins.add(origin);
      }
    }
    if (origins.isEmpty()) {
      throw new IllegalArgumentException("must be * or a list of origins such as https://example.org");
    }
    return new Origins(origins);
  }

  private static String origin(String entry) {
    String problem = "must be * or a list of origins such as https://example.org; '" + entry + "' is not an origin";
    URI uri;
    try {
      uri = new URI(entry);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(problem);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
        || uri.getRawUserInfo() != null || !(path.isEmpty() || path.equals("/"))
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(problem);
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }
}
