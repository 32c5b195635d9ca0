package dev.feedserver.web;

import dev.feedserver.site.Origins;
import io.javalin.http.Context;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import java.util.Locale;

/**
 * Cross-origin reads of feeds and embed resources. With any origin allowed the answer is the same
 * for everyone ({@code Access-Control-Allow-Origin: *}, no {@code Vary: Origin}); with an
 * allow-list the request's {@code Origin} is echoed when listed, and every answer says
 * {@code Vary: Origin}. Preflights ({@code OPTIONS} with {@code Access-Control-Request-Method})
 * are answered for GET and HEAD. No credentials are ever allowed: nothing here is private.
 */
final class Cors {
  static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";
  /** Request headers a script may send: content negotiation and revalidation. */
  private static final String ALLOWED_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since, Cache-Control";
  /** Response headers a script may read beyond the safelisted ones. */
  private static final String EXPOSED_HEADERS = "ETag, Link";
  private static final String PREFLIGHT_MAX_AGE = "86400";

  private final Origins origins;
  /** The answer's fields when every origin is allowed: the same for everyone, encoded once. */
  private final List<HttpField> anyOrigin = List.of(
      new PreEncodedHttpField(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
      new PreEncodedHttpField(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS));

  Cors(Origins origins) {
    this.origins = origins;
  }

  /** Whether answers depend on the request's Origin (then they must say {@code Vary: Origin}). */
  boolean variesByOrigin() {
    return !origins.any();
  }

  /** Adds the CORS headers of an actual request to a cross-origin resource. */
  void allow(Context ctx) {
    for (HttpField header : allowHeaders(ctx.header("Origin"))) {
      ctx.header(header.getName(), header.getValue());
    }
  }

  /**
   * The CORS headers of an actual request from {@code origin} (the request's Origin header, or
   * null) to a cross-origin resource: none when the origin is not allowed.
   */
  List<HttpField> allowHeaders(String origin) {
    if (origins.any()) {
      return anyOrigin;
    }
    String allowed = allowedOrigin(origin);
    if (allowed == null) {
      return List.of();
    }
    return List.of(
        new HttpField(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, allowed),
        new HttpField(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS));
  }

  /**
   * Answers a preflight for a cross-origin resource: the allowed origin, methods and headers, or
   * no CORS headers at all (the browser then refuses) for an origin or method not allowed.
   */
  void preflight(Context ctx) {
    String method = ctx.header("Access-Control-Request-Method");
    String allowed = allowedOrigin(ctx);
    if (allowed == null || method == null || !isReadMethod(method)) {
      return;
    }
    ctx.header("Access-Control-Allow-Origin", allowed);
    ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
    ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    ctx.header("Access-Control-Max-Age", PREFLIGHT_MAX_AGE);
  }

  private String allowedOrigin(Context ctx) {
    return allowedOrigin(ctx.header("Origin"));
  }

  /** The Access-Control-Allow-Origin value for a request's Origin header, or null for none. */
  private String allowedOrigin(String origin) {
    if (origins.any()) {
      return "*";
    }
    return origin != null && origins.allows(origin.strip()) ? origin.strip().toLowerCase(Locale.ROOT) : null;
  }


  private static boolean isReadMethod(String method) {
    String m = method.strip();
    return m.equals("GET") || m.equals("HEAD");
  }
}
