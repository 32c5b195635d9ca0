package dev.feedserver;

import dev.feedserver.config.Config;
import dev.feedserver.config.ConfigException;
import dev.feedserver.config.ConfigLoader;
import dev.feedserver.content.ArticleProblem;
import dev.feedserver.content.ContentWatcher;
import dev.feedserver.content.Taxonomy;
import dev.feedserver.site.Route;
import dev.feedserver.web.FeedServer;
import dev.feedserver.web.ServedSite;
import dev.feedserver.websub.HubNotifier;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: the only place objects are wired. */
public final class App {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  private final Config config;
  private final Publisher publisher;
  private final AtomicReference<ServedSite> current;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final java.util.concurrent.CompletableFuture<Void> warmed = new java.util.concurrent.CompletableFuture<>();
  private final Optional<HubNotifier> hub;
  private Javalin javalin;
  private ContentWatcher watcher;

  private App(Config config, Publisher publisher) {
    this.config = config;
    this.publisher = publisher;
    this.current = new AtomicReference<>();
    this.hub = config.hub().map(HubNotifier::new);
  }

  /**
   * The command line ({@link Cli}): serves unless told otherwise; exits with the command's status
   * unless a server now runs.
   */
  public static void main(String[] args) {
    Cli cli = new Cli(System.getenv(), System.out, System.err);
    int status = cli.run(args);
    if (status != 0 || cli.started().isEmpty()) {
      System.exit(status);
    }
  }

  /** Loads the content, renders it and starts serving (and watching); the port is {@link #port()}. */
  public static App start(Config config) {
    long started = System.nanoTime();
    Publisher publisher = new Publisher(config);
    App app = new App(config, publisher);
    // The server starts while the content loads (/healthz says "loading", other paths 503): its
    // start-up and the reading of files overlap. A load that fails stops it again.
    java.util.concurrent.CompletableFuture<Javalin> server = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> new FeedServer(app.current::get, publisher.links(), config.maxLimit(), config.cacheMaxAge(),
                config.corsOrigins(), app.draining::get, config.imageProxy())
            .create()
            .start(config.port()),
        task -> new Thread(task, "server-start").start());
    Publisher.Publication publication;
    try {
      publication = publish(config, publisher);
    } catch (RuntimeException e) {
      server.thenAccept(Javalin::stop).exceptionally(ignored -> null).join();
      throw e;
    }
    app.current.set(ServedSite.first(publication.site(), Instant.now()));
    try {
      app.javalin = server.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw new StartupException("config key 'port': cannot listen on port " + config.port() + ": "
          + (e.getCause() == null ? e : e.getCause().getMessage()));
    }
    // Prepare every polled response in the background; a request that comes first prepares its own.
    // Then keep what reading the files gave for the next start (the read cache, when there is one).
    Thread warm = new Thread(() -> {
      app.current.get().warm();
      app.warmed.complete(null);
      publisher.saveReadCache();
    }, "warm-up");
    warm.setDaemon(true);
    warm.start();
    if (config.watch()) {
      try {
        app.watcher = ContentWatcher.start(config.articlesDir(), app::reload);
      } catch (IOException e) {
        LOG.warn("cannot watch {}: {}; changes need a restart", config.articlesDir(), e.toString());
      }
    }
    LOG.info(
        "serving {} on port {} ({} ms after start-up began)",
        config.baseUrl(), app.javalin.port(), (System.nanoTime() - started) / 1_000_000);
    return app;
  }

  /**
   * The first, full publication; logs every problem ({@code skipped …}), every warning ({@code
   * served with a warning: …}) and the summary line. In strict mode a problem or a warning fails
   * start-up, naming the first one.
   */
  static Publisher.Publication publish(Config config, Publisher publisher) {
    long t0 = System.nanoTime();
    Publisher.Publication publication;
    try {
      publication = publisher.publish(n -> LOG.info("read {} files ...", n));
    } catch (IOException e) {
      throw new StartupException("config key 'contentDir': " + e.getMessage());
    }
    List<ArticleProblem> problems = publication.load().problems();
    List<ArticleProblem> warnings = publication.load().warnings();
    problems.forEach(App::logSkipped);
    warnings.forEach(App::logWarning);
    LOG.info(
        "loaded {} articles in {} categories, {} tags and {} authors, skipped {}, {} warning(s) ({} ms)",
        publication.load().articles().size(),
        publication.index().topics(Taxonomy.CATEGORY).size(),
        publication.index().topics(Taxonomy.TAG).size(),
        publication.index().topics(Taxonomy.AUTHOR).size(),
        problems.size(),
        warnings.size(),
        (System.nanoTime() - t0) / 1_000_000);
    if (config.strict() && !problems.isEmpty()) {
      throw new StartupException(
          "strict mode: " + problems.size() + " file(s) skipped"
              + (warnings.isEmpty() ? "" : " and " + warnings.size() + " warning(s)")
              + ", first: " + problems.get(0));
    }
    if (config.strict() && !warnings.isEmpty()) {
      throw new StartupException(
          "strict mode: " + warnings.size() + " warning(s), first: " + warnings.get(0));
    }
    return publication;
  }

  private static void logSkipped(ArticleProblem problem) {
    LOG.warn("skipped {}", problem);
  }

  private static void logWarning(ArticleProblem warning) {
    LOG.warn("served with a warning: {}", warning);
  }

  /**
   * Publishes changed content: re-reads only the changed files (everything, when events were
   * lost), renders, and swaps the new site in atomically. Readers see the old site or the new one,
   * never a mix. Feeds whose bytes changed are pinged to the WebSub hub.
   */
  private void reload(Set<Path> changed, boolean rescan) {
    long t0 = System.nanoTime();
    Publisher.Publication publication;
    try {
      publication = rescan ? publisher.publish() : publisher.refresh(changed);
    } catch (IOException e) {
      LOG.error("reload failed, still serving the previous content: {}", e.toString());
      return;
    }
    publication.fresh().forEach(App::logSkipped);
    publication.freshWarnings().forEach(App::logWarning);
    ServedSite before = current.get().warm();
    ServedSite after = before.next(publication.site(), Instant.now()).warm();
    current.set(after);
    Set<Route> changedRoutes = after.changedSince(before);
    LOG.info(
        "reloaded: {} file(s) read, {} responses changed, {} articles ({} ms)",
        publication.filesRead(), changedRoutes.size(), publication.load().articles().size(),
        (System.nanoTime() - t0) / 1_000_000);
    hub.ifPresent(h -> h.publish(
        changedRoutes.stream().filter(Route::isFeed).map(publisher.links()::url).toList()));
  }

  public int port() {
    return javalin.port();
  }

  /**
   * Completes once every polled response of the first site is prepared. Changes before that may
   * not be pinged to a WebSub hub (there is no earlier rendering of them to compare with).
   */
  public java.util.concurrent.CompletableFuture<Void> warmed() {
    return warmed;
  }

  /** Stops at once (tests), keeping what reading the files gave for the next start. */
  public void stop() {
    closeWatcher();
    javalin.stop();
    publisher.saveReadCache();
  }

  /**
   * SIGTERM: report unready on the health endpoint so a proxy stops sending new requests, keep
   * serving for {@code drainSeconds}, then stop; Jetty lets requests in flight finish.
   */
  void drainAndStop() {
    draining.set(true);
    closeWatcher();
    LOG.info("draining for {} s before stopping", DRAIN_SECONDS);
    try {
      Thread.sleep(DRAIN_SECONDS * 1000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    javalin.stop();
    publisher.saveReadCache();
  }

  /** Seconds between SIGTERM and closing the port: a proxy checking health every second notices. */
  static final int DRAIN_SECONDS = 3;

  private void closeWatcher() {
    if (watcher != null) {
      try {
        watcher.close();
      } catch (IOException e) {
        LOG.debug("closing the watcher: {}", e.toString());
      }
    }
  }

  /** Start-up cannot go on; the message says why. */
  public static final class StartupException extends RuntimeException {
    public StartupException(String message) {
      super(message);
    }
  }
}
