package dev.feedserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * An image host on 127.0.0.1 for the image proxy's tests, hot-link protected as the seed's image
 * hosts are: it answers {@code 403} to any request that carries a {@code Referer} other than its
 * own origin, or that a browser marks as coming from another site ({@code Sec-Fetch-Site:
 * cross-site}, which Chromium sends with every cross-site image request whatever the referrer
 * policy: it stands in for the feed readers that send their own page as {@code Referer}). Through
 * the proxy none of these headers reach it.
 *
 * <p>Paths: real images ({@code /a.png}, {@code /a.jpg}, {@code /a.gif}, {@code /a.webp}, 8×6
 * pixels but the WebP, 1×1), {@code /a.svg}, {@code /page.html}, {@code /fake.png} (HTML labelled
 * {@code image/png}), {@code /r1} (one redirect to {@code /a.png}), {@code /r3} (three), {@code /r4}
 * (four), {@code /slow.png} (answers after {@link #SLOW_MILLIS}), {@code /big.png} and {@code
 * /big-chunked.png} (a PNG signature and {@link #BIG_BYTES} bytes, with and without a length), and
 * {@code /to?u=URL} (a redirect to any URL).
 */
public final class ImageHost implements AutoCloseable {
  public static final int SLOW_MILLIS = 3000;
  /** The image proxy's secret in tests. */
  public static final String SECRET = "0123456789abcdef0123456789abcdef-test";
  public static final int BIG_BYTES = 200_000;
  /** A 1×1 lossless WebP. */
  private static final byte[] WEBP =
      Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, byte[]> images;
  /** HTML pages a test puts here (a host page that embeds the widget). */
  private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

  public ImageHost() {
    images = Map.of(
        "/a.png", raster("png"), "/a.jpg", raster("jpg"), "/a.gif", raster("gif"), "/a.webp", WEBP);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** This host's origin, {@code http://127.0.0.1:port}. */
  public String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String url(String path) {
    return origin() + path;
  }

  /** The bytes served at an image path. */
  public byte[] image(String path) {
    return images.get(path);
  }

  /** Serves {@code html} at {@code path}, as a blog on this origin would. */
  public void page(String path, String html) {
    pages.put(path, html.getBytes(StandardCharsets.UTF_8));
  }

  /** How many requests reached a path. */
  public int hits(String path) {
    return hits.computeIfAbsent(path, p -> new AtomicInteger()).get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      String referer = exchange.getRequestHeaders().getFirst("Referer");
      String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
      if ((referer != null && !referer.startsWith(origin() + "/")) || "cross-site".equals(site)) {
        send(exchange, 403, "text/plain", "hot-linking refused".getBytes(StandardCharsets.UTF_8));
        return;
      }
      byte[] page = pages.get(path);
      if (page != null) {
        send(exchange, 200, "text/html; charset=utf-8", page);
        return;
      }
      byte[] image = images.get(path);
      if (image != null) {
        String type = switch (path.substring(path.lastIndexOf('.') + 1)) {
          case "jpg" -> "image/jpeg";
          default -> "image/" + path.substring(path.lastIndexOf('.') + 1);
        };
        send(exchange, 200, type, image);
        return;
      }
      if (path.startsWith("/unique/")) { // a fresh URL per test, answered a little slowly so requests overlap
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        send(exchange, 200, "image/png", images.get("/a.png"));
        return;
      }
      switch (path) {
        case "/a.svg" -> send(exchange, 200, "image/svg+xml",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"6\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8));
        case "/page.html" -> send(exchange, 200, "text/html", "<!DOCTYPE html><p>hi".getBytes(StandardCharsets.UTF_8));
        case "/fake.png" -> send(exchange, 200, "image/png", "<!DOCTYPE html><p>hi".getBytes(StandardCharsets.UTF_8));
        case "/r1" -> redirect(exchange, "/a.png");
        case "/r3" -> redirect(exchange, "/r3b");
        case "/r3b" -> redirect(exchange, "/r3c");
        case "/r3c" -> redirect(exchange, "/a.png");
        case "/r4" -> redirect(exchange, "/r3");
        case "/to" -> redirect(exchange, exchange.getRequestURI().getRawQuery().substring(2));
        case "/slow.png" -> {
          try {
            Thread.sleep(SLOW_MILLIS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(exchange, 200, "image/png", images.get("/a.png"));
        }
        case "/big.png" -> send(exchange, 200, "image/png", big());
        case "/big-chunked.png" -> {
          exchange.getResponseHeaders().set("Content-Type", "image/png");
          exchange.sendResponseHeaders(200, 0); // chunked, no length
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(big());
          }
        }
        default -> send(exchange, 404, "text/plain", "no such image".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /**
   * The proxy's settings in tests: 1 s limits, 64 KiB images, a week of max-age, 4 fetches a host,
   * and loopback allowed or not.
   */
  public static dev.feedserver.config.ImageProxySettings proxySettings(boolean allowLoopback,
      dev.feedserver.config.ImageProxySettings.Referer referer) {
    return new dev.feedserver.config.ImageProxySettings(SECRET, referer, java.time.Duration.ofSeconds(1),
        java.time.Duration.ofSeconds(1), 64 * 1024, 1 << 20, 604_800, 4, allowLoopback);
  }

  private byte[] big() {
    byte[] big = new byte[BIG_BYTES];
    System.arraycopy(images.get("/a.png"), 0, big, 0, 8);
    return big;
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** An 8×6 image in a format ImageIO writes. */
  private static byte[] raster(String format) {
    BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 8; x++) {
      for (int y = 0; y < 6; y++) {
        image.setRGB(x, y, (x * 32) << 16 | (y * 40) << 8 | 0x80);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
