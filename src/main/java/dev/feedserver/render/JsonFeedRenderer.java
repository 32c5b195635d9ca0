package dev.feedserver.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.feedserver.content.Article;
import dev.feedserver.content.ArticleBody;
import dev.feedserver.content.BodyStore;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Links;
import dev.feedserver.site.Site;
import java.util.List;

/**
 * Writes a {@link FeedDocument} as JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with Jackson,
 * carrying the same items, ids and content as the RSS and Atom writers.
 */
final class JsonFeedRenderer {
  static final String VERSION = "https://jsonfeed.org/version/1.1";

  /** Jackson's writer, made when the first document is written (not when a site is set up). */
  private static final class Json {
    static final ObjectWriter WRITER = new ObjectMapper().writer();
  }

  private final Site site;
  private final Links links;
  private final BodyStore bodies;
  private final EntryContent content;
  private final ImageUrls images;

  JsonFeedRenderer(Site site, Links links, BodyStore bodies, EntryContent content, ImageUrls images) {
    this.images = images;
    this.site = site;
    this.links = links;
    this.bodies = bodies;
    this.content = content;
  }

  byte[] render(FeedDocument feed, String title, String description, String homePage) {
    String next =
        feed.page() < feed.pageCount() ? feed.pageUrl(links, FeedFormat.JSON, feed.page() + 1) : null;
    JsonFeed json =
        new JsonFeed(
            VERSION,
            title,
            homePage,
            feed.pageUrl(links, FeedFormat.JSON, feed.page()),
            description,
            next,
            site.language(),
            site.hub().map(hub -> List.of(new Hub("WebSub", hub.toString()))).orElse(null),
            List.of(new Author(site.feedAuthor())),
            feed.entries().stream().map(this::item).toList());
    try {
      return Json.WRITER.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON Feed", e);
    }
  }

  private Item item(Article article) {
    ArticleBody body = bodies.body(article);
    return new Item(
        links.entryTag(article.id()),
        links.entry(article.id()),
        article.title(),
        content.html(article, body),
        body.summary(),
        article.image().map(images::image).orElse(null),
        article.published().toString(),
        article.updated().toString(),
        article.author().isEmpty() ? null : List.of(new Author(article.author())),
        tags(article));
  }

  /** JSON Feed has one list of tags: the article's categories, then its tags not already named. */
  private static List<String> tags(Article article) {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(article.categories());
    all.addAll(article.tags());
    return all.isEmpty() ? null : List.copyOf(all);
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({
    "version", "title", "home_page_url", "feed_url", "description", "next_url", "language",
    "hubs", "authors", "items"
  })
  record JsonFeed(
      String version,
      String title,
      @JsonProperty("home_page_url") String homePageUrl,
      @JsonProperty("feed_url") String feedUrl,
      String description,
      @JsonProperty("next_url") String nextUrl,
      String language,
      List<Hub> hubs,
      List<Author> authors,
      List<Item> items) {}

  record Hub(String type, String url) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({
    "id", "url", "title", "content_html", "summary", "image", "date_published", "date_modified",
    "authors", "tags"
  })
  record Item(
      String id,
      String url,
      String title,
      @JsonProperty("content_html") String contentHtml,
      String summary,
      String image,
      @JsonProperty("date_published") String datePublished,
      @JsonProperty("date_modified") String dateModified,
      List<Author> authors,
      List<String> tags) {}

  record Author(String name) {}
}
