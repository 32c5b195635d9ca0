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
      return dispatch(request, response, callback, HANDLERS);
    }
    String path = uri.getPath();
    Optional<Route> found = current.polledRouteAt(path).or(() -> links.route(path));
    if (found.isEmpty()) {
      return dispatch(request, response, callback, HANDLERS);
    }
    Responder.RequestHeaders headers = requestHeaders(request);
    Optional<HttpCaching.Answer> answer;
    try {
      answer = responder.respondFromMemory(current, found.get(), headers);
    } catch (RuntimeException e) {
      return dispatch(request, response, callback, HANDLERS); // the handlers report it
    }
    if (answer.isEmpty()) { // to be rendered (or fetched) first
      return dispatch(request, response, callback, () -> responder.respond(current, found.get(), headers));
    }
    write(answer.get(), request, head, response, callback);
    return true;
  }

  /** What a dispatched request is answered with when the Javalin handlers are to answer it. */
  private static final Supplier<Optional<HttpCaching.Answer>> HANDLERS = Optional::empty;

  private static Responder.RequestHeaders requestHeaders(Request request) {
    HttpFields headers = request.getHeaders();
    return new Responder.RequestHeaders(headers.get(HttpHeader.ACCEPT), headers.get(HttpHeader.ACCEPT_ENCODING),
        headers.get(HttpHeader.IF_NONE_MATCH), headers.get(HttpHeader.IF_MODIFIED_SINCE),
        headers.get(HttpHeader.ORIGIN));
  }

  /**
   * Answers on a thread of Jetty's pool, where blocking is allowed: with {@code answer}'s answer
   * (rendered or fetched now), or, when it gives none or fails, through the Javalin handlers (the
   * 404 page, the error page, queries, other methods).
   */
  private boolean dispatch(Request request, Response response, Callback callback,
      Supplier<Optional<HttpCaching.Answer>> answer) {
    request.getComponents().getThreadPool().execute(() -> {
      try {
        Optional<HttpCaching.Answer> answered;
        try {
          answered = answer.get();
        } catch (RuntimeException e) {
          answered = Optional.empty(); // the handlers report it
        }
        if (answered.isPresent()) {
          write(answered.get(), request, "HEAD".equals(request.getMethod()), response, callback);
        } else if (!super.handle(request, response, callback)) {
          Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        }
      } catch (Throwable e) {
        callback.failed(e);
      }
    });
    return true;
  }

  private static void write(HttpCaching.Answer answer, Request request, boolean head, Response response,
      Callback callback) {
    response.setStatus(answer.status());
    HttpFields.Mutable out = response.getHeaders();
    for (HttpField header : answer.headers()) {
      out.add(header); // each name once: the answer's fields are distinct, and nothing was set before
    }
    if (answer.body() == null) {
      HttpCaching.withoutContentLength(request);
      callback.succeeded(); // a 304: headers only
      return;
    }
    response.write(true, head ? BufferUtil.EMPTY_BUFFER : answer.body().slice(), callback);
  }
}
