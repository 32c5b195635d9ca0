package dev.feedserver.web;

import dev.feedserver.render.Representation;
import dev.feedserver.site.Links;
import dev.feedserver.site.Route;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the site: routes and error mapping. Every request has the same small job: turn
 * the raw path into a canonical path (only {@link Links} knows the URL scheme), find the prepared
 * resource there, and let {@link HttpCaching} answer.
 *
 * <p>The raw path is used rather than Javalin's path parameters, which are decoded with {@code
 * URLDecoder} (turning {@code +} into a space) and would be decoded twice by us.
 */
public final class FeedServer {
  private static final Logger LOG = LoggerFactory.getLogger(FeedServer.class);
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final byte[] SERVER_ERROR =
      ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Server error</title>"
              + "</head><body><h1>Server error</h1><p>Something went wrong; it has been logged.</p>"
              + "</body></html>")
          .getBytes(StandardCharsets.UTF_8);

  private final Supplier<ServedSite> site;
  private final Links links;
  private final int maxLimit;
  private final HttpCaching caching;
  private final BooleanSupplier draining;

  /** Path of the health endpoint a proxy or orchestrator polls. */
  public static final String HEALTH_PATH = "/healthz";

  /**
   * @param site the current site; read once per request, so a swap is atomic
   * @param maxLimit largest {@code ?limit=} accepted
   * @param maxAge seconds of {@code Cache-Control: max-age}
   * @param draining true once the server is shutting down: health answers 503
   */
  public FeedServer(Supplier<ServedSite> site, Links links, int maxLimit, int maxAge, BooleanSupplier draining) {
    this.site = site;
    this.links = links;
    this.maxLimit = maxLimit;
    this.caching = new HttpCaching(maxAge);
    this.draining = draining;
  }

  /** Creates (but does not start) the Javalin app. */
  public Javalin create() {
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.startup.showOldJavalinVersionWarning = false;
          config.http.generateEtags = false;
          // Responses are compressed once, when published; never per request.
          config.http.compressionStrategy = CompressionStrategy.NONE;
          // Some clients send category names as raw UTF-8 instead of percent-escapes; Jetty
          // rejects those bytes by default. Links.canonicalPath decodes both spellings alike.
          config.jetty.modifyHttpConfiguration(
              http ->
                  http.setUriCompliance(
                      UriCompliance.DEFAULT.with(
                          "raw UTF-8 paths", UriCompliance.Violation.ILLEGAL_PATH_CHARACTERS)));
          // Let requests in flight finish when stopping (SIGTERM), for up to 10 s.
          config.jetty.modifyServer(server -> {
            server.setStopTimeout(10_000);
            if (server.getHandler() != null) {
              server.setHandler(new GracefulHandler(server.getHandler()));
            }
          });
          config.routes.get(HEALTH_PATH, this::health);
          config.routes.head(HEALTH_PATH, this::health);
          for (String route : new String[] {"/", "/<path>"}) {
            config.routes.get(route, this::serve);
            config.routes.head(route, this::serve);
          }
          config.routes.error(HttpStatus.NOT_FOUND, ctx -> notFound(ctx, site.get()));
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                HttpCaching.uncached(ctx, HttpStatus.INTERNAL_SERVER_ERROR, Representation.HTML, SERVER_ERROR);
              });
        });
  }

  private void serve(Context ctx) {
    ServedSite current = site.get();
    Optional<Route> route = links.route(ctx.req().getRequestURI());
    if (route.isEmpty()) {
      notFound(ctx, current);
      return;
    }
    OptionalInt limit = OptionalInt.empty();
    if (route.get() instanceof Route.Feed) {
      try {
        limit = FeedQuery.parse(ctx.queryParamMap(), maxLimit).limit();
      } catch (FeedQuery.BadParameter e) {
        ctx.header("X-Content-Type-Options", "nosniff");
        HttpCaching.uncached(
            ctx, HttpStatus.BAD_REQUEST, TEXT, (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
    }
    Optional<HttpResource> resource = current.resolve(route.get(), limit);
    if (resource.isEmpty()) {
      notFound(ctx, current);
      return;
    }
    caching.respond(ctx, resource.get());
  }

  /** 200 while serving (the content is loaded before the port opens), 503 while draining. */
  private void health(Context ctx) {
    boolean ready = !draining.getAsBoolean();
    String body = "{\"status\":\"" + (ready ? "ready" : "draining") + "\",\"articles\":"
        + site.get().rendered().index().newestFirst().size() + "}\n";
    HttpCaching.uncached(ctx, ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, "application/json",
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static void notFound(Context ctx, ServedSite current) {
    HttpResource page = current.notFound();
    HttpCaching.uncached(ctx, HttpStatus.NOT_FOUND, page.contentType(), page.body());
  }
}
