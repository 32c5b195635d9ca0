package dev.feedserver.render;

import dev.feedserver.content.Article;
import dev.feedserver.content.SafeHtml;
import dev.feedserver.content.Topic;
import dev.feedserver.site.EmbedOptions;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Links;
import dev.feedserver.site.Site;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The models the JTE templates render; each page gets exactly what it shows. */
public final class Pages {
  private Pages() {}

  /** A {@code <link rel="alternate">} for feed autodiscovery. */
  public record Alternate(String title, String type, String href) {}

  /** What every page shares: the site, the links, the page title, canonical URL and feeds. */
  public record Frame(Site site, Links links, String title, String canonical, List<Alternate> feeds) {
    public Frame {
      feeds = List.copyOf(feeds);
    }

    /** A date as shown to people, in the site's zone. */
    public String date(Instant instant) {
      return DISPLAY.withZone(site.timeZone()).format(instant);
    }

    /** A date as machines read it ({@code <time datetime>}). */
    public String isoDate(Instant instant) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(site.timeZone()).format(instant);
    }
  }

  private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /**
   * How a topic is named in titles and lists: a category by its path ({@code Java › 基础}), a tag
   * as {@code #name}, an author as {@code @name}, so that a tag, an author and a category of the
   * same name stay apart in a reader's list of subscriptions.
   */
  public static String label(Topic topic) {
    return switch (topic.taxonomy()) {
      case CATEGORY -> topic.title();
      case TAG -> "#" + topic.name();
      case AUTHOR -> "@" + topic.name();
    };
  }

  public record IndexPage(Frame frame, List<View.TopicGroup> groups, List<Article> latest) {}

  /**
   * @param older absolute URL of the next page of older entries, or null on the last page
   * @param embed the snippets that embed the topic's widget in another site
   */
  public record TopicPage(Frame frame, View.TopicPageView view, String older, EmbedSnippets embed) {
    public Topic topic() {
      return view.subject();
    }

    public String label() {
      return Pages.label(view.subject());
    }
  }

  /**
   * A topic's widget as an iframe embed page, rendered with one {@link EmbedOptions}.
   *
   * @param style the page's one inline {@code <style>} (our constant CSS, allowed by its CSP hash)
   */
  public record EmbedPage(Frame frame, Topic topic, List<Article> entries, EmbedOptions options, SafeHtml style,
      ImageUrls images) {
    public EmbedPage {
      entries = List.copyOf(entries);
      java.util.Objects.requireNonNull(images);
    }

    /** The URL the page loads an entry's image from (through the image proxy when it is on). */
    public String image(Article article) {
      return images.image(article.image().orElseThrow());
    }

    public String label() {
      return Pages.label(topic);
    }
  }

  /** An entry as a feed's preview lists it: the article and its plain-text summary. */
  public record PreviewEntry(Article article, String summary) {}

  /**
   * A feed as people see it when they open its URL in a browser.
   *
   * @param heading the feed's title
   * @param subscribeUrl the URL to paste into a reader (this page's own URL)
   * @param homePage the page of the topic or site the feed belongs to
   */
  public record PreviewPage(Frame frame, String heading, FeedFormat format, String subscribeUrl, String homePage,
      List<PreviewEntry> entries, int page, int pageCount) {
    public PreviewPage {
      entries = List.copyOf(entries);
    }
  }

  /** @param body the article's body as the page shows it: image URLs written for this site ({@link PageBody}) */
  public record EntryPage(Frame frame, View.EntryView view, SafeHtml body) {
    public Article article() {
      return view.article();
    }
  }

  public record NotFoundPage(Frame frame, String message) {}

  /** Autodiscovery links for the site feeds and, when given, some topics' feeds. */
  static List<Alternate> feeds(Site site, Links links, List<Topic> topics) {
    List<Alternate> feeds = new ArrayList<>();
    for (FeedFormat format : FeedFormat.values()) {
      feeds.add(new Alternate(site.title() + " (" + format.label() + ")", format.mediaType(), links.siteFeed(format)));
    }
    for (Topic topic : topics) {
      for (FeedFormat format : FeedFormat.values()) {
        feeds.add(
            new Alternate(
                label(topic) + " · " + site.title() + " (" + format.label() + ")",
                format.mediaType(),
                links.topicFeed(topic, format)));
      }
    }
    return feeds;
  }
}
