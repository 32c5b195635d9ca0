package dev.feedserver.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads article files below a content folder. A file that is not a usable article becomes an
 * {@link ArticleProblem}; it never stops the others from loading.
 *
 * <p>Files considered: regular files ending in {@code .md}, {@code .markdown}, {@code .txt} or
 * {@code .html}, in any sub-folder, except hidden ones and editor leftovers. Symbolic links are not
 * followed. Loading reads each file whole (to check it is UTF-8 and to fingerprint it) but parses
 * only its front matter; bodies are sanitized on demand ({@link #body}), through {@link BodyStore}.
 */
public final class ArticleLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleLoader.class);
  /** Extensions of article files, lower case. */
  public static final Set<String> EXTENSIONS = Set.of("md", "markdown", "txt", "html");
  /** Largest article file read, in bytes. */
  public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
  /** Code points of the plain-text summary. */
  public static final int SUMMARY_LENGTH = 200;

  private final FrontMatterParser parser;
  private final HtmlSanitizer sanitizer;

  public ArticleLoader(FrontMatterParser parser, HtmlSanitizer sanitizer) {
    this.parser = parser;
    this.sanitizer = sanitizer;
  }

  /** The article files of a folder, relative and in path order, and the entries refused outright. */
  public record Scan(List<Found> files, List<ArticleProblem> problems) {
    public Scan {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  /** An article file as listed: its path relative to the content folder and its stamp. */
  public record Found(Path file, Stamp stamp) implements Comparable<Found> {
    @Override
    public int compareTo(Found other) {
      return file.compareTo(other.file);
    }
  }

  /** Size and modification time: a file whose stamp is unchanged is not read again. */
  public record Stamp(long size, long modifiedNanos) {
    static Stamp of(BasicFileAttributes attrs) {
      return new Stamp(attrs.size(), attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
    }
  }

  /**
   * The stamp of one article file, or empty when it is gone, is not a regular file (symbolic links
   * are not followed) or is not named like an article.
   */
  public Optional<Found> stat(Path contentDir, Path relative) {
    if (relative.getFileName() == null || !isArticleName(relative.getFileName().toString())) {
      return Optional.empty();
    }
    try {
      BasicFileAttributes attrs =
          Files.readAttributes(contentDir.resolve(relative), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attrs.isRegularFile() ? Optional.of(new Found(relative, Stamp.of(attrs))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Lists the article files below {@code contentDir} without reading them.
   *
   * @throws IOException only when the folder itself cannot be listed
   */
  public Scan scan(Path contentDir) throws IOException {
    if (!Files.isDirectory(contentDir)) {
      throw new IOException("content folder " + contentDir + " does not exist or is not a folder");
    }
    List<Found> files = new ArrayList<>();
    List<ArticleProblem> problems = new ArrayList<>();
    Files.walkFileTree(
        contentDir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean hidden = !dir.equals(contentDir) && dir.getFileName().toString().startsWith(".");
            return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (isArticleName(file.getFileName().toString())) {
              if (attrs.isSymbolicLink()) {
                problems.add(
                    new ArticleProblem(contentDir.relativize(file), 0, "symbolic link not followed"));
              } else if (attrs.isRegularFile()) {
                files.add(new Found(contentDir.relativize(file), Stamp.of(attrs)));
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            problems.add(new ArticleProblem(contentDir.relativize(file), 0, "cannot be read: " + e));
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    return new Scan(files, problems);
  }

  /**
   * Loads every article below {@code contentDir}, reading files in parallel.
   *
   * @throws IOException only when the folder itself cannot be listed
   */
  public LoadResult load(Path contentDir) throws IOException {
    Scan scan = scan(contentDir);
    List<FileResult> results = scan.files().parallelStream().map(f -> read(contentDir, f.file())).toList();
    return resolve(results, scan.problems());
  }

  /**
   * Settles a set of read files into a load result: in path order, the first file claiming an id
   * keeps it; later ones are reported and skipped.
   */
  public static LoadResult resolve(Collection<FileResult> inPathOrder, List<ArticleProblem> scanProblems) {
    List<Article> articles = new ArrayList<>();
    List<ArticleProblem> problems = new ArrayList<>(scanProblems);
    Map<String, Path> idOwners = new HashMap<>();
    for (FileResult result : inPathOrder) {
      if (result instanceof FileResult.Loaded loaded) {
        Article article = loaded.article();
        Path owner = idOwners.putIfAbsent(article.id(), article.file());
        if (owner != null) {
          problems.add(
              new ArticleProblem(
                  article.file(), 0, "duplicate id '" + article.id() + "': already used by " + owner));
        } else {
          articles.add(article);
        }
      } else if (result instanceof FileResult.Failed failed) {
        problems.add(failed.problem());
      }
    }
    return new LoadResult(articles, problems, inPathOrder.size());
  }

  /** Whether a file name looks like an article (and not like an editor's leftover). */
  public static boolean isArticleName(String name) {
    if (name.startsWith(".") || name.startsWith("#") || name.endsWith("~")) {
      return false;
    }
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** Reads one file's metadata; never throws. {@code relative} is below {@code contentDir}. */
  public FileResult read(Path contentDir, Path relative) {
    try {
      byte[] bytes = bytes(contentDir.resolve(relative));
      FrontMatterParser.Parsed parsed = parser.parse(decodeUtf8(bytes));
      FrontMatter fm = parsed.frontMatter();
      String id = fm.id().orElseGet(() -> stem(relative.getFileName().toString()));
      CRC32C crc = new CRC32C();
      crc.update(bytes);
      return new FileResult.Loaded(
          new Article(
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
              crc.getValue() ^ ((long) bytes.length << 32)));
    } catch (ArticleException e) {
      return new FileResult.Failed(new ArticleProblem(relative, e.line(), e.getMessage()));
    }
  }

  /**
   * Reads and sanitizes an article's body. If the file changed or vanished since it was loaded, the
   * body is what the file holds now, or empty; the next reload settles the metadata.
   */
  ArticleBody body(Path contentDir, Article article) {
    try {
      String body = parser.parse(decodeUtf8(bytes(contentDir.resolve(article.file())))).body();
      SafeHtml html = sanitizer.sanitize(body);
      return new ArticleBody(html, sanitizer.summarize(html, SUMMARY_LENGTH));
    } catch (ArticleException e) {
      LOG.warn("{}: body unavailable: {}", article.file(), e.getMessage());
      return ArticleBody.EMPTY;
    }
  }

  private static byte[] bytes(Path file) throws ArticleException {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new ArticleException(0, "larger than " + MAX_FILE_BYTES + " bytes");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ArticleException(0, "cannot be read: " + e);
    }
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return XmlText.clean(dot > 0 ? fileName.substring(0, dot) : fileName);
  }

  private static String decodeUtf8(byte[] bytes) throws ArticleException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (MalformedInputException e) {
      int offset = firstMalformed(bytes);
      throw new ArticleException(
          lineAt(bytes, offset), "not valid UTF-8 (first bad byte at offset " + offset + ")");
    } catch (CharacterCodingException e) {
      throw new ArticleException(0, "not valid UTF-8");
    }
  }

  private static int firstMalformed(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    decoder.decode(in, CharBuffer.allocate(bytes.length + 1), true);
    return in.position();
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
