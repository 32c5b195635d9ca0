package dev.feedserver.web;

import dev.feedserver.site.Links;
import dev.feedserver.site.Route;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
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

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String method = request.getMethod();
    boolean head = "HEAD".equals(method);
    HttpURI uri = request.getHttpURI();
    ServedSite current = site.get();
    if ((!head && !"GET".equals(method)) || uri.getQuery() != null || current == null) {
      return super.handle(request, response, callback);
    }
    String path = uri.getPath();
    Optional<Route> found = current.polledRouteAt(path).or(() -> links.route(path));
    if (found.isEmpty()) {
      return super.handle(request, response, callback);
    }
    HttpFields headers = request.getHeaders();
    Optional<HttpCaching.Answer> answer;
    try {
      answer = responder.respond(current, found.get(), new Responder.RequestHeaders(headers.get(HttpHeader.ACCEPT),
          headers.get(HttpHeader.ACCEPT_ENCODING), headers.get(HttpHeader.IF_NONE_MATCH),
          headers.get(HttpHeader.IF_MODIFIED_SINCE), headers.get(HttpHeader.ORIGIN)));
    } catch (RuntimeException e) {
      return super.handle(request, response, callback); // the handlers report it
    }
    if (answer.isEmpty()) {
      return super.handle(request, response, callback);
    }
    response.setStatus(answer.get().status());
    HttpFields.Mutable out = response.getHeaders();
    for (String[] header : answer.get().headers()) {
      out.put(header[0], header[1]);
    }
    byte[] body = answer.get().body();
    if (body == null) {
      callback.succeeded(); // a 304: headers only
      return true;
    }
    out.put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, head ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(body), callback);
    return true;
  }
}
