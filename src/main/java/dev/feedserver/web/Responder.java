package dev.feedserver.web;

import dev.feedserver.site.Route;
import java.util.Optional;

/**
 * The one decision behind every {@code GET} and {@code HEAD} of a route, whichever way the request
 * arrives (the Jetty fast path or the Javalin handlers): a browser at a feed's URL gets its
 * preview, the site supplies the prepared response, CORS and {@code Vary} are added where they
 * belong, and {@link HttpCaching} picks the encoding and answers 200 or 304.
 */
final class Responder {
  private final HttpCaching caching;
  private final Cors cors;
  private final Optional<ImageProxy> images;

  /** @param images the image proxy, when it is on; without it an image route is a 404 */
  Responder(HttpCaching caching, Cors cors, Optional<ImageProxy> images) {
    this.caching = caching;
    this.cors = cors;
    this.images = images;
  }

  /** The request headers an answer depends on (each null when absent). */
  record RequestHeaders(String accept, String acceptEncoding, String ifNoneMatch, String ifModifiedSince,
      String origin) {}

  /** The answer for a route, or empty when it names nothing in {@code site} (a 404). */
  Optional<HttpCaching.Answer> respond(ServedSite site, Route named, RequestHeaders request) {
    if (named instanceof Route.Image image) {
      // another host's image: not the site's to render, so the proxy answers it (or nobody does)
      return images.map(proxy -> proxy.answer(image, request));
    }
    Route route = FeedNegotiation.wantsPreview(request.accept()) ? named.forBrowser() : named;
    return site.resolve(route).map(resource -> answer(resource, route, request));
  }

  /**
   * The same answer as {@link #respond}, when it can be given from memory without blocking: the
   * response is prepared already. Empty otherwise (it names nothing, must be rendered first, or is
   * another host's image): then {@link #respond} is the answer.
   */
  Optional<HttpCaching.Answer> respondFromMemory(ServedSite site, Route named, RequestHeaders request) {
    if (named instanceof Route.Image) {
      return Optional.empty(); // the proxy may have to fetch it
    }
    Route route = FeedNegotiation.wantsPreview(request.accept()) ? named.forBrowser() : named;
    return site.resolveFromMemory(route).map(resource -> answer(resource, route, request));
  }

  private HttpCaching.Answer answer(HttpResource resource, Route route, RequestHeaders request) {
    String vary = route.variesByAccept() ? FeedNegotiation.VARY : HttpCaching.VARY;
    if (resource.crossOrigin() && cors.variesByOrigin()) {
      vary = vary + ", Origin";
    }
    return caching.answer(resource, request.acceptEncoding(), request.ifNoneMatch(),
        request.ifModifiedSince(), vary, resource.crossOrigin() ? cors.allowHeaders(request.origin()) : java.util.List.of());
  }
}
