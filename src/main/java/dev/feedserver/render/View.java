package dev.feedserver.render;

import dev.feedserver.content.Article;
import dev.feedserver.content.ArticleIndex;
import dev.feedserver.content.Taxonomy;
import dev.feedserver.content.Topic;
import dev.feedserver.content.SiteFiles;
import dev.feedserver.site.AssetFile;
import dev.feedserver.site.FileType;
import dev.feedserver.site.EmbedOptions;
import dev.feedserver.site.FeedFormat;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one response shows, selected from the index for a route ({@link SiteRenderer#select}), and
 * nothing else: a template or writer renders only from its view, and the configuration is fixed for
 * the life of the process, so equal views render equal bytes. That makes a view the key responses
 * are kept under, and what decides whether a reload renders a response again. Articles carry a
 * fingerprint of their file's bytes, so an edited article makes a different view.
 */
public sealed interface View {
  /** Renders this view (the one dispatch: each kind names its own renderer). */
  Representation render(SiteRenderer renderer);

  /** A feed's or topic's size and newest date, as lists of topics show them. */
  record FeedSummary(Optional<Topic> scope, int count, Optional<Instant> newest) {
    public FeedSummary {
      Objects.requireNonNull(scope);
      Objects.requireNonNull(newest);
    }
  }

  /** The topics of one taxonomy, in the order a page lists them. */
  record TopicGroup(Taxonomy taxonomy, List<FeedSummary> topics) {
    public TopicGroup {
      topics = List.copyOf(topics);
    }
  }

  /** The index page: every taxonomy's topics and the latest entries. */
  record IndexView(List<TopicGroup> groups, List<Article> latest) implements View {
    public IndexView {
      groups = List.copyOf(groups);
      latest = List.copyOf(latest);
    }

    @Override
    public Representation render(SiteRenderer renderer) {
      return renderer.index(this);
    }
  }

  /** One page of a feed in one format. */
  record FeedView(FeedDocument feed, FeedFormat format) implements View {
    @Override
    public Representation render(SiteRenderer renderer) {
      return renderer.feed(this);
    }
  }

  /** The same page of a feed as a browser sees it. */
  record PreviewView(FeedDocument feed, FeedFormat format) implements View {
    @Override
    public Representation render(SiteRenderer renderer) {
      return renderer.preview(this);
    }
  }

  /**
   * One page of a topic's listing, with the categories around it.
   *
   * @param parent the category it sits in (categories of a tree)
   * @param children the categories right below it
   */
  record TopicPageView(FeedSummary topic, List<Article> shown, int page, int pageCount, Optional<Topic> parent,
      List<FeedSummary> children) implements View {
    public TopicPageView {
      shown = List.copyOf(shown);
      children = List.copyOf(children);
    }

    public Topic subject() {
      return topic.scope().orElseThrow();
    }

    @Override
    public Representation render(SiteRenderer renderer) {
      return renderer.topicPage(this);
    }
  }

  /**
   * An entry's permalink page, with the topics it links to: they follow from the article (and from
   * how categories are read, fixed for the process), so selecting it is a lookup.
   */
  record EntryView(Article article, boolean categoryTree) implements View {
    public List<Topic> categories() {
      return ArticleIndex.categoriesOf(article, categoryTree);
    }

    public List<Topic> tags() {
      return ArticleIndex.tagsOf(article);
    }

    public Optional<Topic> author() {
      return ArticleIndex.authorOf(article);
    }

    /** Every topic the entry belongs to, in the order the page shows them. */
    public List<Topic> topics() {
      List<Topic> all = new java.util.ArrayList<>(categories());
      all.addAll(tags());
      author().ifPresent(all::add);
      return all;
    }

    @Override
    public Representation render(SiteRenderer renderer) {
      return renderer.entry(this);
    }
  }

  /** A topic's widget page with its latest entries. */
  record EmbedView(Topic topic, List<Article> entries, EmbedOptions options) implements View {
    public EmbedView {
      entries = List.copyOf(entries);
    }

    @Override
    public Representation render(SiteRenderer renderer) {
      return renderer.embed(this);
    }
  }

  /** The OPML list: every topic, taxonomy by taxonomy, in name order. */
  record OpmlView(List<Topic> topics) implements View {
    public OpmlView {
      topics = List.copyOf(topics);
    }

    @Override
    public Representation render(SiteRenderer renderer) {
      return renderer.opml(this);
    }
  }

  /** The JSON index of every feed: the site's and every topic's. */
  record FeedIndexView(FeedSummary site, List<TopicGroup> groups) implements View {
    public FeedIndexView {
      groups = List.copyOf(groups);
    }

    @Override
    public Representation render(SiteRenderer renderer) {
      return renderer.feedIndex(this);
    }
  }

  /**
   * A file served as it is (a Hexo site's image, a post's asset), at one version: a changed file
   * (size or modification time) is a different view.
   */
  record FileView(SiteFiles.Found file, FileType type) implements View {
    @Override
    public Representation render(SiteRenderer renderer) {
      return renderer.file(this);
    }
  }

  /** A constant file. */
  record AssetView(AssetFile file) implements View {
    @Override
    public Representation render(SiteRenderer renderer) {
      return renderer.asset(this);
    }
  }
}
