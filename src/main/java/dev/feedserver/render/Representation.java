package dev.feedserver.render;

import java.util.List;
import java.util.Objects;

/**
 * One response body, rendered once: its Content-Type, bytes, the headers that belong to these
 * bytes (such as a page's {@code Content-Security-Policy} and {@code Link}), and whether other
 * origins may read it (CORS).
 */
public record Representation(String contentType, byte[] body, boolean crossOrigin, List<Header> headers) {
  /** Written as Jetty writes it, so every path (Javalin or the fast path) sends the same value. */
  public static final String HTML = "text/html;charset=utf-8";

  /** A response header that is part of the representation. */
  public record Header(String name, String value) {
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  public Representation {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    headers = List.copyOf(headers);
  }

  /** A same-origin representation without headers of its own. */
  public Representation(String contentType, byte[] body) {
    this(contentType, body, false, List.of());
  }
}
