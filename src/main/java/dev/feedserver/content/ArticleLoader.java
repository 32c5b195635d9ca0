package dev.feedserver.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads every article file below a content folder. A file that is not a usable article becomes an
 * {@link ArticleProblem}; it never stops the others from loading.
 *
 * <p>Files considered: regular files ending in {@code .md}, {@code .markdown}, {@code .txt} or
 * {@code .html}, in any sub-folder, except hidden ones and editor leftovers. Symbolic links are not
 * followed. Files are processed in path order so that duplicate ids resolve deterministically: the
 * first path keeps the id, later ones are reported and skipped.
 */
public final class ArticleLoader {
  /** Extensions of article files, lower case. */
  public static final Set<String> EXTENSIONS = Set.of("md", "markdown", "txt", "html");
  /** Largest article file read by default, in bytes ({@link ContentLimits#maxFileBytes}). */
  public static final long MAX_FILE_BYTES = ContentLimits.DEFAULTS.maxFileBytes();
  /** Code points of the plain-text summary. */
  public static final int SUMMARY_LENGTH = 200;

  private final FrontMatterParser parser;
  private final HtmlSanitizer sanitizer;
  private final long maxFileBytes;

  public ArticleLoader(FrontMatterParser parser, HtmlSanitizer sanitizer) {
    this(parser, sanitizer, ContentLimits.DEFAULTS);
  }

  /** @param limits only {@link ContentLimits#maxFileBytes} is the loader's; the parser has the rest */
  public ArticleLoader(FrontMatterParser parser, HtmlSanitizer sanitizer, ContentLimits limits) {
    this.parser = parser;
    this.sanitizer = sanitizer;
    this.maxFileBytes = limits.maxFileBytes();
  }

  /**
   * Loads all articles below {@code contentDir}.
   *
   * <p>Only regular files are ever opened. Symbolic links (to files, to folders, loops, targets
   * outside the folder) are not followed and are named as problems when they look like articles
   * or folders; FIFOs, sockets and devices with an article's name are named and never opened, so
   * they can neither block nor feed the loader.
   *
   * @throws IOException only when the folder itself cannot be listed
   */
  public LoadResult load(Path contentDir) throws IOException {
    if (!Files.isDirectory(contentDir)) {
      throw new IOException("content folder " + contentDir + " does not exist or is not a folder");
    }
    // the folder itself may be a link (a deploy's "current" symlink); nothing below it is followed
    Path root = contentDir.toRealPath();
    List<Path> files = new ArrayList<>();
    List<ArticleProblem> problems = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
            return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            boolean article = isArticleName(name);
            if (attrs.isSymbolicLink()) {
              if (article || (!isIgnored(name) && Files.isDirectory(file))) {
                problems.add(new ArticleProblem(root.relativize(file), 0, "symbolic link, not followed"));
              }
            } else if (article && attrs.isRegularFile()) {
              files.add(file);
            } else if (article && !attrs.isDirectory()) {
              problems.add(
                  new ArticleProblem(
                      root.relativize(file), 0, "not a regular file (a FIFO, socket or device), never opened"));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (!isIgnored(file.getFileName().toString())) {
              problems.add(new ArticleProblem(root.relativize(file), 0, cannotRead(e)));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    List<Article> articles = new ArrayList<>();
    Map<String, Path> idOwners = new HashMap<>();
    for (Path file : files) {
      Path relative = root.relativize(file);
      try {
        Article article = read(file, relative);
        Path owner = idOwners.putIfAbsent(article.id(), relative);
        if (owner != null) {
          problems.add(
              new ArticleProblem(
                  relative, 0, "duplicate id '" + article.id() + "': already used by " + owner));
        } else {
          articles.add(article);
        }
      } catch (ArticleException e) {
        problems.add(new ArticleProblem(relative, e.line(), e.getMessage()));
      }
    }
    return new LoadResult(articles, problems, files.size());
  }

  /** Hidden files and editor leftovers: never articles, never reported. */
  static boolean isIgnored(String name) {
    return name.startsWith(".") || name.startsWith("#") || name.endsWith("~");
  }

  /** Whether a file name looks like an article (and not like an editor's leftover). */
  static boolean isArticleName(String name) {
    if (isIgnored(name)) {
      return false;
    }
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private Article read(Path file, Path relative) throws ArticleException {
    byte[] bytes = readBounded(file);
    FrontMatterParser.Parsed parsed = parser.parse(TextEncoding.decodeUtf8(bytes));
    FrontMatter fm = parsed.frontMatter();
    SafeHtml body = sanitizer.sanitize(parsed.body());
    String id = fm.id().orElseGet(() -> stem(relative.getFileName().toString()));
    return new Article(
        id,
        relative,
        fm.title(),
        fm.categories(),
        fm.tags(),
        fm.author(),
        fm.date(),
        fm.updated().orElse(fm.date()),
        fm.image().flatMap(sanitizer::absoluteImageUrl),
        fm.comments(),
        body,
        sanitizer.summarize(body, SUMMARY_LENGTH));
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return XmlText.clean(dot > 0 ? fileName.substring(0, dot) : fileName);
  }

  /**
   * Reads at most {@code maxFileBytes + 1} bytes. The file's type is checked again right before it
   * is opened (without following links), so a file swapped for a FIFO or a link after the walk is
   * not opened either; a file that grows past the cap while being read is still refused.
   */
  private byte[] readBounded(Path file) throws ArticleException {
    try {
      BasicFileAttributes attrs =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attrs.isRegularFile()) {
        throw new ArticleException(0, "no longer a regular file, not opened");
      }
      if (attrs.size() > maxFileBytes) {
        throw new ArticleException(0, tooLarge());
      }
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
        if (bytes.length > maxFileBytes) {
          throw new ArticleException(0, tooLarge());
        }
        return bytes;
      }
    } catch (IOException e) {
      throw new ArticleException(0, cannotRead(e));
    }
  }

  private String tooLarge() {
    return "larger than " + maxFileBytes + " bytes (config key 'maxFileBytes')";
  }

  /** The reason a file could not be read, without a stack trace or an absolute path. */
  private static String cannotRead(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "cannot be read: permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "cannot be read: it disappeared while loading";
    }
    if (e instanceof FileSystemLoopException) {
      return "symbolic link loop, not followed";
    }
    return "cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }
}
