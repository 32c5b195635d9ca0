package dev.feedserver;

import dev.feedserver.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A build step, not a command: serves each content folder given once, on a free port, asks it for
 * what readers and browsers ask for, and stops. Run by {@code mvn package} with {@code
 * -XX:ArchiveClassesAtExit=target/feedserver.jsa}, it leaves the classes that start-up and serving
 * load in a class-data-sharing archive, which {@code java -XX:SharedArchiveFile=target/feedserver.jsa
 * -jar target/feedserver.jar} (the first of the run command's flags, in {@code
 * src/main/jvm/feedserver.options}) maps instead of loading and verifying them again.
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=ARCHIVE -cp target/feedserver.jar
 * dev.feedserver.CdsTraining DIR...}; exits 0, or 1 naming what failed (the build then fails).
 */
public final class CdsTraining {
  private static final Pattern ENTRY = Pattern.compile("href=\"(/entry/[^\"#?]+)\"");
  private static final Pattern CATEGORY = Pattern.compile("href=\"(/category/[^\"#?]+)\"");

  private CdsTraining() {}

  public static void main(String[] args) {
    try {
      for (String dir : args) {
        train(dir);
      }
    } catch (IOException | RuntimeException | InterruptedException | java.util.concurrent.ExecutionException e) {
      System.err.println("CdsTraining: " + e);
      System.exit(1);
    }
    System.exit(0);
  }

  private static void train(String dir)
      throws IOException, InterruptedException, java.util.concurrent.ExecutionException {
    App app = App.start(new ConfigLoader(Map.of(
        "PORT", "0", "FEED_CONTENT_DIR", dir, "FEED_BASE_URL", "http://localhost/", "FEED_WATCH", "false",
        "FEED_READ_CACHE", "off")).load());
    try {
      app.warmed().get(60, TimeUnit.SECONDS);
      String base = "http://localhost:" + app.port();
      String index = get(base + "/", "");
      List<String> paths = new ArrayList<>(List.of("/rss.xml", "/atom.xml", "/feed.json", "/healthz", "/nowhere"));
      Matcher entry = ENTRY.matcher(index);
      if (entry.find()) {
        paths.add(entry.group(1));
      }
      Matcher category = CATEGORY.matcher(index);
      if (category.find()) {
        paths.add(category.group(1));
      }
      for (String path : paths) {
        for (String encoding : List.of("", "gzip", "br")) {
          get(base + path, encoding);
        }
      }
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the warm-up of " + dir + " did not finish in 60 s");
    } finally {
      app.stop();
    }
  }

  /** The body of a GET (as text when not encoded), with the ETag sent back once for a 304. */
  private static String get(String url, String encoding) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    if (!encoding.isEmpty()) {
      connection.setRequestProperty("Accept-Encoding", encoding);
    }
    byte[] body;
    try (InputStream in = connection.getResponseCode() < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      body = in == null ? new byte[0] : in.readAllBytes();
    }
    String etag = connection.getHeaderField("ETag");
    if (etag != null) {
      HttpURLConnection again = (HttpURLConnection) URI.create(url).toURL().openConnection();
      again.setRequestProperty("If-None-Match", etag);
      again.getResponseCode();
      again.disconnect();
    }
    return new String(body, StandardCharsets.UTF_8);
  }
}
