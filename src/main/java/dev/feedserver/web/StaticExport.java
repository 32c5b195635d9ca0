package dev.feedserver.web;

import dev.feedserver.site.Links;
import dev.feedserver.site.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes the whole site (every feed page in every format, every page, each topic's embed page
 * at its default options, the OPML list, the feed index, the embed script, the stylesheet and the
 * 404 page) into a folder, with a precompressed {@code .gz} beside each file, and a {@code .br}
 * beside each file the server keeps a brotli variant of (brotli4j loaded and the result smaller):
 * the same bytes the server sends, so any static host or CDN can serve them.
 *
 * <p>What only a request can choose has no file: a feed's browser preview (it shares the feed's
 * URL), other embed options and page sizes (queries). Nor do headers travel with the files: a
 * static host sends its own (CORS, Content-Security-Policy, {@code Link}).
 *
 * <p>File names are the decoded URL paths, as static servers map them: {@code /category/新媒体/rss.xml}
 * is {@code category/新媒体/rss.xml}; pages are {@code index.html} in their folder. A name that
 * cannot be a file name ({@code .}, {@code ..}, empty, or containing a NUL) is skipped and logged.
 */
public final class StaticExport {
  private final Links links;

  public StaticExport(Links links) {
    this.links = links;
  }

  /** The outcome: files written (not counting .gz and .br) and routes skipped. */
  public record Result(int files, int skipped) {}

  public Result write(ServedSite site, Path out) throws IOException {
    Files.createDirectories(out);
    AtomicInteger files = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    try {
      site.rendered().routes().filter(route -> route.export() != Route.Export.NONE).parallel().forEach(route -> {
        Optional<Path> file = fileFor(out, route);
        Optional<HttpResource> resource = site.resolve(route);
        if (file.isEmpty() || resource.isEmpty()) {
          skipped.incrementAndGet();
          return;
        }
        write(file.get(), resource.get());
        files.incrementAndGet();
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    write(out.resolve("404.html"), site.notFound());
    return new Result(files.get() + 1, skipped.get());
  }

  private static void write(Path file, HttpResource resource) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, resource.body());
      Path gz = file.resolveSibling(file.getFileName() + ".gz");
      Files.write(gz, resource.gzipBody());
      Path br = file.resolveSibling(file.getFileName() + ".br");
      Optional<byte[]> brotli = resource.brotliBody();
      if (brotli.isPresent()) {
        Files.write(br, brotli.get());
      } else {
        Files.deleteIfExists(br); // an export over an older one: no stale .br beside new bytes
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where a route's bytes go below {@code out}; empty when its path cannot be a safe file name. */
  Optional<Path> fileFor(Path out, Route route) {
    String path = links.path(route);
    Path file = out;
    for (String segment : path.substring(1).split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      String name = dev.feedserver.site.PercentEncoding.decodePathSegment(segment).orElse("");
      if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0
          || name.contains("/")) {
        return Optional.empty();
      }
      file = file.resolve(name);
    }
    return Optional.of(route.export() == Route.Export.FOLDER ? file.resolve("index.html") : file);
  }

}
