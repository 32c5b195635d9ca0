package dev.feedserver.web;

import dev.feedserver.render.RenderedSite;
import dev.feedserver.render.Representation;
import dev.feedserver.site.Links;
import io.javalin.Javalin;
import org.eclipse.jetty.http.UriCompliance;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the site: routes and error mapping. Every route has the same small job: turn
 * the raw request path into a canonical path (only {@link Links} knows the URL scheme) and write
 * the pre-rendered bytes found there, or the 404 page.
 *
 * <p>The raw path is used rather than Javalin's path parameters, which are decoded with {@code
 * URLDecoder} (turning {@code +} into a space) and would be decoded twice by us.
 */
public final class FeedServer {
  private static final Logger LOG = LoggerFactory.getLogger(FeedServer.class);
  private static final byte[] SERVER_ERROR =
      ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Server error</title>"
              + "</head><body><h1>Server error</h1><p>Something went wrong; it has been logged.</p>"
              + "</body></html>")
          .getBytes(StandardCharsets.UTF_8);

  private final Supplier<RenderedSite> site;
  private final Links links;

  /** @param site the current rendered site; read once per request, so a swap is atomic */
  public FeedServer(Supplier<RenderedSite> site, Links links) {
    this.site = site;
    this.links = links;
  }

  /** Creates (but does not start) the Javalin app. */
  public Javalin create() {
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.startup.showOldJavalinVersionWarning = false;
          config.http.generateEtags = false;
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
          }
          config.routes.error(
              HttpStatus.NOT_FOUND, ctx -> write(ctx, HttpStatus.NOT_FOUND, site.get().notFound()));
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .contentType(Representation.HTML)
                    .result(SERVER_ERROR);
              });
        });
  }

  private void serve(Context ctx) {
    RenderedSite current = site.get();
    Optional<Representation> found =
        links.canonicalPath(ctx.req().getRequestURI()).flatMap(current::get);
    if (found.isPresent()) {
      write(ctx, HttpStatus.OK, found.get());
    } else {
      write(ctx, HttpStatus.NOT_FOUND, current.notFound());
    }
  }

  private static void write(Context ctx, HttpStatus status, Representation representation) {
    ctx.status(status);
    ctx.contentType(representation.contentType());
    ctx.header("Content-Length", Integer.toString(representation.body().length));
    ctx.result(representation.body());
  }
}
