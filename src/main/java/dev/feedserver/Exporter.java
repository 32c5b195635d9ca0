package dev.feedserver;

import dev.feedserver.config.Config;
import dev.feedserver.web.ServedSite;
import dev.feedserver.web.StaticExport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;

/** {@code java -jar feedserver.jar export OUTDIR}: writes the whole site as static files. */
final class Exporter {
  private Exporter() {}

  /** Runs the command; returns the process exit code. */
  static int run(Config config, Path out, PrintStream stdout, PrintStream stderr) {
    long t0 = System.nanoTime();
    // A folder of files has no image proxy behind it: the export writes every image URL as the
    // articles give it, whatever imageProxy says.
    Publisher publisher = new Publisher(config.withImageProxy(java.util.Optional.empty()));
    Publisher.Publication publication = App.publish(config, publisher);
    ServedSite site = ServedSite.first(publication.site(), Instant.now());
    try {
      StaticExport.Result result = new StaticExport(publisher.links()).write(site, out);
      stdout.printf(
          "exported %d files (each with a .gz, and a .br where brotli is smaller) to %s, skipped %d, in %d ms%n",
          result.files(), out, result.skipped(), (System.nanoTime() - t0) / 1_000_000);
      return 0;
    } catch (IOException e) {
      stderr.println("feedserver: export to " + out + " failed: " + e.getMessage());
      return 1;
    }
  }
}
