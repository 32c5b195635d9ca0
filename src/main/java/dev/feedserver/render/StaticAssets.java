package dev.feedserver.render;

import dev.feedserver.content.SafeHtml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The project's own static files, shipped in the jar next to this class: the pages' stylesheet,
 * the embed script and the embed page's inline style (with its CSP hash).
 */
record StaticAssets(byte[] stylesheet, byte[] embedScript, String embedStyle, String embedStyleHash) {
  static final String CSS = "text/css; charset=utf-8";
  static final String JAVASCRIPT = "text/javascript; charset=utf-8";

  static StaticAssets load() {
    String embedCss = new String(read("embed.css"), StandardCharsets.UTF_8);
    return new StaticAssets(read("style.css"), read("embed.js"), embedCss, "sha256-" + sha256(embedCss));
  }

  /** The embed page's {@code <style>} element: our own constant CSS, never user input. */
  SafeHtml embedStyleElement() {
    return new SafeHtml("<style>" + embedStyle + "</style>");
  }

  private static byte[] read(String name) {
    try (InputStream in = StaticAssets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String text) {
    return Base64.getEncoder().encodeToString(dev.feedserver.Sha256.of(text));
  }
}
