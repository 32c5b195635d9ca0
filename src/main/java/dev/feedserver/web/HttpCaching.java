package dev.feedserver.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 *   <li>A 304 has no Content-Length (see {@link #withoutContentLength}).
 * </ul>
 */
final class HttpCaching {
  /** What every answer varies by: the encoding. */
  static final String VARY = "Accept-Encoding";

  private final HttpField cacheControl;
  private final AcceptEncoding.Cache encodings = new AcceptEncoding.Cache();
  /** Vary fields by value: a handful of constants (see {@link Responder}), each encoded once. */
  private final java.util.concurrent.ConcurrentHashMap<String, HttpField> varyFields =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** @param maxAge seconds a cache may reuse a response before revalidating */
  HttpCaching(int maxAge) {
    this.cacheControl = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "public, max-age=" + maxAge);
  }

  /**
   * What to answer for a resource: 304 with no body when the client's copy is current, else 200
   * with the negotiated encoding's bytes, and the headers either way. Independent of the HTTP
   * library's request and response types, so that the Javalin handlers and the Jetty fast path
   * ({@link FastPath}) answer alike; the header fields are Jetty's, mostly encoded once per
   * resource ({@link HttpResource.Fields}).
   *
   * @param vary every request header the choice of the resource depended on (at least {@code
   *     Accept-Encoding}); one of a few constants
   * @param cors the CORS headers of this request, on 200 and 304 alike
   */
  Answer answer(HttpResource resource, String acceptEncoding, String ifNoneMatch, String ifModifiedSince,
      String vary, List<HttpField> cors) {
    HttpResource.Variant variant = resource.select(encodings.parse(acceptEncoding));
    HttpResource.Fields fields = variant.fields();
    List<HttpField> headers = new ArrayList<>(
        fields.validators().size() + fields.representation().size() + fields.content().size() + cors.size() + 2);
    headers.addAll(fields.validators()); // ETag, Last-Modified (and the resource's own Cache-Control)
    if (resource.cacheControl().isEmpty()) {
      headers.add(cacheControl);
    }
    headers.add(varyFields.computeIfAbsent(vary, v -> new PreEncodedHttpField(HttpHeader.VARY, v)));
    headers.addAll(fields.representation()); // Content-Type, nosniff, the headers of the bytes
    headers.addAll(cors);
    if (notModified(ifNoneMatch, ifModifiedSince, resource)) {
      return new Answer(304, headers, null);
    }
    headers.addAll(fields.content()); // Content-Encoding, Content-Length
    return new Answer(200, headers, variant.body());
  }

  /**
   * An answer: status, header name/value pairs in order, and the body (null for a 304), read-only
   * and possibly shared: write a {@link java.nio.ByteBuffer#slice()} of it.
   */
  record Answer(int status, List<HttpField> headers, java.nio.ByteBuffer body) {
    /** The body's bytes (a copy), for what cannot write a buffer. */
    byte[] bodyBytes() {
      return HttpResource.copyOf(body);
    }
  }

  /**
   * Keeps Jetty from sending {@code Content-Length: 0} with a 304: it gives every response that
   * ends without a length the length of what was written, and RFC 9110 §8.6 allows a 304 only the
   * length its 200 would have had, which some clients (wrk's parser, older Node.js) then wait for.
   * Like nginx, a 304 says no length at all.
   */
  static void withoutContentLength(org.eclipse.jetty.server.Request request) {
    request.addHttpStreamWrapper(stream -> new org.eclipse.jetty.server.HttpStream.Wrapper(stream) {
      @Override
      public void prepareResponse(org.eclipse.jetty.http.HttpFields.Mutable headers) {
        super.prepareResponse(headers);
        headers.remove(org.eclipse.jetty.http.HttpHeader.CONTENT_LENGTH);
      }
    });
  }

  /** Writes an answer through Javalin (see {@link #answer}). */
  static void write(Context ctx, Answer answer) {
    // Straight on the servlet response: this runs for every poll, most of them ending in a 304.
    jakarta.servlet.http.HttpServletResponse res = ctx.res();
    for (HttpField header : answer.headers()) {
      res.setHeader(header.getName(), header.getValue());
    }
    if (answer.body() == null) {
      org.eclipse.jetty.server.Request core =
          org.eclipse.jetty.ee10.servlet.ServletContextRequest.getServletContextRequest(ctx.req());
      if (core != null) {
        withoutContentLength(core);
      }
      ctx.status(answer.status());
      return;
    }
    write(ctx, HttpStatus.forStatus(answer.status()), answer.bodyBytes());
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

  private static boolean notModified(String ifNoneMatch, String ifModifiedSince, HttpResource resource) {
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
