package dev.feedserver.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import dev.feedserver.FixtureSite;
import dev.feedserver.Publisher;
import dev.feedserver.content.Article;
import dev.feedserver.content.ArticleBody;
import dev.feedserver.content.BodyStore;
import dev.feedserver.content.ArticleIndex;
import dev.feedserver.content.Taxonomy;
import dev.feedserver.content.Topic;
import dev.feedserver.content.TopicEntries;
import dev.feedserver.site.Route;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Links;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.InputSource;

/** Every feed of the fixture site, read back by ROME's parser, says what the index holds. */
class FeedRoundTripTest {
  @TempDir static Path dir;
  static Publisher publisher;
  static BodyStore bodies;
  static Publisher.Publication publication;

  @BeforeAll
  static void publish() throws Exception {
    publisher = new Publisher(FixtureSite.config(FixtureSite.copyTo(dir)));
    publication = publisher.publish();
    bodies = FixtureSite.bodies(FixtureSite.config(dir));
  }

  static Stream<Arguments> feeds() throws Exception {
    if (publication == null) {
      publish();
    }
    List<Arguments> feeds = new ArrayList<>();
    ArticleIndex index = publication.index();
    for (FeedFormat format : List.of(FeedFormat.RSS, FeedFormat.ATOM)) {
      feeds.add(Arguments.of(format, Optional.empty(), index.newestFirst()));
      for (Taxonomy taxonomy : Taxonomy.values()) {
        for (TopicEntries topic : index.topics(taxonomy)) {
          feeds.add(Arguments.of(format, Optional.of(topic.topic()), topic.articles()));
        }
      }
    }
    return feeds.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("feeds")
  void parsedFeedMatchesTheIndex(FeedFormat format, Optional<Topic> category, List<Article> expected)
      throws Exception {
    Links links = publisher.links();
    String path = links.path(new Route.Feed(category, format));
    byte[] bytes = publication.get(path).orElseThrow().body();
    SyndFeed feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(bytes)));

    assertThat(feed.getFeedType()).isEqualTo(format == FeedFormat.RSS ? "rss_2.0" : "atom_1.0");
    String alternate = category.map(links::topic).orElse(links.index());
    String self = links.absolute(path);
    if (format == FeedFormat.RSS) {
      assertThat(feed.getLink()).isEqualTo(alternate);
    } else {
      assertThat(feed.getLinks()).extracting(SyndLink::getRel, SyndLink::getHref)
          .containsExactlyInAnyOrder(tuple("alternate", alternate), tuple("self", self));
    }
    if (format == FeedFormat.RSS) {
      assertThat(feed.getLanguage()).isEqualTo("zh-CN");
    } else { // ROME does not map Atom's xml:lang; read it with the JDK's own XML parser
      var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      var root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement();
      assertThat(root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("zh-CN");
    }
    assertThat(feed.getEntries()).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      Article article = expected.get(i);
      SyndEntry entry = feed.getEntries().get(i);
      assertThat(entry.getTitle()).isEqualTo(article.title());
      assertThat(entry.getLink()).isEqualTo(links.entry(article.id()));
      assertThat(entry.getUri()).isEqualTo(links.entryTag(article.id()));
      assertThat(entry.getPublishedDate()).isEqualTo(Date.from(article.published()));
      if (format == FeedFormat.ATOM) {
        assertThat(entry.getUpdatedDate()).isEqualTo(Date.from(article.updated()));
      }
      if (article.author().isEmpty()) {
        assertThat(entry.getAuthor()).isNullOrEmpty();
      } else {
        assertThat(entry.getAuthor()).isEqualTo(article.author());
      }
      List<String> terms = new ArrayList<>(article.categories());
      terms.addAll(article.tags());
      assertThat(entry.getCategories()).extracting(SyndCategory::getName).containsExactlyElementsOf(terms);
      // a tag is told from a category by its scheme (Atom) or domain (RSS)
      assertThat(entry.getCategories()).filteredOn(c -> links.scheme(Taxonomy.TAG).equals(c.getTaxonomyUri()))
          .extracting(SyndCategory::getName).containsExactlyElementsOf(article.tags());
      assertThat(entry.getContents()).hasSize(1);
      ArticleBody body = bodies.body(article);
      assertThat(entry.getContents().get(0).getValue()).isEqualTo(body.html().html());
      assertThat(entry.getDescription().getValue()).isEqualTo(body.summary());
    }
    Date newest = expected.stream().map(a -> Date.from(a.published())).max(Date::compareTo).orElseThrow();
    if (format == FeedFormat.RSS) {
      assertThat(feed.getPublishedDate()).isEqualTo(newest);
    }
  }
}
