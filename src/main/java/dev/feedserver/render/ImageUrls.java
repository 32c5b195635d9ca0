package dev.feedserver.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * How the image URLs a response shows are written: the one seam between what an article names and
 * what a reader's client fetches. The renderers pass every image URL they write through it (a
 * body's {@code img src} and {@code srcset}, an entry's image as {@code media:thumbnail}, JSON Feed
 * {@code image}, and so the embed script's images, and the embed page's). {@link #ORIGINAL} writes
 * them as they are; the image proxy's implementation ({@code imageproxy.SignedImageUrls}) points
 * other hosts' images at the server's signed {@code /img/} route.
 *
 * <p>The rewrite happens when a response is rendered, never in the sanitized bodies kept in the
 * body cache: the same bodies serve a proxied site and, through a renderer given {@link
 * #ORIGINAL}, the static export, which has no proxy behind it.
 */
public interface ImageUrls {
  /** Every URL as the article gives it: the proxy is off, or the site is being exported. */
  ImageUrls ORIGINAL = new ImageUrls() {
    @Override
    public String image(String url) {
      return url;
    }

    @Override
    public String html(String html) {
      return html;
    }
  };

  /** The URL a client should fetch for the absolute http(s) image URL {@code url}. */
  String image(String url);

  /**
   * Sanitized HTML with every {@code img}'s {@code src} and {@code srcset} URLs passed through
   * {@link #image}; serialized as the sanitizer serializes, so nothing else changes.
   */
  default String html(String html) {
    if (!html.contains("<img")) {
      return html; // most bodies' common case, without a parse
    }
    Document doc = Jsoup.parseBodyFragment(html);
    for (Element img : doc.body().select("img")) {
      if (img.hasAttr("src")) {
        img.attr("src", image(img.attr("src")));
      }
      if (img.hasAttr("srcset")) {
        img.attr("srcset", srcset(img.attr("srcset")));
      }
    }
    doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset(StandardCharsets.UTF_8);
    return doc.body().html();
  }

  /**
   * A sanitized {@code srcset}: candidates joined by {@code ", "}, each a URL without whitespace and
   * an optional descriptor after one space (what {@code HtmlSanitizer} writes).
   */
  private String srcset(String srcset) {
    List<String> out = new ArrayList<>();
    for (String candidate : srcset.split(", ")) {
      int space = candidate.indexOf(' ');
      out.add(space < 0 ? image(candidate) : image(candidate.substring(0, space)) + candidate.substring(space));
    }
    return String.join(", ", out);
  }
}
