package dev.feedserver.content;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the content folder (recursively) and reports changed paths in batches: a burst of
 * events settles into one batch once the folder has been quiet for {@link #QUIET_MS}, or after
 * {@link #MAX_WAIT_MS} at most. Events for editor leftovers (swap files, backups, temporary
 * names) are ignored; their rename into place arrives as an event for the real name. When the
 * JDK's event buffer overflows, the batch asks for a full rescan.
 */
public final class ContentWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContentWatcher.class);
  static final long QUIET_MS = 100;
  static final long MAX_WAIT_MS = 400;

  /** What to do with a batch. */
  public interface Listener {
    /** Paths (absolute) that changed; {@code rescan} when events were lost and all must be checked. */
    void changed(Set<Path> paths, boolean rescan);
  }

  private final Path root;
  private final WatchService service;
  private final Map<WatchKey, Path> folders = new HashMap<>();
  private final Listener listener;
  private final Thread thread;

  private ContentWatcher(Path root, Listener listener) throws IOException {
    this.root = root.toAbsolutePath();
    this.service = FileSystems.getDefault().newWatchService();
    this.listener = listener;
    registerTree(this.root);
    this.thread = new Thread(this::run, "content-watcher");
    this.thread.setDaemon(true);
  }

  /** Starts watching {@code root}; call {@link #close} to stop. */
  public static ContentWatcher start(Path root, Listener listener) throws IOException {
    ContentWatcher watcher = new ContentWatcher(root, listener);
    watcher.thread.start();
    return watcher;
  }

  /**
   * Watches {@code start} and every folder below it, each under its path below {@link #root}. The
   * root itself may be a link (a deploy's "current" link, as {@link ArticleLoader#scan} allows): it
   * is walked where it leads, or nothing below it would be watched; nothing below it is followed.
   */
  private void registerTree(Path start) throws IOException {
    Path walked = start.equals(root) ? root.toRealPath() : start;
    Files.walkFileTree(
        walked,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            if (!dir.equals(walked) && dir.getFileName().toString().startsWith(".")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            folders.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY),
                start.resolve(walked.relativize(dir)));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private void run() {
    try {
      while (true) {
        WatchKey first = service.take();
        Set<Path> batch = new LinkedHashSet<>();
        boolean rescan = drain(first, batch);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MS);
        while (System.nanoTime() < deadline) {
          WatchKey next = service.poll(QUIET_MS, TimeUnit.MILLISECONDS);
          if (next == null) {
            break;
          }
          rescan |= drain(next, batch);
        }
        if (rescan || !batch.isEmpty()) {
          try {
            listener.changed(Set.copyOf(batch), rescan);
          } catch (RuntimeException e) {
            LOG.error("reload failed; still serving the previous content", e);
          }
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: stop
    }
  }

  /** Adds a key's events to the batch; true when events were lost. */
  private boolean drain(WatchKey key, Set<Path> batch) {
    Path dir = folders.get(key);
    boolean overflow = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        overflow = true;
        continue;
      }
      if (dir == null) {
        continue;
      }
      Path path = dir.resolve((Path) event.context());
      String name = path.getFileName().toString();
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(path) && !name.startsWith(".")) {
        try {
          registerTree(path);
        } catch (IOException e) {
          overflow = true;
        }
        batch.add(path);
      } else if (!isEditorLeftover(name)) {
        batch.add(path); // an article, or a folder that was moved or deleted; the rest is ignored later
      }
    }
    if (!key.reset()) {
      folders.remove(key);
    }
    return overflow;
  }

  /** Swap files, backups, lock files and temporary names editors write before renaming into place. */
  static boolean isEditorLeftover(String name) {
    return name.startsWith(".") || name.startsWith("#") || name.endsWith("~") || name.endsWith(".swp")
        || name.endsWith(".swx") || name.endsWith(".tmp") || name.equals("4913");
  }

  @Override
  public void close() throws IOException {
    service.close();
    thread.interrupt();
  }
}
