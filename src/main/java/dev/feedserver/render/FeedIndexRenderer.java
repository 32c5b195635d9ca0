package dev.feedserver.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.feedserver.content.Article;
import dev.feedserver.content.ArticleIndex;
import dev.feedserver.content.Category;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Links;
import dev.feedserver.site.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON index of every feed ({@code /feeds.json}): the site's feeds and each category's, with
 * their URL in every format, their page, entry count, newest entry date and, for categories, the
 * embed page. Written with Jackson from records; field names follow JSON Feed's snake_case.
 */
final class FeedIndexRenderer {
  static final String MEDIA_TYPE = "application/json";

  private static final ObjectWriter WRITER = new ObjectMapper().writerWithDefaultPrettyPrinter();

  private final Site site;
  private final Links links;

  FeedIndexRenderer(Site site, Links links) {
    this.site = site;
    this.links = links;
  }

  byte[] render(ArticleIndex index) {
    List<Feed> feeds = new ArrayList<>();
    feeds.add(feed(Optional.empty(), site.title(), links.index(), index.newestFirst(), null));
    for (Category category : index.categories()) {
      feeds.add(
          feed(Optional.of(category.name()), category.name() + " · " + site.title(), links.category(category.name()),
              category.articles(), links.embed(category.name())));
    }
    Index json = new Index(site.title(), links.index(), links.opml(), links.embedScript(), feeds);
    try {
      return WRITER.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the feed index", e);
    }
  }

  private Feed feed(Optional<String> category, String title, String home, List<Article> entries, String embed) {
    List<Format> formats = new ArrayList<>();
    for (FeedFormat format : FeedFormat.values()) {
      formats.add(new Format(format.label(), format.mediaType(), links.feedPage(category, format, 1,
          java.util.OptionalInt.empty())));
    }
    String latest = entries.isEmpty() ? null : entries.get(0).published().toString();
    return new Feed(title, category.orElse(null), home, entries.size(), latest, formats, embed);
  }

  @JsonPropertyOrder({"title", "home_page_url", "opml_url", "embed_script_url", "feeds"})
  record Index(
      String title,
      @JsonProperty("home_page_url") String homePageUrl,
      @JsonProperty("opml_url") String opmlUrl,
      @JsonProperty("embed_script_url") String embedScriptUrl,
      List<Feed> feeds) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"title", "category", "home_page_url", "entry_count", "latest_date", "formats", "embed_url"})
  record Feed(
      String title,
      String category,
      @JsonProperty("home_page_url") String homePageUrl,
      @JsonProperty("entry_count") int entryCount,
      @JsonProperty("latest_date") String latestDate,
      List<Format> formats,
      @JsonProperty("embed_url") String embedUrl) {}

  @JsonPropertyOrder({"format", "type", "url"})
  record Format(String format, String type, String url) {}
}
