package dev.feedserver.web;

import dev.feedserver.site.Route;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;
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
 * Answers the requests readers repeat all day (a GET or HEAD of a polled response at its exact
 * canonical path, without a query) in Jetty's own handler, before the servlet layer and Javalin:
 * the answer is the same {@link HttpCaching#answer} the handlers give, only cheaper to deliver.
 * Anything else (a query, a browser asking a feed for its preview, an origin checked against an
 * allow-list, an unknown path, a site still loading) goes on to the Javalin handlers unchanged.
 */
final class FastPath extends Handler.Wrapper {
  private final Supplier<ServedSite> site;
  private final HttpCaching caching;
  private final Cors cors;

  FastPath(Handler next, Supplier<ServedSite> site, HttpCaching caching, Cors cors) {
    super(next);
    this.site = site;
    this.caching = caching;
    this.cors = cors;
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
    Optional<Route> found = current.polledRouteAt(uri.getPath());
    if (found.isEmpty() || found.get() instanceof Route.Embed) {
      return super.handle(request, response, callback);
    }
    HttpFields headers = request.getHeaders();
    String vary = HttpCaching.VARY;
    if (found.get() instanceof Route.Feed) {
      if (FeedNegotiation.wantsPreview(headers.get(HttpHeader.ACCEPT))) {
        return super.handle(request, response, callback);
      }
      vary = FeedNegotiation.VARY;
    }
    Optional<HttpResource> resource;
    try {
      resource = current.resolve(found.get(), OptionalInt.empty());
    } catch (RuntimeException e) {
      return super.handle(request, response, callback); // the handlers report it
    }
    if (resource.isEmpty() || (resource.get().crossOrigin() && cors.variesByOrigin())) {
      return super.handle(request, response, callback);
    }
    HttpCaching.Answer answer = caching.answer(resource.get(), headers.get(HttpHeader.ACCEPT_ENCODING),
        headers.get(HttpHeader.IF_NONE_MATCH), headers.get(HttpHeader.IF_MODIFIED_SINCE), vary);
    response.setStatus(answer.status());
    HttpFields.Mutable out = response.getHeaders();
    for (String[] header : answer.headers()) {
      out.put(header[0], header[1]);
    }
    if (resource.get().crossOrigin()) {
      for (String[] header : cors.allowHeaders(headers.get(HttpHeader.ORIGIN))) {
        out.put(header[0], header[1]);
      }
    }
    if (answer.body() == null) {
      callback.succeeded(); // a 304: headers only
      return true;
    }
    out.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
    response.write(true, head ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(answer.body()), callback);
    return true;
  }
}
