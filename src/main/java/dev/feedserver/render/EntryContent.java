package dev.feedserver.render;

import dev.feedserver.content.Article;
import dev.feedserver.content.ArticleBody;
import dev.feedserver.site.Links;

/**
 * What a feed item carries as its content, the same in every format: the whole article, or (with
 * {@code feedContent: excerpt}) its excerpt and a link to read the rest. An article without an
 * excerpt is carried whole either way.
 */
final class EntryContent {
  private final Links links;
  private final boolean excerpts;
  private final ImageUrls images;

  EntryContent(Links links, boolean excerpts, ImageUrls images) {
    this.links = links;
    this.excerpts = excerpts;
    this.images = images;
  }

  /** The item's HTML, its image URLs written as {@code images} says. */
  String html(Article article, ArticleBody body) {
    if (!excerpts || body.excerpt().isEmpty()) {
      return images.html(body.html().html());
    }
    return images.html(body.excerpt().get().html()) + "\n<p><a href=\"" + attribute(links.entry(article.id())) + "\">Read more</a></p>";
  }

  private static String attribute(String url) {
    return url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }
}
