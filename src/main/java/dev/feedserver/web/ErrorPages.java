package dev.feedserver.web;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to requests Jetty refuses before any route sees them (bad percent-encoding, a request
 * line over 8 KiB, headers too large, an unknown HTTP version): a small UTF-8 HTML page that names
 * the status in plain words. It never shows a stack trace, Jetty's message or anything the request
 * carried, so nothing a client sends is ever reflected.
 */
final class ErrorPages extends ErrorHandler {
  private static final String HTML = "text/html;charset=utf-8";
  /** The policy of every error page: it loads nothing and may not be framed. */
  static final String CSP = "default-src 'none'; frame-ancestors 'none'";

  @Override
  protected boolean generateAcceptableResponse(
      Request request, Response response, Callback callback, String contentType,
      List<Charset> charsets, int code, String message, Throwable cause) {
    byte[] body = page(code);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, HTML);
    headers.put(HttpHeader.CACHE_CONTROL, "no-cache");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Content-Security-Policy", CSP);
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, HTML));
    fields.put(HttpHeader.CACHE_CONTROL, "no-cache");
    fields.put("X-Content-Type-Options", "nosniff");
    fields.put("Content-Security-Policy", CSP);
    return ByteBuffer.wrap(page(status));
  }

  /** The page for a status; its words are ours, never the request's. */
  static byte[] page(int code) {
    String title = code + " " + reason(code);
    String explanation =
        switch (code) {
          case 400 -> "The request is malformed (for example a bad percent-encoding in the address).";
          case 405 -> "Only GET, HEAD and OPTIONS are answered here.";
          case 414 -> "The address is too long.";
          case 431 -> "The request headers are too large.";
          case 505 -> "Only HTTP/1.0 and HTTP/1.1 are answered here.";
          default -> code >= 500 ? "Something went wrong on our side; it has been logged." : "The request cannot be answered.";
        };
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
            + "</title></head><body><h1>" + title + "</h1><p>" + explanation + "</p></body></html>\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String reason(int code) {
    String reason = HttpStatus.getMessage(code);
    return reason == null ? "Error" : reason;
  }
}
