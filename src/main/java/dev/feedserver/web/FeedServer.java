package dev.feedserver.web;

import dev.feedserver.config.ImageProxySettings;
import dev.feedserver.imageproxy.ImageFetcher;
import dev.feedserver.render.Representation;
import dev.feedserver.site.Links;
import dev.feedserver.site.Origins;
import dev.feedserver.site.Route;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import dev.feedserver.site.Query;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the site: routes and error mapping. Every request has the same small job: turn
 * the raw path into a {@link Route} (only {@link Links} knows the URL scheme), complete it from the
 * request where the path does not say everything (a feed's {@code ?limit=}; an embed page's
 * options; a browser's {@code Accept} turning a feed into its preview), find the prepared resource,
 * add CORS when other origins may read it, and let {@link HttpCaching} answer.
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
  private final Cors cors;
  private final Responder responder;
  private final BooleanSupplier draining;

  /** Path of the health endpoint a proxy or orchestrator polls. */
  public static final String HEALTH_PATH = "/healthz";

  /**
   * @param site the current site, null while the first one loads; read once per request, so a
   *     swap is atomic
   * @param maxLimit largest {@code ?limit=} accepted
   * @param maxAge seconds of {@code Cache-Control: max-age}
   * @param corsOrigins origins allowed to read feeds and embed resources cross-origin
   * @param draining true once the server is shutting down: health answers 503
   */
  public FeedServer(Supplier<ServedSite> site, Links links, int maxLimit, int maxAge, Origins corsOrigins,
      BooleanSupplier draining) {
    this(site, links, maxLimit, maxAge, corsOrigins, draining, Optional.empty());
  }

  /**
   * @param imageProxy the image proxy's settings when it is on: {@code /img/} routes are fetched,
   *     checked and served; without it they are 404s
   */
  public FeedServer(Supplier<ServedSite> site, Links links, int maxLimit, int maxAge, Origins corsOrigins,
      BooleanSupplier draining, Optional<ImageProxySettings> imageProxy) {
    this.site = site;
    this.links = links;
    this.maxLimit = maxLimit;
    this.cors = new Cors(corsOrigins);
    HttpCaching caching = new HttpCaching(maxAge);
    this.responder = new Responder(caching, cors,
        imageProxy.map(settings -> new ImageProxy(settings, new ImageFetcher(settings), caching)));
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
          // rejects those bytes by default. Links.route decodes both spellings alike.
          // Category names may hold '/', '%' or be '..': their links carry %2F, %25 and %2E%2E,
          // which Jetty calls ambiguous and refuses by default. Links.route reads the raw path
          // segment by segment, so these are unambiguous here (docs/hardening.md).
          config.jetty.modifyHttpConfiguration(
              http ->
                  http.setUriCompliance(
                      UriCompliance.DEFAULT.with(
                          "raw UTF-8 paths and encoded separators in names",
                          UriCompliance.Violation.ILLEGAL_PATH_CHARACTERS,
                          UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                          UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT,
                          UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
                          UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS)));
          config.jetty.modifyServletContextHandler(
              handler -> {
                handler.getServletHandler().setDecodeAmbiguousURIs(true);
                handler.setErrorHandler(new ErrorPages());
              });
          // One selector per core: the fast path runs on the selector threads (FastPath is
          // non-blocking), so Jetty's default for two cores (one selector) would leave a core idle.
          config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, 1,
                Math.max(1, Runtime.getRuntime().availableProcessors()), new HttpConnectionFactory(http));
            connector.setHost(config.jetty.host);
            connector.setPort(config.jetty.port);
            return connector;
          });
          config.jetty.modifyServer(server -> {
            // requests Jetty refuses itself (bad encoding, too long) get our page, not Jetty's
            server.setErrorHandler(new ErrorPages());
            // Let requests in flight finish when stopping (SIGTERM), for up to 10 s.
            server.setStopTimeout(10_000);
            if (server.getHandler() != null) {
              server.setHandler(new GracefulHandler(new FastPath(server.getHandler(), site, links, responder)));
            }
          });
          // The port opens while the content loads: until then only /healthz answers ("loading").
          // (Checked in the handlers, not in a before-handler, which would cost every request.)
          config.routes.exception(Loading.class, (e, ctx) -> loading(ctx));
          config.routes.get(HEALTH_PATH, this::health);
          config.routes.head(HEALTH_PATH, this::health);
          // "*", not "<path>": Javalin URL-decodes path parameters itself and fails with a 500 on
          // a bad escape it meets (in a ";" parameter, say); we only read the raw path anyway.
          for (String route : new String[] {"/", "/*"}) {
            config.routes.get(route, this::serve);
            config.routes.head(route, this::serve);
            config.routes.options(route, this::options);
          }
          config.routes.error(HttpStatus.NOT_FOUND, this::notFoundOrMethodNotAllowed);
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.header("Content-Security-Policy", ErrorPages.CSP);
                HttpCaching.uncached(ctx, HttpStatus.INTERNAL_SERVER_ERROR, Representation.HTML, SERVER_ERROR);
              });
        });
  }

  /** The site being served; while the first one loads, {@link Loading} (answered 503). */
  private ServedSite current() {
    ServedSite current = site.get();
    if (current == null) {
      throw new Loading();
    }
    return current;
  }

  private static void loading(Context ctx) {
    ctx.header("Retry-After", "1");
    HttpCaching.uncached(ctx, HttpStatus.SERVICE_UNAVAILABLE, TEXT,
        "loading the articles; try again in a second\n".getBytes(StandardCharsets.UTF_8));
  }

  private void serve(Context ctx) {
    ServedSite current = current();
    String uri = ctx.req().getRequestURI();
    Optional<Route> path = current.polledRouteAt(uri).or(() -> links.route(uri));
    if (path.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND); // the 404 mapper writes the page, once
      return;
    }
    Route route = path.get();
    String query = ctx.req().getQueryString(); // raw: decoded strictly by Query, never by Javalin
    if (query != null) {
      try {
        route = route.withQuery(Query.parse(query), maxLimit);
      } catch (Query.BadParameter e) {
        HttpCaching.uncached(
            ctx, HttpStatus.BAD_REQUEST, TEXT, (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
    }
    Optional<HttpCaching.Answer> answer = responder.respond(current, route, new Responder.RequestHeaders(
        ctx.header("Accept"), ctx.header("Accept-Encoding"), ctx.header("If-None-Match"),
        ctx.header("If-Modified-Since"), ctx.header("Origin")));
    if (answer.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND);
      return;
    }
    HttpCaching.write(ctx, answer.get());
  }

  /**
   * {@code OPTIONS}: what may be done with a resource, and the CORS preflight of cross-origin
   * resources (feeds, embed page and script, OPML, feed index). Unknown paths are 404.
   */
  private void options(Context ctx) {
    ServedSite current = current();
    Optional<HttpResource> resource =
        links.route(ctx.req().getRequestURI()).flatMap(current::resolve);
    if (resource.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND);
      return;
    }
    ctx.header("Allow", Cors.ALLOWED_METHODS);
    if (resource.get().crossOrigin()) {
      cors.preflight(ctx);
      if (cors.variesByOrigin()) {
        ctx.header("Vary", "Origin");
      }
    }
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Length", "0");
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** 200 while serving (the content is loaded before the port opens), 503 while draining. */
  private void health(Context ctx) {
    ServedSite current = site.get();
    boolean ready = current != null && !draining.getAsBoolean();
    String status = current == null ? "loading" : ready ? "ready" : "draining";
    int articles = current == null ? 0 : current.rendered().index().newestFirst().size();
    String body = "{\"status\":\"" + status + "\",\"articles\":" + articles + "}\n";
    HttpCaching.uncached(ctx, ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, "application/json",
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** Thrown by a handler while the content is still loading: answered 503 with Retry-After. */
  private static final class Loading extends RuntimeException {
    Loading() {
      super("loading", null, false, false);
    }
  }

  /**
   * A 404 from any handler, or no route matched the method: GET, HEAD and OPTIONS get the 404 page;
   * any other method gets 405 with {@code Allow}, whatever the path.
   */
  private void notFoundOrMethodNotAllowed(Context ctx) {
    String method = ctx.req().getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      ServedSite current = site.get();
      if (current == null) {
        loading(ctx);
      } else {
        notFound(ctx, current);
      }
      return;
    }
    ctx.header("Allow", Cors.ALLOWED_METHODS);
    ctx.header("Content-Security-Policy", ErrorPages.CSP);
    HttpCaching.uncached(ctx, HttpStatus.METHOD_NOT_ALLOWED, Representation.HTML, ErrorPages.page(405));
  }

  private static void notFound(Context ctx, ServedSite current) {
    HttpCaching.uncached(ctx, HttpStatus.NOT_FOUND, current.notFound());
  }
}
