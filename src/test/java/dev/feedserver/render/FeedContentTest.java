package dev.feedserver.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.feedserver.FixtureSite;
import dev.feedserver.Publisher;
import dev.feedserver.config.Config;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * What feed items carry, as a reader parses it: the whole article by default; with {@code
 * feedContent: excerpt}, what comes before {@code <!-- more -->} and a link to the rest (an article
 * without the marker whole); and the summary from {@code description}, the excerpt or the text.
 */
class FeedContentTest {
  @TempDir Path dir;

  private Map<String, SyndEntry> rss(Config config) throws Exception {
    byte[] bytes = new Publisher(config).publish().get("/rss.xml").orElseThrow().body();
    SyndFeed feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(bytes)));
    Map<String, SyndEntry> byTitle = new HashMap<>();
    feed.getEntries().forEach(e -> byTitle.put(e.getTitle(), e));
    return byTitle;
  }

  @Test
  void fullByDefaultExcerptWhenAskedAndSummariesFromTheFrontMatterTheExcerptOrTheText() throws Exception {
    Config full = FixtureSite.hexoConfig(FixtureSite.copyHexoSiteTo(dir));
    Map<String, SyndEntry> whole = rss(full);
    SyndEntry tour = whole.get("A tour of Markdown");
    assertThat(tour.getContents().get(0).getValue()).contains("The first paragraph is the excerpt.", "<table>");
    assertThat(tour.getDescription().getValue())
        .isEqualTo("The first paragraph is the excerpt. It has a line break that Hexo keeps.");
    assertThat(whole.get("No category at all").getDescription().getValue())
        .isEqualTo("A description written by hand wins over the excerpt.");
    assertThat(whole.get("Java at the top").getDescription().getValue()).isEqualTo("In Java itself, not in a child.");

    Map<String, SyndEntry> excerpts = rss(FixtureSite.withExcerptsInFeeds(full));
    String cut = excerpts.get("A tour of Markdown").getContents().get(0).getValue();
    assertThat(cut).contains("The first paragraph is the excerpt.")
        .doesNotContain("<table>")
        .endsWith("<p><a href=\"http://feeds.test/entry/markdown-tour\">Read more</a></p>");
    assertThat(excerpts.get("No category at all").getContents().get(0).getValue())
        .doesNotContain("After the fold").contains("Read more");
    // without a marker: the whole article
    assertThat(excerpts.get("Java at the top").getContents().get(0).getValue())
        .isEqualTo(whole.get("Java at the top").getContents().get(0).getValue());
    // JSON Feed carries the same
    byte[] json = new Publisher(FixtureSite.withExcerptsInFeeds(full)).publish().get("/feed.json").orElseThrow().body();
    for (JsonNode item : new ObjectMapper().readTree(json).get("items")) {
      if (item.get("title").asText().equals("A tour of Markdown")) {
        assertThat(item.get("content_html").asText()).isEqualTo(cut);
      }
    }
  }
}
