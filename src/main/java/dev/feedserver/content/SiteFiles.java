package dev.feedserver.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The files a site serves as they are: a Hexo site's {@code source/} folder (its images and the
 * like) and each post's own folders (Hexo's asset folder {@code _posts/<post>/}, Typora's {@code
 * <post>.assets/} beside it). Found by name below a root, with the loader's rules: never through a
 * symbolic link (neither the file nor a folder on its way), only regular files, at most {@code
 * maxFileBytes}; nothing hidden ({@code .}) or unpublished ({@code _}).
 */
public final class SiteFiles {
  private final Path articlesDir;
  private final Optional<Path> sourceDir;
  private final long maxFileBytes;

  /**
   * @param articlesDir where posts are read from (their asset folders sit beside them)
   * @param sourceDir a Hexo site's {@code source/} folder, if the content is a Hexo site
   */
  public SiteFiles(Path articlesDir, Optional<Path> sourceDir, long maxFileBytes) {
    this.articlesDir = articlesDir;
    this.sourceDir = sourceDir;
    this.maxFileBytes = maxFileBytes;
  }

  /** A file found: where it is, and its stamp (a changed file is a different one). */
  public record Found(Path file, long size, long modifiedNanos) {}

  /** A file of the {@code source/} folder, by its names below it. */
  public Optional<Found> sourceFile(List<String> names) {
    return sourceDir.flatMap(root -> find(root, names));
  }

  /**
   * A file of a post's own folders, by its names below the post's URL: {@code [x.png]} in its asset
   * folder, {@code [<post>.assets, x.png]} in the Typora folder, {@code [<post>, x.png]} in the asset
   * folder too (as written by editors that resolve it beside the post).
   */
  public Optional<Found> postFile(Article article, List<String> names) {
    return postFolder(article, names).flatMap(pair -> find(pair.root(), pair.names()));
  }

  private record Located(Path root, List<String> names) {}

  private Optional<Located> postFolder(Article article, List<String> names) {
    Path post = article.file();
    Path folder = post.getParent() == null ? articlesDir : articlesDir.resolve(post.getParent());
    String stem = stem(post.getFileName().toString());
    if (names.size() > 1 && (names.get(0).equals(stem + ".assets") || names.get(0).equals(stem))) {
      return Optional.of(new Located(folder, names));
    }
    List<String> inAssetFolder = new ArrayList<>();
    inAssetFolder.add(stem);
    inAssetFolder.addAll(names);
    return Optional.of(new Located(folder, inAssetFolder));
  }

  /**
   * Every file a post's own folders hold, as the names {@link #postFile} takes, and every file of
   * the {@code source/} folder, for a static copy of the site.
   */
  public List<List<String>> postFiles(Article article, Predicate<String> served) {
    Path post = article.file();
    Path folder = post.getParent() == null ? articlesDir : articlesDir.resolve(post.getParent());
    String stem = stem(post.getFileName().toString());
    List<List<String>> out = new ArrayList<>();
    for (List<String> names : walk(folder.resolve(stem), served)) {
      out.add(names);
    }
    for (List<String> names : walk(folder.resolve(stem + ".assets"), served)) {
      List<String> withFolder = new ArrayList<>();
      withFolder.add(stem + ".assets");
      withFolder.addAll(names);
      out.add(withFolder);
    }
    return out;
  }

  /** Every file of the {@code source/} folder that is served (not below {@code _posts} or {@code _drafts}). */
  public List<List<String>> sourceFiles(Predicate<String> served) {
    return sourceDir.map(root -> walk(root, served)).orElse(List.of());
  }

  /** Reads a found file whole; fails if it changed into something else since it was found. */
  public byte[] read(Found found) throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(found.file(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attrs.isRegularFile() || attrs.size() > maxFileBytes) {
      throw new IOException("no longer a regular file within the size limit");
    }
    try (InputStream in = Files.newInputStream(found.file(), LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
      if (bytes.length > maxFileBytes) {
        throw new IOException("larger than maxFileBytes");
      }
      return bytes;
    }
  }

  private Optional<Found> find(Path root, List<String> names) {
    Path file = root;
    try {
      if (!Files.readAttributes(root, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
        return Optional.empty();
      }
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        if (name.isEmpty() || name.startsWith(".") || name.startsWith("_") || name.contains("/")
            || name.contains("\\") || name.indexOf('\0') >= 0) {
          return Optional.empty();
        }
        file = file.resolve(name);
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        boolean last = i == names.size() - 1;
        if (last ? !attrs.isRegularFile() || attrs.size() > maxFileBytes : !attrs.isDirectory()) {
          return Optional.empty(); // a link, a FIFO, a device, a folder where a file was named, too large
        }
        if (last) {
          return Optional.of(new Found(file, attrs.size(), attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)));
        }
      }
    } catch (IOException | java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The served files below a folder (none if it is missing or a link), as names relative to it. */
  private List<List<String>> walk(Path root, Predicate<String> served) {
    List<List<String>> out = new ArrayList<>();
    try {
      if (!Files.readAttributes(root, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
        return out;
      }
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName().toString();
          return !dir.equals(root) && (name.startsWith(".") || name.startsWith("_"))
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          if (attrs.isRegularFile() && !name.startsWith(".") && !name.startsWith("_") && served.test(name)
              && attrs.size() <= maxFileBytes) {
            List<String> names = new ArrayList<>();
            root.relativize(file).forEach(p -> names.add(p.toString()));
            out.add(names);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      return out;
    }
    out.sort((a, b) -> String.join("/", a).compareTo(String.join("/", b)));
    return out;
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
