package dev.feedserver.hostile;

import dev.feedserver.FixtureSite;
import dev.feedserver.config.Config;
import dev.feedserver.content.ContentLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The hostile content corpus: the files under {@code src/test/resources/hostile/} plus the ones git
 * cannot hold (a FIFO, symbolic links, an unreadable file, odd names, files over the size cap),
 * created under {@code runtime/}. {@code docs/hardening.md} lists every file with its outcome.
 */
public final class HostileCorpus {
  static final Path SOURCE = Path.of("src", "test", "resources", "hostile");
  /** The size cap the corpus is loaded with: 4 MiB, so that the over-size file stays cheap. */
  static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private HostileCorpus() {}

  /** Builds the corpus under {@code dir}: returns the content folder ({@code dir/content}). */
  public static Path create(Path dir) {
    try {
      Path content = dir.resolve("content");
      try (Stream<Path> files = Files.walk(SOURCE)) {
        for (Path source : (Iterable<Path>) files::iterator) {
          Path target = content.resolve(SOURCE.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      Path runtime = Files.createDirectories(content.resolve("runtime"));
      // outside the content folder: a valid article and a folder holding one
      Path outside = Files.writeString(dir.resolve("outside.md"), article("Outside", "<p>secret</p>"));
      Path outsideFolder = Files.createDirectories(dir.resolve("outside-folder"));
      Files.writeString(outsideFolder.resolve("outside-in-folder.md"), article("Outside folder", "<p>secret</p>"));
      Files.createSymbolicLink(runtime.resolve("link-outside.md"), outside);
      Files.createSymbolicLink(runtime.resolve("link-loop.md"), runtime.resolve("link-loop.md"));
      Files.createSymbolicLink(runtime.resolve("link-folder"), outsideFolder);
      Files.createSymbolicLink(runtime.resolve("link-parent"), Path.of(".."));
      Files.createSymbolicLink(runtime.resolve("link-dangling.md"), runtime.resolve("missing.md"));
      mkfifo(runtime.resolve("fifo.md"));
      Path unreadable = Files.writeString(runtime.resolve("unreadable.md"), article("Unreadable", "<p>x</p>"));
      unreadable.toFile().setReadable(false, false);
      Files.writeString(runtime.resolve("new\nline.md"), "");
      Files.writeString(runtime.resolve("tab\tand\u202Ebidi.md"), article("Odd name", "<p>x</p>"));
      Files.writeString(runtime.resolve("n".repeat(252) + ".md"), article("Longest name", "<p>x</p>"));
      String big = article("Too large", "<p>" + "x".repeat((int) MAX_FILE_BYTES) + "</p>");
      Files.writeString(runtime.resolve("too-large.md"), big);
      StringBuilder body = new StringBuilder();
      for (int i = 0; body.length() < 2_000_000; i++) {
        body.append("<p>Paragraph ").append(i).append(" <b>bold</b> <a href=\"/p/").append(i).append("\">link</a></p>\n");
      }
      Files.writeString(runtime.resolve("large-body.md"), article("Large body", body.toString()));
      return content;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether this process can read files whose permissions say it cannot (it runs as root). */
  static boolean ignoresPermissions(Path content) {
    return Files.isReadable(content.resolve("runtime").resolve("unreadable.md"));
  }

  public static Config config(Path content) {
    return FixtureSite.withLimits(FixtureSite.config(content), new ContentLimits(MAX_FILE_BYTES, 20, 16, 100));
  }

  private static String article(String title, String body) {
    return "---\ntitle: " + title + "\ndate: 2024-02-01\n---\n" + body + "\n";
  }

  static void mkfifo(Path path) throws IOException {
    try {
      Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
      if (p.waitFor() != 0) {
        throw new IOException("mkfifo failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
