package dev.feedserver.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
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
   * @throws IOException only when the folder itself cannot be listed
   */
  public LoadResult load(Path contentDir) throws IOException {
    if (!Files.isDirectory(contentDir)) {
      throw new IOException("content folder " + contentDir + " does not exist or is not a folder");
    }
    List<Path> files = new ArrayList<>();
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
                files.add(file);
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
    List<Article> articles = new ArrayList<>();
    Map<String, Path> idOwners = new HashMap<>();
    for (Path file : files) {
      Path relative = contentDir.relativize(file);
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

  /** Whether a file name looks like an article (and not like an editor's leftover). */
  static boolean isArticleName(String name) {
    if (name.startsWith(".") || name.startsWith("#") || name.endsWith("~")) {
      return false;
    }
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private Article read(Path file, Path relative) throws ArticleException {
    byte[] bytes;
    try {
      if (Files.size(file) > maxFileBytes) {
        throw new ArticleException(0, "larger than " + maxFileBytes + " bytes (config key 'maxFileBytes')");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ArticleException(0, "cannot be read: " + e);
    }
    FrontMatterParser.Parsed parsed = parser.parse(decodeUtf8(bytes));
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
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
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
