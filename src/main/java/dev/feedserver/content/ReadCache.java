package dev.feedserver.content;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What reading each article file gave (its metadata, its warnings, or its problem), kept on disk
 * between runs, so that a restart reads only the files whose stamp (size, modification time, file
 * key) changed since, as a watched change does. Hexo keeps its {@code db.json} for the same reason.
 * With them, the rendered bodies of the newest articles ({@link KeptBody}): the first feeds after
 * a restart are written without rendering their Markdown again.
 *
 * <p>One file per content folder (named by a hash of its real path), in a folder of the user's own
 * ({@code readCache}). Its header holds a hash of everything reading a file depends on (the content
 * folder, the program's jar, the base URL, the time zone, the content limits, the post-name
 * pattern): a changed setting or a new build starts from nothing rather than from readings it
 * would not make. The file is checked as it is read (that hash; every length bounded by what is
 * left; every path below the content folder); anything wrong and the cache is ignored with one log
 * line: every file is read, as without a cache. It is written whole, then moved into
 * place, so a reader never sees half of one.
 */
public final class ReadCache {
  private static final Logger LOG = LoggerFactory.getLogger(ReadCache.class);
  private static final int MAGIC = 0x46535243; // "FSRC"
  private static final int FORMAT = 2;
  private static final byte LOADED = 1;
  private static final byte UNPUBLISHED = 2;
  private static final byte FAILED = 3;

  private final Path file;
  private final byte[] key;

  /** What a file's reading gave, with the stamp it was read at. */
  public record Entry(ArticleLoader.Stamp stamp, FileResult result) {}

  /** What a cache holds: the readings by path, and the bodies kept with them. */
  public record Contents(Map<Path, Entry> entries, List<KeptBody> bodies) {
    public static final Contents EMPTY = new Contents(Map.of(), List.of());
  }

  private ReadCache(Path file, byte[] key) {
    this.file = file;
    this.key = key;
  }

  /**
   * The cache of one content folder, kept in {@code folder} (created, readable by its owner only).
   * Empty when the program does not run from a jar (the classes could change without a trace) or
   * the folder cannot be made.
   *
   * @param settings every setting reading a file depends on, in a stable text form
   */
  public static Optional<ReadCache> in(Path folder, Path articlesDir, String settings) {
    Optional<String> program = programIdentity();
    if (program.isEmpty()) {
      return Optional.empty();
    }
    if (!Files.isDirectory(articlesDir)) {
      return Optional.empty(); // start-up names the missing content folder
    }
    try {
      return Optional.of(in(folder, articlesDir, settings, program.get()));
    } catch (IOException e) {
      LOG.warn("config key 'readCache': cannot use {}: {}; every file is read at start-up", folder, e.toString());
      return Optional.empty();
    }
  }

  /** {@link #in}, with the program's identity given (tests, which do not run from a jar). */
  public static ReadCache in(Path folder, Path articlesDir, String settings, String program) throws IOException {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(folder);
      try {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: its default permissions apply
      }
    }
    ownOnly(folder);
    Path real = articlesDir.toRealPath();
    byte[] key = sha256(FORMAT + "\n" + program + "\n" + real + "\n" + settings);
    // one file per content folder: a new build or other settings replace it, never pile up beside it
    String name = "read-" + HexFormat.of().formatHex(sha256(real.toString()), 0, 12) + ".bin";
    return new ReadCache(folder.resolve(name), key);
  }

  /**
   * Refuses a folder someone else could write to (it may sit in a shared temporary folder, made
   * there by another user first): what a cache says is served.
   */
  private static void ownOnly(Path folder) throws IOException {
    PosixFileAttributes attrs;
    try {
      attrs = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      return; // not a POSIX file system
    }
    String user = System.getProperty("user.name");
    if (!attrs.isDirectory() || !attrs.owner().getName().equals(user)
        || attrs.permissions().contains(PosixFilePermission.GROUP_WRITE)
        || attrs.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new IOException("not a folder of " + user + "'s that only they can write to");
    }
  }

  /** The jar this program runs from, by path, size and modification time; empty outside a jar. */
  private static Optional<String> programIdentity() {
    try {
      var source = ReadCache.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path jar = Path.of(source.getLocation().toURI());
      if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
        return Optional.empty();
      }
      return Optional.of(jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis());
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** The cache's file. */
  public Path file() {
    return file;
  }

  /**
   * The readings kept by the last {@link #save}, by path relative to the content folder, and the
   * bodies kept with them; empty when there is no cache yet, or it cannot be trusted (then it says
   * why, once, in the log).
   */
  public Contents read() {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Contents.EMPTY;
    }
    try (InputStream raw = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      long length = Files.size(file);
      return new Reader(new DataInputStream(new BufferedInputStream(raw, 1 << 16)), length).contents();
    } catch (IOException | RuntimeException e) {
      LOG.warn("read cache {} not used ({}); every file is read", file, e.toString());
      return Contents.EMPTY;
    }
  }

  /**
   * Writes these readings and rendered bodies in place of the last ones. Failures are logged,
   * never thrown.
   */
  public void save(Map<Path, Entry> entries, List<KeptBody> bodies) {
    Path temporary = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try {
      try (OutputStream raw = Files.newOutputStream(temporary);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.write(key);
        out.writeInt(entries.size());
        for (Map.Entry<Path, Entry> entry : entries.entrySet()) {
          write(out, entry.getKey(), entry.getValue());
        }
        out.writeInt(bodies.size());
        for (KeptBody body : bodies) {
          write(out, body);
        }
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("read cache {} not written: {}", file, e.toString());
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // nothing more to do
      }
    }
  }

  private static void write(DataOutputStream out, Path path, Entry entry) throws IOException {
    writeString(out, separated(path));
    out.writeLong(entry.stamp().size());
    out.writeLong(entry.stamp().modifiedNanos());
    out.writeInt(entry.stamp().fileKey());
    if (entry.result() instanceof FileResult.Loaded loaded) {
      out.writeByte(LOADED);
      Article a = loaded.article();
      writeString(out, a.id());
      writeString(out, a.title());
      writeNames(out, a.categories());
      out.writeInt(a.categoryPaths().size());
      for (List<String> categoryPath : a.categoryPaths()) {
        writeNames(out, categoryPath);
      }
      writeNames(out, a.tags());
      writeString(out, a.author());
      writeInstant(out, a.published());
      writeInstant(out, a.updated());
      writeOptional(out, a.image());
      out.writeBoolean(a.comments());
      out.writeLong(a.version());
      writeOptional(out, a.description());
      out.writeInt(loaded.warnings().size());
      for (ArticleProblem warning : loaded.warnings()) {
        out.writeInt(warning.line());
        writeString(out, warning.reason());
      }
    } else if (entry.result() instanceof FileResult.Unpublished) {
      out.writeByte(UNPUBLISHED);
    } else {
      ArticleProblem problem = ((FileResult.Failed) entry.result()).problem();
      out.writeByte(FAILED);
      out.writeInt(problem.line());
      writeString(out, problem.reason());
    }
  }

  private static void write(DataOutputStream out, KeptBody kept) throws IOException {
    writeString(out, separated(kept.file()));
    out.writeLong(kept.version());
    writeString(out, kept.base().toString());
    writeString(out, kept.body().html().html());
    writeOptional(out, kept.body().excerpt().map(SafeHtml::html));
    writeString(out, kept.body().summary());
  }

  /** A relative path with {@code /} between its names, whatever the platform. */
  private static String separated(Path path) {
    List<String> names = new ArrayList<>();
    path.forEach(name -> names.add(name.toString()));
    return String.join("/", names);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static void writeNames(DataOutputStream out, List<String> names) throws IOException {
    out.writeInt(names.size());
    for (String name : names) {
      writeString(out, name);
    }
  }

  private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
    out.writeLong(instant.getEpochSecond());
    out.writeInt(instant.getNano());
  }

  private static void writeOptional(DataOutputStream out, Optional<String> value) throws IOException {
    out.writeBoolean(value.isPresent());
    if (value.isPresent()) {
      writeString(out, value.get());
    }
  }

  /** Reads one cache file, checking every count and length against what is left of it. */
  private final class Reader {
    private final DataInputStream in;
    private long left;
    /** Names and lists of names read so far: the articles share them, as the loader's do. */
    private final SharedNames shared = new SharedNames();

    Reader(DataInputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    Contents contents() throws IOException {
      if (readInt() != MAGIC || readInt() != FORMAT) {
        throw new IOException("not a read cache of this version");
      }
      byte[] stored = bytes(key.length);
      if (!MessageDigest.isEqual(stored, key)) {
        throw new IOException("made for other settings");
      }
      int count = count(1);
      Map<Path, Entry> entries = new LinkedHashMap<>(count * 2);
      for (int i = 0; i < count; i++) {
        Path path = relativePath(string());
        ArticleLoader.Stamp stamp = new ArticleLoader.Stamp(readLong(), readLong(), readInt());
        entries.put(path, new Entry(stamp, result(path)));
      }
      int bodyCount = count(8);
      List<KeptBody> bodies = new ArrayList<>(bodyCount);
      for (int i = 0; i < bodyCount; i++) {
        Path path = relativePath(string());
        long version = readLong();
        java.net.URI base;
        try {
          base = new java.net.URI(string());
        } catch (java.net.URISyntaxException e) {
          throw new IOException("a body's base URL is not a URL");
        }
        SafeHtml html = new SafeHtml(string());
        Optional<SafeHtml> excerpt = optional().map(SafeHtml::new);
        bodies.add(new KeptBody(path, version, base, new ArticleBody(html, excerpt, string(), List.of())));
      }
      if (left != 0) {
        throw new IOException(left + " bytes after the last entry");
      }
      return new Contents(entries, List.copyOf(bodies));
    }

    private FileResult result(Path path) throws IOException {
      byte kind = readByte();
      switch (kind) {
        case LOADED -> {
          String id = string();
          String title = string();
          List<String> categories = names();
          int paths = count(4);
          List<List<String>> categoryPaths = new ArrayList<>(paths);
          for (int i = 0; i < paths; i++) {
            categoryPaths.add(names());
          }
          List<String> tags = names();
          String author = shared.name(string());
          Instant published = instant();
          Instant updated = instant();
          Optional<String> image = optional();
          boolean comments = readBoolean();
          long version = readLong();
          Optional<String> description = optional();
          int warningCount = count(8);
          List<ArticleProblem> warnings = new ArrayList<>(warningCount);
          for (int i = 0; i < warningCount; i++) {
            warnings.add(new ArticleProblem(path, readInt(), string()));
          }
          Article article = new Article(id, path, title, categories, shared.paths(categoryPaths), tags,
              author, published, updated, image, comments, version, description);
          return new FileResult.Loaded(article, warnings);
        }
        case UNPUBLISHED -> {
          return new FileResult.Unpublished(path);
        }
        case FAILED -> {
          return new FileResult.Failed(new ArticleProblem(path, readInt(), string()));
        }
        default -> throw new IOException("unknown entry kind " + kind);
      }
    }

    /** A path that stays below the content folder, or the cache is not trusted. */
    private Path relativePath(String text) throws IOException {
      Path path = Path.of(text);
      if (text.isEmpty() || path.isAbsolute() || !path.normalize().equals(path) || path.startsWith("..")) {
        throw new IOException("a path outside the content folder: " + ArticleProblem.printable(text));
      }
      return path;
    }

    private List<String> names() throws IOException {
      int count = count(4);
      List<String> names = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        names.add(string());
      }
      return shared.names(names);
    }

    private Optional<String> optional() throws IOException {
      return readBoolean() ? Optional.of(string()) : Optional.empty();
    }

    private Instant instant() throws IOException {
      long seconds = readLong();
      int nanos = readInt();
      if (nanos < 0 || nanos > 999_999_999) {
        throw new IOException("a time out of range");
      }
      return Instant.ofEpochSecond(seconds, nanos);
    }

    private String string() throws IOException {
      return new String(bytes(count(1)), StandardCharsets.UTF_8);
    }

    /** A count of things each at least {@code minBytes} long: never more than what is left. */
    private int count(int minBytes) throws IOException {
      int count = readInt();
      if (count < 0 || (long) count * minBytes > left) {
        throw new IOException("a count past the end of the file");
      }
      return count;
    }

    private byte[] bytes(int n) throws IOException {
      need(n);
      return in.readNBytes(n);
    }

    private void need(long n) throws IOException {
      if (n > left) {
        throw new IOException("cut short");
      }
      left -= n;
    }

    private int readInt() throws IOException {
      need(4);
      return in.readInt();
    }

    private long readLong() throws IOException {
      need(8);
      return in.readLong();
    }

    private byte readByte() throws IOException {
      need(1);
      return in.readByte();
    }

    private boolean readBoolean() throws IOException {
      need(1);
      return in.readBoolean();
    }
  }

  private static byte[] sha256(String text) {
    return dev.feedserver.Sha256.of(text);
  }
}
