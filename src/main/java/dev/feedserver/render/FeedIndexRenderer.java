package dev.feedserver.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.feedserver.content.Taxonomy;
import dev.feedserver.content.Topic;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Links;
import dev.feedserver.site.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON index of every feed ({@code /feeds.json}): the site's feeds, then each category's,
 * tag's and author's (named by a {@code category}, {@code tag} or {@code author} field; a category
 * of a tree by its path, {@code Java › 基础}), with their URL in every format, their page, entry
 * count, newest entry date and, for topics, the embed page. Written with Jackson from records; field names follow JSON Feed's snake_case.
 */
final class FeedIndexRenderer {
  static final String MEDIA_TYPE = "application/json";

  /** Jackson's writer, made when the first document is written (not when a site is set up). */
  private static final class Json {
    static final ObjectWriter WRITER = new ObjectMapper().writerWithDefaultPrettyPrinter();
  }

  private final Site site;
  private final Links links;

  FeedIndexRenderer(Site site, Links links) {
    this.site = site;
    this.links = links;
  }

  byte[] render(View.FeedIndexView view) {
    List<Feed> feeds = new ArrayList<>();
    feeds.add(feed(view.site(), site.title(), links.index(), null));
    for (View.TopicGroup group : view.groups()) {
      for (View.FeedSummary summary : group.topics()) {
        Topic topic = summary.scope().orElseThrow();
        feeds.add(feed(summary, Pages.label(topic) + " · " + site.title(), links.topic(topic), links.embed(topic)));
      }
    }
    Index json = new Index(site.title(), links.index(), links.opml(), links.embedScript(), feeds);
    try {
      return Json.WRITER.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the feed index", e);
    }
  }

  private Feed feed(View.FeedSummary summary, String title, String home, String embed) {
    List<Format> formats = new ArrayList<>();
    for (FeedFormat format : FeedFormat.values()) {
      formats.add(new Format(format.label(), format.mediaType(), links.feed(summary.scope(), format)));
    }
    Optional<Topic> scope = summary.scope();
    return new Feed(title, scope.filter(t -> t.taxonomy() == Taxonomy.CATEGORY).map(Topic::title).orElse(null),
        scope.filter(t -> t.taxonomy() == Taxonomy.TAG).map(Topic::name).orElse(null),
        scope.filter(t -> t.taxonomy() == Taxonomy.AUTHOR).map(Topic::name).orElse(null),
        home, summary.count(), summary.newest().map(Object::toString).orElse(null), formats, embed);
  }

  @JsonPropertyOrder({"title", "home_page_url", "opml_url", "embed_script_url", "feeds"})
  record Index(
      String title,
      @JsonProperty("home_page_url") String homePageUrl,
      @JsonProperty("opml_url") String opmlUrl,
      @JsonProperty("embed_script_url") String embedScriptUrl,
      List<Feed> feeds) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"title", "category", "tag", "author", "home_page_url", "entry_count", "latest_date", "formats",
    "embed_url"})
  record Feed(
      String title,
      String category,
      String tag,
      String author,
      @JsonProperty("home_page_url") String homePageUrl,
      @JsonProperty("entry_count") int entryCount,
      @JsonProperty("latest_date") String latestDate,
      List<Format> formats,
      @JsonProperty("embed_url") String embedUrl) {}

  @JsonPropertyOrder({"format", "type", "url"})
  record Format(String format, String type, String url) {}
}
