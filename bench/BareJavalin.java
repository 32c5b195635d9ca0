import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The framework's ceiling: a bare Javalin 7 app answering with constant byte arrays (no lookup,
 * no negotiation beyond what the benchmark asks). Run from the project's jar:
 *
 *   java -cp target/feedserver.jar bench/BareJavalin.java PORT SMALL_FILE LARGE_FILE
 *
 * GET /small and /large send the files; with Accept-Encoding: gzip they send SMALL_FILE.gz /
 * LARGE_FILE.gz precompressed; If-None-Match: "bare" gets a 304.
 */
public class BareJavalin {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    byte[] small = Files.readAllBytes(Path.of(args[1]));
    byte[] large = Files.readAllBytes(Path.of(args[2]));
    byte[] smallGz = Files.readAllBytes(Path.of(args[1] + ".gz"));
    byte[] largeGz = Files.readAllBytes(Path.of(args[2] + ".gz"));
    Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.generateEtags = false;
      config.http.compressionStrategy = CompressionStrategy.NONE;
      config.routes.get("/small", ctx -> send(ctx, small, smallGz));
      config.routes.get("/large", ctx -> send(ctx, large, largeGz));
    }).start(port);
  }

  private static void send(io.javalin.http.Context ctx, byte[] plain, byte[] gz) {
    ctx.header("ETag", "\"bare\"");
    ctx.contentType("application/rss+xml; charset=utf-8");
    if ("\"bare\"".equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    String ae = ctx.header("Accept-Encoding");
    byte[] body = plain;
    if (ae != null && ae.contains("gzip")) {
      ctx.header("Content-Encoding", "gzip");
      body = gz;
    }
    ctx.header("Content-Length", Integer.toString(body.length));
    ctx.result(body);
  }
}
