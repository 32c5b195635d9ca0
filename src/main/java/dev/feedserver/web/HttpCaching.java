package dev.feedserver.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one place HTTP caching is decided: validators, Cache-Control, content negotiation of the
 * encoding, and 304 answers. Headers that belong to the bytes (Content-Security-Policy, {@code
 * Link}, ...) and {@code X-Content-Type-Options: nosniff} go on every answer, 200, 304 or HEAD.
 *
 * <ul>
 *   <li>{@code If-None-Match} wins over {@code If-Modified-Since} (RFC 9110 §13.2.2); it matches
 *       when it names {@code *} or the ETag of any encoding of the current bytes (weak comparison).
 *   <li>{@code If-Modified-Since} matches when the bytes were published no later than that time.
 *   <li>Every answer, 200 or 304, carries ETag, Last-Modified, Cache-Control, {@code Vary} (at
 *       least {@code Accept-Encoding}; the caller names what else the choice depended on), and the
 *       real Content-Type.
 * </ul>
 */
final class HttpCaching {

  private final String cacheControl;
  private final AcceptEncoding.Cache encodings = new AcceptEncoding.Cache();

  /** @param maxAge seconds a cache may reuse a response before revalidating */
  HttpCaching(int maxAge) {
    this.cacheControl = "public, max-age=" + maxAge;
  }

  /**
   * Answers with the resource: 304 when the client's copy is current, else 200 with the body.
   * {@code vary} names every request header the choice of it depended on (at least {@code
   * Accept-Encoding}).
   */
  void respond(Context ctx, HttpResource resource, String vary) {
    HttpResource.Variant variant = resource.select(encodings.parse(ctx.header("Accept-Encoding")));
    // Straight on the servlet response: this runs for every poll, most of them ending in a 304.
    jakarta.servlet.http.HttpServletResponse res = ctx.res();
    res.setHeader("ETag", variant.etag());
    res.setHeader("Last-Modified", resource.lastModifiedHeader());
    res.setHeader("Cache-Control", cacheControl);
    res.setHeader("Vary", vary);
    res.setHeader("Content-Type", resource.contentType());
    writeHeaders(ctx, resource);
    if (notModified(ctx, resource)) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    if (variant.encoding() != null) {
      ctx.header("Content-Encoding", variant.encoding());
    }
    write(ctx, HttpStatus.OK, variant.body());
  }

  /** Answers with a resource's identity bytes and headers, cached by no one (the 404 page). */
  static void uncached(Context ctx, HttpStatus status, HttpResource resource) {
    writeHeaders(ctx, resource);
    uncached(ctx, status, resource.contentType(), resource.body());
  }

  /** Answers with a body that is not cached by anyone (404 pages, errors). */
  static void uncached(Context ctx, HttpStatus status, String contentType, byte[] body) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(contentType);
    write(ctx, status, body);
  }

  /** The headers every answer carries, and those that belong to the resource's bytes. */
  private static void writeHeaders(Context ctx, HttpResource resource) {
    jakarta.servlet.http.HttpServletResponse res = ctx.res();
    res.setHeader("X-Content-Type-Options", "nosniff");
    for (var header : resource.headers()) {
      res.setHeader(header.name(), header.value());
    }
  }

  private static void write(Context ctx, HttpStatus status, byte[] body) {
    ctx.status(status);
    // An explicit length keeps Jetty from chunking bodies over its buffer size.
    ctx.header("Content-Length", Integer.toString(body.length));
    if (ctx.method() == io.javalin.http.HandlerType.HEAD) {
      return;
    }
    // Straight to the servlet's stream: Javalin's result() would copy the bytes through its own
    // stream wrapper in 8 KiB chunks, on every request.
    try {
      ctx.res().getOutputStream().write(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // the client went away
    }
  }

  private static boolean notModified(Context ctx, HttpResource resource) {
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null) {
      if (resource.hasEtag(ifNoneMatch)) {
        return true; // the usual case: exactly one tag, the one we sent
      }
      for (String tag : ifNoneMatch.split(",")) {
        String t = tag.strip();
        if (t.startsWith("W/")) {
          t = t.substring(2);
        }
        if (t.equals("*") || resource.hasEtag(t)) {
          return true;
        }
      }
      return false;
    }
    String ifModifiedSince = ctx.header("If-Modified-Since");
    if (ifModifiedSince != null) {
      try {
        Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return !resource.lastModified().isAfter(since);
      } catch (DateTimeParseException e) {
        return false; // an unreadable date is ignored (RFC 9110 §13.1.3)
      }
    }
    return false;
  }
}
