package dev.feedserver.web;

import dev.feedserver.render.PagedFeed;
import dev.feedserver.render.Representation;
import dev.feedserver.site.EmbedOptions;
import dev.feedserver.site.Links;
import dev.feedserver.site.Origins;
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
  private final Cors cors;

  /**
   * @param site the current site; read once per request, so a swap is atomic
   * @param maxLimit largest {@code ?limit=} accepted
   * @param maxAge seconds of {@code Cache-Control: max-age}
   */
  public FeedServer(Supplier<ServedSite> site, Links links, int maxLimit, int maxAge) {
    this(site, links, maxLimit, maxAge, Origins.ANY);
  }

  /** @param corsOrigins origins allowed to read feeds and embed resources cross-origin */
  public FeedServer(Supplier<ServedSite> site, Links links, int maxLimit, int maxAge, Origins corsOrigins) {
    this.site = site;
    this.links = links;
    this.maxLimit = maxLimit;
    this.caching = new HttpCaching(maxAge);
    this.cors = new Cors(corsOrigins);
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
          for (String route : new String[] {"/", "/<path>"}) {
            config.routes.get(route, this::serve);
            config.routes.head(route, this::serve);
            config.routes.options(route, this::options);
          }
          config.routes.error(HttpStatus.NOT_FOUND, ctx -> notFound(ctx, site.get()));
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
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
    String key = path.get();
    if (links.isEmbedPath(key)) {
      EmbedOptions options;
      try {
        options = EmbedQuery.parse(ctx.queryParamMap());
      } catch (FeedQuery.BadParameter e) {
        badRequest(ctx, e);
        return;
      }
      key = links.embedVariantPath(key, options);
    }
    Optional<HttpResource> page = current.get(key);
    if (page.isEmpty()) {
      notFound(ctx, current);
      return;
    }
    respond(ctx, page.get(), "Accept-Encoding");
  }

  private void serveFeed(Context ctx, ServedSite current, String path, PagedFeed feed) {
    FeedQuery query;
    try {
      query = FeedQuery.parse(ctx.queryParamMap(), maxLimit);
      query.checkPage(feed.pageCount(query.limit()));
    } catch (FeedQuery.BadParameter e) {
      badRequest(ctx, e);
      return;
    }
    HttpResource resource =
        FeedNegotiation.wantsPreview(ctx.header("Accept"))
            ? current.previewPage(path, feed, query.page(), query.limit())
            : current.feedPage(path, feed, query.page(), query.limit());
    respond(ctx, resource, "Accept, Accept-Encoding");
  }

  /** Answers with a prepared resource, adding CORS when other origins may read it. */
  private void respond(Context ctx, HttpResource resource, String vary) {
    if (resource.crossOrigin()) {
      cors.allow(ctx);
      if (cors.variesByOrigin()) {
        vary = vary + ", Origin";
      }
    }
    caching.respond(ctx, resource, vary);
  }

  /**
   * {@code OPTIONS}: what may be done with a resource, and the CORS preflight of cross-origin
   * resources (feeds, embed page and script, OPML, feed index). Unknown paths are 404.
   */
  private void options(Context ctx) {
    ServedSite current = site.get();
    Optional<String> path = links.canonicalPath(ctx.req().getRequestURI());
    Optional<HttpResource> resource = path.flatMap(current::get);
    if (resource.isEmpty()) {
      notFound(ctx, current);
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

  private static void badRequest(Context ctx, FeedQuery.BadParameter e) {
    HttpCaching.uncached(ctx, HttpStatus.BAD_REQUEST, TEXT, (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void notFound(Context ctx, ServedSite current) {
    HttpCaching.uncached(ctx, HttpStatus.NOT_FOUND, current.notFound());
  }
}
