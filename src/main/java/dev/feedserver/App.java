package dev.feedserver;

import dev.feedserver.config.Config;
import dev.feedserver.config.ConfigException;
import dev.feedserver.config.ConfigLoader;
import dev.feedserver.content.ArticleIndex;
import dev.feedserver.content.ArticleProblem;
import dev.feedserver.content.LoadResult;
import dev.feedserver.web.ServedSite;
import java.time.Instant;
import dev.feedserver.web.FeedServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: the only place objects are wired. */
public final class App {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  private final Javalin javalin;

  private App(Javalin javalin) {
    this.javalin = javalin;
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("lint")) {
      System.exit(Lint.run(java.util.List.of(args).subList(1, args.length), System.getenv(), System.out, System.err));
    }
    try {
      App app = start(new ConfigLoader(System.getenv()).load());
      Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
    } catch (ConfigException | StartupException e) {
      System.err.println("feedserver: " + e.getMessage());
      System.exit(2);
    }
  }

  /** Loads the content, renders it and starts serving; the port is {@link #port()}. */
  public static App start(Config config) {
    Publisher publisher = new Publisher(config);
    Publisher.Publication publication;
    try {
      publication = publisher.publish();
    } catch (IOException e) {
      throw new StartupException("config key 'contentDir': " + e.getMessage());
    }
    LoadResult result = publication.load();
    for (ArticleProblem problem : result.problems()) {
      LOG.warn("skipped {}", problem);
    }
    ArticleIndex index = publication.index();
    LOG.info(
        "loaded {} articles in {} categories, skipped {}",
        result.articles().size(),
        index.categories().size(),
        result.problems().size());
    if (config.strict() && !result.problems().isEmpty()) {
      throw new StartupException(
          "strict mode: " + result.problems().size() + " file(s) skipped, first: " + result.problems().get(0));
    }
    AtomicReference<ServedSite> current =
        new AtomicReference<>(ServedSite.first(publication.site(), Instant.now()));
    Javalin javalin =
        new FeedServer(current::get, publisher.links(), config.maxLimit(), config.cacheMaxAge())
            .create()
            .start(config.port());
    LOG.info("serving {} on port {}", config.baseUrl(), javalin.port());
    return new App(javalin);
  }

  public int port() {
    return javalin.port();
  }

  public void stop() {
    javalin.stop();
  }

  /** Start-up cannot go on; the message says why. */
  public static final class StartupException extends RuntimeException {
    public StartupException(String message) {
      super(message);
    }
  }
}
