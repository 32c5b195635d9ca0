package dev.feedserver.web;

import java.util.Locale;

/**
 * Decides from a request's {@code Accept} header whether a feed URL answers with the feed or with
 * its HTML preview. The preview goes only to clients that name {@code text/html} (or XHTML)
 * explicitly, rank it at least as high as anything else they list, and name no feed type at all:
 * that is what browsers send when a person opens a link. Feed readers name feed types (or send
 * {@code *}{@code /*}, or nothing), and get the feed; so does any header we cannot read.
 */
final class FeedNegotiation {
  /** What a feed URL's answer varies by: it is a feed for readers and a preview for people. */
  static final String VARY = "Accept, " + HttpCaching.VARY;

  private FeedNegotiation() {}

  /** Whether the client prefers the HTML preview to the feed. */
  static boolean wantsPreview(String accept) {
    if (accept == null || !accept.regionMatches(true, 0, "text/html", 0, 9) && !accept.contains("html")) {
      return false; // readers and curl: no HTML type named at all (checked before any parsing)
    }
    double html = 0;
    double best = 0;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      if (type.isEmpty()) {
        continue;
      }
      double q = quality(parts);
      if (q < 0) {
        return false;
      }
      if (isFeedType(type)) {
        return false;
      }
      if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
        html = Math.max(html, q);
      } else if (!type.equals("*/*") && !type.endsWith("/*")) {
        best = Math.max(best, q);
      }
    }
    return html > 0 && html >= best;
  }

  /** Media types that only a feed satisfies. */
  private static boolean isFeedType(String type) {
    return type.endsWith("rss+xml")
        || type.endsWith("atom+xml")
        || type.endsWith("rdf+xml")
        || type.equals("application/feed+json")
        || type.equals("application/json");
  }

  /** The q parameter, 1 when absent, -1 when unreadable. */
  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
        try {
          double q = Double.parseDouble(p.substring(2).strip());
          return q >= 0 && q <= 1 ? q : -1;
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return 1;
  }
}
