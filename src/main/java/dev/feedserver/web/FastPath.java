package dev.feedserver.web;

import dev.feedserver.site.Links;
import dev.feedserver.site.Route;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests readers repeat all day (a GET or HEAD of a route, without a query: a polled
 * response at its exact canonical path by a map lookup, anything else the path names, such as an
 * entry page, by reading the path) in Jetty's own handler, before the servlet layer and Javalin:
 * the answer comes from the same {@link Responder} the handlers call, only cheaper to deliver.
 * Anything else (a query, a path that names nothing here, a site still loading, an answer that
 * fails) goes on to the Javalin handlers unchanged, which answer it (404 page, 400, error page).
 *
 * <p>This handler is non-blocking ({@link InvocationType#NON_BLOCKING}), so Jetty calls it on the
 * thread that read the request, without handing the connection to another thread: a response that
 * is in memory already ({@link Responder#respondFromMemory}) is written from there, its body
 * straight from its read-only direct buffer. Whatever may block (rendering a response for the first
 * time, fetching an image, the servlet layer) is handed to Jetty's thread pool and answered there,
 * the same way as before.
 */
final class FastPath extends Handler.Wrapper {
  private final Supplier<ServedSite> site;
  private final Links links;
  private final Responder responder;

  FastPath(Handler next, Supplier<ServedSite> site, Links links, Responder responder) {
    super(next);
    this.site = site;
    this.links = links;
    this.responder = responder;
  }

  /** Non-blocking whatever it wraps: what may block is handed to the thread pool ({@link #dispatch}). */
  @Override
  public InvocationType getInvocationType() {
    return InvocationType.NON_BLOCKING;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String method = request.getMethod();
    boolean head = "HEAD".equals(method);
    HttpURI uri = request.getHttpURI();
    ServedSite current = site.get();
    if ((!head && !"GET".equals(method)) || uri.getQuery() != null || current == null) {
      return dispatch(request, response, callback, false);
    }
    Optional<Route> found = route(current, uri.getPath());
    if (found.isEmpty()) {
      return dispatch(request, response, callback, false);
    }
    Optional<HttpCaching.Answer> answer;
    try {
      answer = responder.respondFromMemory(current, found.get(), requestHeaders(request));
    } catch (RuntimeException e) {
      return dispatch(request, response, callback, false); // the handlers report it
    }
    if (answer.isEmpty()) {
      return dispatch(request, response, callback, true); // to be rendered (or fetched) first
    }
    write(answer.get(), head, response, callback);
    return true;
  }

  private Optional<Route> route(ServedSite current, String path) {
    return current.polledRouteAt(path).or(() -> links.route(path));
  }

  private static Responder.RequestHeaders requestHeaders(Request request) {
    HttpFields headers = request.getHeaders();
    return new Responder.RequestHeaders(headers.get(HttpHeader.ACCEPT), headers.get(HttpHeader.ACCEPT_ENCODING),
        headers.get(HttpHeader.IF_NONE_MATCH), headers.get(HttpHeader.IF_MODIFIED_SINCE),
        headers.get(HttpHeader.ORIGIN));
  }

  /**
   * Answers on a thread of Jetty's pool, where blocking is allowed: the route's answer, rendered now
   * if it must be ({@code respond}), else the Javalin handlers.
   */
  private boolean dispatch(Request request, Response response, Callback callback, boolean respond) {
    request.getComponents().getThreadPool().execute(() -> {
      try {
        if (!(respond && respondBlocking(request, response, callback))
            && !super.handle(request, response, callback)) {
          Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        }
      } catch (Throwable e) {
        callback.failed(e);
      }
    });
    return true;
  }

  /** The route's answer, prepared now if need be; false when the Javalin handlers must answer. */
  private boolean respondBlocking(Request request, Response response, Callback callback) {
    ServedSite current = site.get();
    Optional<Route> found = current == null ? Optional.empty() : route(current, request.getHttpURI().getPath());
    if (found.isEmpty()) {
      return false;
    }
    Optional<HttpCaching.Answer> answer;
    try {
      answer = responder.respond(current, found.get(), requestHeaders(request));
    } catch (RuntimeException e) {
      return false; // the handlers report it
    }
    if (answer.isEmpty()) {
      return false;
    }
    write(answer.get(), "HEAD".equals(request.getMethod()), response, callback);
    return true;
  }

  private static void write(HttpCaching.Answer answer, boolean head, Response response, Callback callback) {
    response.setStatus(answer.status());
    HttpFields.Mutable out = response.getHeaders();
    for (HttpField header : answer.headers()) {
      out.add(header); // each name once: the answer's fields are distinct, and nothing was set before
    }
    if (answer.body() == null) {
      callback.succeeded(); // a 304: headers only
      return;
    }
    response.write(true, head ? BufferUtil.EMPTY_BUFFER : answer.body().slice(), callback);
  }
}
