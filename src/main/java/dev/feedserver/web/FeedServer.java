package dev.feedserver.web;

import dev.feedserver.render.PagedFeed;
import dev.feedserver.render.Representation;
import dev.feedserver.site.Links;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.UriCompliance;
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

  /**
   * @param site the current site; read once per request, so a swap is atomic
   * @param maxLimit largest {@code ?limit=} accepted
   * @param maxAge seconds of {@code Cache-Control: max-age}
   */
  public FeedServer(Supplier<ServedSite> site, Links links, int maxLimit, int maxAge) {
    this.site = site;
    this.links = links;
    this.maxLimit = maxLimit;
    this.caching = new HttpCaching(maxAge);
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
          // Category names may hold '/', '%' or be '..': their links carry %2F, %25 and %2E%2E,
          // which Jetty calls ambiguous and refuses by default. Links.canonicalPath reads the raw
          // path segment by segment, so these are unambiguous here (docs/hardening.md).
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
          // requests Jetty refuses itself (bad encoding, too long) get our page, not Jetty's
          config.jetty.modifyServer(server -> server.setErrorHandler(new ErrorPages()));
          // "*", not "<path>": Javalin URL-decodes path parameters itself and fails with a 500 on
          // a bad escape it meets (in a ";" parameter, say); we only read the raw path anyway.
          for (String route : new String[] {"/", "/*"}) {
            config.routes.get(route, this::serve);
            config.routes.head(route, this::serve);
          }
          config.routes.error(HttpStatus.NOT_FOUND, this::notFoundOrMethodNotAllowed);
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
    Optional<String> path = links.canonicalPath(ctx.req().getRequestURI());
    if (path.isEmpty()) {
      notFound(ctx, current);
      return;
    }
    Optional<PagedFeed> feed = current.feed(path.get());
    if (feed.isPresent()) {
      serveFeed(ctx, current, path.get(), feed.get());
      return;
    }
    Optional<HttpResource> page = current.get(path.get());
    if (page.isEmpty()) {
      notFound(ctx, current);
      return;
    }
    caching.respond(ctx, page.get());
  }

  private void serveFeed(Context ctx, ServedSite current, String path, PagedFeed feed) {
    FeedQuery query;
    try {
      query = FeedQuery.parse(ctx.queryString(), maxLimit);
      query.checkPage(feed.pageCount(query.limit()));
    } catch (FeedQuery.BadParameter e) {
      ctx.header("X-Content-Type-Options", "nosniff");
      HttpCaching.uncached(ctx, HttpStatus.BAD_REQUEST, TEXT, (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
      return;
    }
    caching.respond(ctx, current.feedPage(path, feed, query.page(), query.limit()));
  }

  /** No route matched: any method but GET and HEAD gets 405, whatever the path. */
  private void notFoundOrMethodNotAllowed(Context ctx) {
    String method = ctx.req().getMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      notFound(ctx, site.get());
      return;
    }
    ctx.header("Allow", "GET, HEAD");
    HttpCaching.uncached(ctx, HttpStatus.METHOD_NOT_ALLOWED, Representation.HTML, ErrorPages.page(405));
  }

  private static void notFound(Context ctx, ServedSite current) {
    HttpResource page = current.notFound();
    HttpCaching.uncached(ctx, HttpStatus.NOT_FOUND, page.contentType(), page.variants().get(0).body());
  }
}
