package dev.feedserver.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import dev.feedserver.FixtureSite;
import dev.feedserver.Publisher;
import dev.feedserver.site.FeedFormat;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * The rule: an entry's id is {@code tag:<idAuthority>:<front-matter id, else file name without
 * extension>}. The same article keeps its RSS guid, Atom id and JSON Feed id across restarts, a
 * new base URL or scheme, a move to another folder and a rename of its category.
 */
class EntryIdStabilityTest {
  @TempDir Path dir;

  /** Title to id, as each format's reader sees them in the whole-site feed. */
  private static Map<String, String> ids(Publisher publisher, FeedFormat format) throws Exception {
    byte[] bytes = publisher.publish().get(new dev.feedserver.site.Route.Feed(java.util.Optional.empty(), format).path())
        .orElseThrow().body();
    Map<String, String> ids = new LinkedHashMap<>();
    if (format == FeedFormat.JSON) {
      new ObjectMapper().readTree(bytes).get("items")
          .forEach(item -> ids.put(item.get("title").asText(), item.get("id").asText()));
    } else {
      for (SyndEntry entry : new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(bytes))).getEntries()) {
        ids.put(entry.getTitle(), entry.getUri());
      }
    }
    return ids;
  }

  private static List<Map<String, String>> allIds(Publisher publisher) throws Exception {
    List<Map<String, String>> out = new ArrayList<>();
    for (FeedFormat format : FeedFormat.values()) {
      out.add(ids(publisher, format));
    }
    return out;
  }

  @Test
  void idsSurviveRestartBaseUrlSchemeMoveAndCategoryRename() throws Exception {
    Path content = FixtureSite.copyTo(dir.resolve("a"));
    List<Map<String, String>> original = allIds(new Publisher(FixtureSite.config(content)));
    assertThat(original.get(0))
        .containsEntry("视频号灰度测试购物车功能，微信要扛起腾讯电商大旗了？", "tag:feeds.test,2026:000_dc3f88500a8e27b9")
        .containsEntry("东京旅行记", "tag:feeds.test,2026:custom-id-42")
        .hasSize(5);
    assertThat(original).allSatisfy(ids -> assertThat(ids).isEqualTo(original.get(0)));

    // a restart: a fresh publisher over the same files
    assertThat(allIds(new Publisher(FixtureSite.config(content)))).isEqualTo(original);
    // another host, scheme and path
    assertThat(allIds(new Publisher(FixtureSite.config(content, URI.create("https://news.example.org/feeds/"), 0))))
        .isEqualTo(original);

    // move files into sub-folders and rename every category of the seed article
    Path seed = content.resolve("000_dc3f88500a8e27b9.txt");
    String renamed = Files.readString(seed).replace("新媒体", "自媒体").replace("最新文章", "Latest");
    Files.delete(seed);
    Files.createDirectories(content.resolve("2021/12"));
    Files.writeString(content.resolve("2021/12/000_dc3f88500a8e27b9.txt"), renamed);
    Files.move(content.resolve("nested/cjk.md"), content.resolve("cjk-moved.md"));
    assertThat(allIds(new Publisher(FixtureSite.config(content)))).isEqualTo(original);
  }
}
