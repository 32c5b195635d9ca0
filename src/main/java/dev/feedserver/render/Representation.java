package dev.feedserver.render;

import java.util.Objects;

/** One response body, rendered once: its Content-Type and bytes. */
public record Representation(String contentType, byte[] body) {
  public static final String HTML = "text/html; charset=utf-8";

  public Representation {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
  }
}
