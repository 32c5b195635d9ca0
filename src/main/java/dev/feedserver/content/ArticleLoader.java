package dev.feedserver.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
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
import java.util.function.Function;
import dev.feedserver.content.hexo.HexoRenderer;
import dev.feedserver.content.hexo.PostContext;
import dev.feedserver.content.hexo.RenderedBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads article files below a content folder. A file that is not a usable article becomes an
 * {@link ArticleProblem}; it never stops the others from loading.
 *
 * <p>Files considered: regular files ending in {@code .md}, {@code .markdown}, {@code .txt} or
 * {@code .html}, in any sub-folder, except hidden ones and editor leftovers. Loading reads only the
 * beginning of each file, as far as its front matter goes ({@link #read}); an article's version is
 * its file's {@link Stamp}. Bodies are read, checked and sanitized on demand ({@link #body}),
 * through {@link BodyStore}; a body that cannot be read then is reported then, and the article is
 * served with what its front matter says.
 *
 * <p>Only regular files are ever opened, on every path that opens one: the walk ({@link #scan}),
 * a watched change ({@link #stat}, {@link #read}) and the on-demand body read ({@link #body}).
 * Symbolic links (to files, to folders, loops, targets outside the folder) are not followed and are
 * named as problems when they look like articles or folders; FIFOs, sockets and devices with an
 * article's name are named and never opened, so they can neither block nor feed the loader. Each
 * read checks the file's type again right before opening it (without following links, and with no
 * link among the folders on its way), and reads at most {@code maxFileBytes + 1} bytes.
 */
public final class ArticleLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleLoader.class);
  /** Extensions of article files, lower case. */
  public static final Set<String> EXTENSIONS = Set.of("md", "markdown", "txt", "html", "htm");
  /** Largest article file read by default, in bytes ({@link ContentLimits#maxFileBytes}). */
  public static final long MAX_FILE_BYTES = ContentLimits.DEFAULTS.maxFileBytes();
  /** Code points of the plain-text summary. */
  public static final int SUMMARY_LENGTH = 200;

  private static final String LINK = "symbolic link, not followed";
  private static final String NOT_REGULAR = "not a regular file (a FIFO, socket or device), never opened";

  private final FrontMatterParser parser;
  private final HtmlSanitizer sanitizer;
  private final long maxFileBytes;
  private final Function<Article, BodyContext> bodyContext;
  private final HexoRenderer hexo = new HexoRenderer();
  /**
   * @param limits only {@link ContentLimits#maxFileBytes} is the loader's; the parser was built with
   *     the same limits for the rest
   * @param bodyContext what an article's body links to: its base URL, its asset files, other posts
   */
  public ArticleLoader(FrontMatterParser parser, HtmlSanitizer sanitizer, ContentLimits limits,
      Function<Article, BodyContext> bodyContext) {
    this.parser = parser;
    this.sanitizer = sanitizer;
    this.maxFileBytes = limits.maxFileBytes();
    this.bodyContext = bodyContext;
    // room for the largest front matter allowed, in the widest encoding, and blank lines
    this.headBytes = (int) Math.min(Integer.MAX_VALUE - 8, 4L * limits.maxFrontMatter() + 64 * 1024);
  }

  /** The article files of a folder, relative and in path order, and the entries refused outright. */
  public record Scan(List<Found> files, List<ArticleProblem> problems) {
    public Scan {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  /** What one path below the content folder is, as {@link #stat} finds it now. */
  public sealed interface Entry permits Found, Refused, Folder, Other {}

  /** An article file as listed: its path relative to the content folder and its stamp. */
  public record Found(Path file, Stamp stamp) implements Entry, Comparable<Found> {
    @Override
    public int compareTo(Found other) {
      return file.compareTo(other.file);
    }
  }

  /**
   * An entry that looks like an article or a folder but is never opened or walked (a symbolic link,
   * a FIFO, a socket, a device, an entry that cannot be read): the problem names it.
   */
  public record Refused(ArticleProblem problem) implements Entry {}

  /** A real folder (not a link to one): what it holds is found by walking it. */
  public record Folder() implements Entry {}

  /** Nothing to load: gone, hidden, an editor's leftover, inside a linked folder, or not an article. */
  public record Other() implements Entry {}

  private static final Entry OTHER = new Other();
  private static final Entry FOLDER = new Folder();

  /**
   * Size, modification time and file key (device and inode on Unix): a file whose stamp is
   * unchanged is not read again, and a file read again is a new version of its article ({@link
   * #version}).
   */
  public record Stamp(long size, long modifiedNanos, int fileKey) {
    /** @param attrs its file key is kept as its hash (device and inode mixed: 32 bits, not 2 objects) */
    static Stamp of(BasicFileAttributes attrs) {
      return new Stamp(attrs.size(), attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
          java.util.Objects.hashCode(attrs.fileKey()));
    }

    /**
     * The article's {@link Article#version}: a mix of the three, so a change to the file's bytes
     * (which changes its size or modification time, as far as the file system's clock tells) or
     * its replacement by another file makes another version. A file touched but not changed is a
     * new version too: its pages are rendered again, to the same bytes and validators.
     */
    long version() {
      long h = size;
      h = h * 0x9E3779B97F4A7C15L + modifiedNanos;
      h = h * 0x9E3779B97F4A7C15L + fileKey;
      h ^= h >>> 33;
      h *= 0xFF51AFD7ED558CCDL;
      h ^= h >>> 33;
      return h;
    }
  }

  /**
   * What one path (relative to {@code contentDir}) is now, judged exactly as {@link #scan} judges
   * it: without following links, neither the entry's own nor its folders'. Opens nothing.
   */
  public Entry stat(Path contentDir, Path relative) {
    Path name = relative.getFileName();
    if (name == null || name.toString().isEmpty()) {
      return Files.isDirectory(contentDir) ? FOLDER : OTHER;
    }
    Path file = contentDir.resolve(relative);
    try {
      for (Path folder = relative.getParent(); folder != null; folder = folder.getParent()) {
        if (folder.getFileName().toString().startsWith(".")) {
          return OTHER; // hidden folders are never walked
        }
      }
      if (linkedFolderOnTheWay(contentDir, relative)) {
        return OTHER; // the link itself is named under its own path
      }
      return entry(file, relative, Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return OTHER;
    } catch (IOException e) {
      return isArticleName(name.toString())
          ? new Refused(new ArticleProblem(relative, 0, cannotRead(e)))
          : OTHER;
    }
  }

  /**
   * Lists the article files below {@code contentDir} without reading them. The folder itself may
   * be a link (a deploy's "current" symlink); nothing below it is followed.
   *
   * @throws IOException only when the folder itself cannot be listed
   */
  public Scan scan(Path contentDir) throws IOException {
    if (!Files.isDirectory(contentDir)) {
      throw new IOException("content folder " + contentDir + " does not exist or is not a folder");
    }
    Path root = contentDir.toRealPath();
    int rootNames = root.getNameCount();
    List<Found> files = new ArrayList<>();
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
            // below the root, a subpath is the relative path (and much cheaper than relativize)
            Entry entry = entry(file, file.subpath(rootNames, file.getNameCount()), attrs);
            if (entry instanceof Found found) {
              files.add(found);
            } else if (entry instanceof Refused refused) {
              problems.add(refused.problem());
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
    return new Scan(files, problems);
  }

  /** Classifies one entry from its own attributes (read without following links). */
  private static Entry entry(Path file, Path relative, BasicFileAttributes attrs) {
    String name = relative.getFileName().toString();
    boolean article = isArticleName(name);
    if (attrs.isSymbolicLink()) {
      // a link to a folder is named too: its articles would otherwise vanish without a word
      boolean named = article || (!isIgnored(name) && Files.isDirectory(file));
      return named ? new Refused(new ArticleProblem(relative, 0, LINK)) : OTHER;
    }
    if (attrs.isDirectory()) {
      return name.startsWith(".") ? OTHER : FOLDER;
    }
    if (!article) {
      return OTHER;
    }
    if (attrs.isRegularFile()) {
      return new Found(relative, Stamp.of(attrs));
    }
    return new Refused(new ArticleProblem(relative, 0, NOT_REGULAR));
  }

  /** Whether a folder between {@code contentDir} and the entry is a link (or is not a folder). */
  private static boolean linkedFolderOnTheWay(Path contentDir, Path relative) throws IOException {
    Path folder = contentDir;
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      folder = folder.resolve(relative.getName(i));
      if (!Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Loads every article below {@code contentDir}, reading files in parallel.
   *
   * @throws IOException only when the folder itself cannot be listed
   */
  public LoadResult load(Path contentDir) throws IOException {
    Scan scan = scan(contentDir);
    SharedNames names = new SharedNames();
    List<FileResult> results = scan.files().parallelStream().map(f -> read(contentDir, f.file(), names)).toList();
    return resolve(results, scan.problems());
  }

  /**
   * Settles a set of read files into a load result: in path order, the first file claiming an id
   * keeps it; later ones are reported and skipped. The warnings are those of the served articles.
   */
  public static LoadResult resolve(Collection<FileResult> inPathOrder, List<ArticleProblem> scanProblems) {
    List<Article> articles = new ArrayList<>();
    List<ArticleProblem> problems = new ArrayList<>(scanProblems);
    List<ArticleProblem> warnings = new ArrayList<>();
    Map<String, Path> idOwners = new HashMap<>(inPathOrder.size() * 4 / 3 + 1);
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
          warnings.addAll(loaded.warnings());
        }
      } else if (result instanceof FileResult.Failed failed) {
        problems.add(failed.problem());
      }
    }
    return new LoadResult(articles, problems, warnings, inPathOrder.size());
  }

  /** Hidden files and editor leftovers: never articles, never reported. */
  static boolean isIgnored(String name) {
    return name.startsWith(".") || name.startsWith("#") || name.endsWith("~");
  }

  /** Whether a file name looks like an article (and not like an editor's leftover). */
  public static boolean isArticleName(String name) {
    if (isIgnored(name)) {
      return false;
    }
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * Most bytes read to find the front matter when loading: room for the largest front matter
   * allowed, in the widest encoding, and blank lines. Loading reads a file's first {@link
   * TextEncoding#HEAD} bytes, and more only when the front matter goes on past them.
   */
  private final int headBytes;

  /**
   * Reads one file's metadata; never throws. {@code relative} is below {@code contentDir}. Only the
   * beginning of the file is read, as far as its front matter goes, and checked to be UTF-8; the
   * rest is read (and checked) with the body ({@link #body}). The file's name and modification time
   * go to the parser for its fallbacks; what it fell back on comes back as the result's warnings.
   * Its names are shared with the other articles read in the same pass ({@code names}).
   */
  public FileResult read(Path contentDir, Path relative, SharedNames names) {
    try {
      Head head = readHead(contentDir, relative);
      FrontMatter fm = head.frontMatter();
      if (!fm.published()) {
        return new FileResult.Unpublished(relative);
      }
      String id = fm.id().orElseGet(() -> stem(relative.getFileName().toString()));
      Article article = new Article(
          id,
          relative,
          fm.title(),
          names.names(fm.categories()),
          names.paths(fm.categoryPaths()),
          names.names(fm.tags()),
          names.name(fm.author()),
          fm.date(),
          fm.updated().orElse(fm.date()),
          Optional.empty(),
          fm.comments(),
          head.stamp().version(),
          fm.description());
      Optional<String> image = fm.image().flatMap(url -> imageUrl(url, article));
      return new FileResult.Loaded(
          image.isEmpty() ? article : article.withImage(image),
          head.warnings().stream().map(w -> new ArticleProblem(relative, w.line(), w.reason())).toList());
    } catch (ArticleException e) {
      return new FileResult.Failed(new ArticleProblem(relative, e.line(), e.getMessage()));
    }
  }

  /** A file's front matter, the warnings reading it gave, and the file's stamp when it was opened. */
  private record Head(FrontMatter frontMatter, List<FrontMatterParser.Warning> warnings, Stamp stamp) {}

  /**
   * The first bytes of a file being read from its start, at most {@code cap} of them: {@code
   * length} bytes read into {@code bytes}, and whether the file ended there ({@code toTheEnd}).
   */
  private final class Prefix {
    private final InputStream in;
    private final long cap;
    byte[] bytes = new byte[0];
    int length;
    boolean toTheEnd;

    Prefix(InputStream in, long cap) {
      this.in = in;
      this.cap = cap;
    }

    /** Reads on until {@code size} bytes (at most {@code cap}) are read or the file ends. */
    void growTo(int size) throws IOException, ArticleException {
      int target = (int) Math.min(size, cap);
      if (toTheEnd || target <= bytes.length) {
        return;
      }
      bytes = java.util.Arrays.copyOf(bytes, target);
      length += in.readNBytes(bytes, length, target - length);
      toTheEnd = length < target;
      if (length > maxFileBytes) {
        throw new ArticleException(0, tooLarge()); // it grew since it was looked at
      }
    }
  }

  /** Bytes read first: a front matter is rarely longer. */
  private static final int FIRST_READ = 4096;
  /** Bytes decoded first to find the front matter when no closing fence is in sight. */
  private static final int FIRST_TEXT = 4096;
  /** Bytes decoded past a likely closing fence's line: blank lines and a margin for its spaces. */
  private static final int PAST_FENCE = 64;

  /**
   * How many of a file's first bytes to decode first: a little past the first line after the
   * first that starts with a fence ({@code ---}, {@code ...} or {@code ;;;}), else {@link
   * #FIRST_TEXT}. Only a guess that saves decoding a body's beginning with the front matter: the
   * parser says whether the text settles the front matter, and more is decoded when it does not.
   */
  private static int likelyHeadEnd(byte[] bytes, int length) {
    int limit = Math.min(length, FIRST_TEXT) - 3;
    for (int i = 1; i < limit; i++) {
      if (bytes[i - 1] == '\n') {
        byte c = bytes[i];
        if ((c == '-' || c == '.' || c == ';') && bytes[i + 1] == c && bytes[i + 2] == c) {
          int lineEnd = i + 3;
          while (lineEnd < length && bytes[lineEnd] != '\n') {
            lineEnd++;
          }
          return lineEnd + PAST_FENCE;
        }
      }
    }
    return FIRST_TEXT;
  }

  /**
   * Reads the beginning of a file, as far as its front matter goes, with the checks of {@link
   * #readBounded}. Its first {@link #FIRST_READ} bytes are read and their start checked ({@link
   * TextEncoding#checkStart}); then the bytes up to a little past the likely end of its front
   * matter ({@link #likelyHeadEnd}) are decoded, then four times as many (reading more as needed)
   * until the front matter is settled, the file ends, or {@link #headBytes} are decoded (then the
   * front matter is read from those, as if the file ended there). Whenever a check would fail, at
   * least {@link TextEncoding#HEAD} bytes are read first, so that the error is the whole file's; a
   * problem further on is found when the body is first read.
   */
  private Head readHead(Path contentDir, Path relative) throws ArticleException {
    Path file = contentDir.resolve(relative);
    try {
      BasicFileAttributes attrs = regularFile(contentDir, relative);
      FrontMatterParser.Origin origin =
          FrontMatterParser.Origin.of(relative, attrs.lastModifiedTime().toInstant());
      long cap = Math.min(headBytes, maxFileBytes + 1);
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        Prefix read = new Prefix(in, cap);
        read.growTo(FIRST_READ);
        if (TextEncoding.startMayFail(read.bytes, read.length)) {
          read.growTo(TextEncoding.HEAD); // the errors say what the whole start shows
          TextEncoding.checkStart(read.bytes, read.length);
        }
        int upTo = Math.min(read.length, likelyHeadEnd(read.bytes, read.length));
        while (true) {
          String text;
          try {
            text = TextEncoding.decodeUtf8Head(read.bytes, read.length, upTo, read.toTheEnd);
          } catch (ArticleException notUtf8) {
            if (read.toTheEnd || read.length >= TextEncoding.HEAD) {
              throw notUtf8;
            }
            read.growTo(TextEncoding.HEAD); // the error says what the whole start shows
            text = TextEncoding.decodeUtf8Head(read.bytes, read.length, upTo, read.toTheEnd); // throws
          }
          if ((read.toTheEnd && upTo == read.length) || upTo >= headBytes) {
            FrontMatterParser.Parsed parsed = parser.parse(text, origin);
            return new Head(parsed.frontMatter(), parsed.warnings(), Stamp.of(attrs));
          }
          Optional<FrontMatterParser.Head> head = parser.parseHead(text, origin);
          if (head.isPresent()) {
            return new Head(head.get().frontMatter(), head.get().warnings(), Stamp.of(attrs));
          }
          if (upTo == read.length) {
            read.growTo((int) Math.min(4L * read.bytes.length, Integer.MAX_VALUE - 8));
          }
          upTo = (int) Math.min(4L * upTo, read.length);
        }
      }
    } catch (IOException e) {
      throw new ArticleException(0, cannotRead(e));
    }
  }

  /** The URL an article's body resolves relative URLs against. */
  java.net.URI base(Article article) {
    return bodyContext.apply(article).base();
  }

  /**
   * Reads, checks and sanitizes an article's body. If the file changed since it was loaded, the
   * body is what the file holds now; the next reload settles the metadata. A file that cannot be
   * read now (not UTF-8 past the part loading read, grown past {@code maxFileBytes}, vanished, no
   * longer a regular file: then it is not opened) is logged with its problem, and its body is empty
   * ({@link ArticleBody#unavailable}): the article is served with what its front matter says.
   */
  ArticleBody body(Path contentDir, Article article) {
    return render(contentDir, article).body();
  }

  /**
   * A body as {@link #body} reads it, with the base URL it was rendered against and whether it
   * depends on nothing else (no tag plugin looked up another post or an asset file): then it may be
   * {@linkplain KeptBody kept} between runs.
   */
  record Rendering(ArticleBody body, java.net.URI base, boolean selfContained) {}

  /** {@link #body}, saying what the body depends on. */
  Rendering render(Path contentDir, Article article) {
    BodyContext context = bodyContext.apply(article);
    try {
      Bytes read = readBounded(contentDir, article.file());
      String text = TextEncoding.decodeUtf8(read.bytes());
      String body = parser.parse(text, read.origin(article.file())).body();
      HtmlSanitizer forPost = sanitizer.forBase(context.base());
      if (!isMarkdown(article.file().getFileName().toString())) {
        SafeHtml html = forPost.sanitize(body); // HTML (and .txt) bodies are served as written, cleaned
        return new Rendering(new ArticleBody(html, Optional.empty(), forPost.summarize(html, SUMMARY_LENGTH), List.of()),
            context.base(), true);
      }
      HtmlSanitizer forMarkdown = forPost.forMarkdown();
      java.util.concurrent.atomic.AtomicBoolean lookedUp = new java.util.concurrent.atomic.AtomicBoolean();
      PostContext site = context.tags();
      PostContext watched = new PostContext(
          name -> {
            lookedUp.set(true);
            return site.assetUrl().apply(name);
          },
          slug -> {
            lookedUp.set(true);
            return site.post().apply(slug);
          });
      RenderedBody rendered = hexo.render(body, watched);
      int bodyLine = text.endsWith(body) ? lineOf(text, text.length() - body.length()) : 0;
      List<ArticleProblem> warnings = rendered.warnings().stream()
          .map(w -> new ArticleProblem(article.file(), bodyLine > 0 ? bodyLine + w.line() - 1 : 0, w.message()))
          .toList();
      warnings.forEach(w -> LOG.warn("served with a warning: {}", w));
      SafeHtml html = forMarkdown.sanitize(rendered.html());
      Optional<SafeHtml> excerpt = rendered.excerptHtml().map(forMarkdown::sanitize).filter(e -> !e.html().isEmpty());
      String summary = article.description()
          .map(d -> XmlText.truncate(d, SUMMARY_LENGTH))
          .orElseGet(() -> forMarkdown.summarize(excerpt.orElse(html), SUMMARY_LENGTH));
      return new Rendering(new ArticleBody(html, excerpt, summary, warnings), context.base(), !lookedUp.get());
    } catch (ArticleException e) {
      ArticleProblem problem = new ArticleProblem(article.file(), e.line(), e.getMessage());
      LOG.warn("served without its body: {}", problem);
      return new Rendering(
          ArticleBody.unavailable(problem, article.description().map(d -> XmlText.truncate(d, SUMMARY_LENGTH))),
          context.base(), false);
    }
  }

  /**
   * The absolute URL of a front-matter image: a name relative to the post ({@code cover.png}) is a
   * file of its asset folder, as in its body; others resolve as an {@code img src} does.
   */
  private Optional<String> imageUrl(String url, Article article) {
    boolean relative = !url.contains(":") && !url.startsWith("/") && !url.startsWith("#");
    return relative
        ? sanitizer.forBase(bodyContext.apply(article).base()).absoluteImageUrl(url)
        : sanitizer.absoluteImageUrl(url);
  }

  /** Whether a file's body is Markdown (rendered as Hexo renders it) rather than HTML. */
  static boolean isMarkdown(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".md") || name.endsWith(".markdown");
  }

  /** The 1-based line of a character offset. */
  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return XmlText.clean(dot > 0 ? fileName.substring(0, dot) : fileName);
  }

  /** A file's bytes and its modification time when it was opened. */
  private record Bytes(byte[] bytes, java.time.Instant modified) {
    FrontMatterParser.Origin origin(Path relative) {
      return FrontMatterParser.Origin.of(relative, modified);
    }
  }

  /**
   * Reads at most {@code maxFileBytes + 1} bytes. The file's type is checked again right before it
   * is opened (without following links, its folders' included), so a file swapped for a FIFO or a
   * link after the walk is not opened either; a file that grows past the cap while being read is
   * still refused.
   */
  private Bytes readBounded(Path contentDir, Path relative) throws ArticleException {
    Path file = contentDir.resolve(relative);
    try {
      BasicFileAttributes attrs = regularFile(contentDir, relative);
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
        if (bytes.length > maxFileBytes) {
          throw new ArticleException(0, tooLarge());
        }
        return new Bytes(bytes, attrs.lastModifiedTime().toInstant());
      }
    } catch (IOException e) {
      throw new ArticleException(0, cannotRead(e));
    }
  }

  /**
   * The attributes of a file about to be opened, after checking (without following links) that it
   * is a regular file, no larger than {@code maxFileBytes}, with no link among its folders.
   */
  private BasicFileAttributes regularFile(Path contentDir, Path relative) throws IOException, ArticleException {
    if (linkedFolderOnTheWay(contentDir, relative)) {
      throw new ArticleException(0, "a folder on its path is no longer a folder (a symbolic link?), not opened");
    }
    BasicFileAttributes attrs =
        Files.readAttributes(contentDir.resolve(relative), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attrs.isRegularFile()) {
      throw new ArticleException(0, "no longer a regular file, not opened");
    }
    if (attrs.size() > maxFileBytes) {
      throw new ArticleException(0, tooLarge());
    }
    return attrs;
  }

  private String tooLarge() {
    return "larger than " + maxFileBytes + " bytes (config key 'maxFileBytes')";
  }

  /** The reason a file could not be read, without a stack trace, a class name or an absolute path. */
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
    if (e instanceof FileSystemException f) {
      // its message starts with the absolute path; the problem already names the file
      return f.getReason() == null ? "cannot be read" : "cannot be read: " + f.getReason();
    }
    return e.getMessage() == null ? "cannot be read" : "cannot be read: " + e.getMessage();
  }
}
