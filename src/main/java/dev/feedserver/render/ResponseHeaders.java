package dev.feedserver.render;

import dev.feedserver.render.Representation.Header;
import dev.feedserver.site.Links;
import dev.feedserver.site.Origins;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The headers that belong to each kind of HTML representation: a Content-Security-Policy that
 * allows no script at all on pages (the embed page has none either; {@code embed.js} runs in the
 * host page, not here), styles only from our stylesheet or, on the embed page, the one inline style
 * by its hash; framing denied everywhere but on the embed page; {@code Referrer-Policy:
 * no-referrer} so that images behind hot-link protection load; and {@code Link: rel="alternate"}
 * for the feeds a page announces.
 */
final class ResponseHeaders {
  private static final String REFERRER = "no-referrer";
  private static final String COMMON =
      "default-src 'none'; img-src http: https:; base-uri 'none'; form-action 'none'; ";

  private final String pageCsp;
  private final Origins frameAncestors;

  ResponseHeaders(Links links, Origins frameAncestors) {
    this.pageCsp = COMMON + "style-src 'self' " + links.origin() + "; frame-ancestors 'none'";
    this.frameAncestors = frameAncestors;
  }

  /** A page (index, topic, entry, feed preview, 404): no framing, alternates as Link headers. */
  List<Header> page(List<Pages.Alternate> alternates) {
    List<Header> headers = new ArrayList<>();
    headers.add(new Header("Content-Security-Policy", pageCsp));
    headers.add(new Header("X-Frame-Options", "DENY"));
    headers.add(new Header("Referrer-Policy", REFERRER));
    if (!alternates.isEmpty()) {
      headers.add(new Header("Link", link(alternates)));
    }
    return headers;
  }

  /** The embed page: framed by the allowed origins, its one inline style allowed by hash. */
  List<Header> embed(String styleHash) {
    return List.of(
        new Header(
            "Content-Security-Policy",
            COMMON + "style-src '" + styleHash + "'; frame-ancestors " + frameAncestors.frameAncestors()),
        new Header("Referrer-Policy", REFERRER));
  }

  /** RFC 8288 links; non-ASCII titles use RFC 8187's {@code title*}. */
  static String link(List<Pages.Alternate> alternates) {
    StringBuilder out = new StringBuilder();
    for (Pages.Alternate a : alternates) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append('<').append(a.href()).append(">; rel=\"alternate\"; type=\"").append(a.type()).append('"');
      if (a.title().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        out.append("; title=\"").append(a.title().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      } else {
        out.append("; title*=UTF-8''").append(extValue(a.title()));
      }
    }
    return out.toString();
  }

  /** RFC 8187 value-chars: attr-char kept, every other byte percent-encoded. */
  private static String extValue(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
