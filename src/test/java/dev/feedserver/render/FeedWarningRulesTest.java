package dev.feedserver.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedserver.FixtureSite;
import dev.feedserver.Publisher;
import dev.feedserver.config.Config;
import dev.feedserver.hostile.HostileCorpus;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Route;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The W3C feed validator's warnings as rules, asserted on every RSS feed of three corpora (the
 * fixture, the Hexo site, the hostile corpus): no validator library runs offline here, so each rule
 * it warns about is checked directly.
 * <ul>
 *   <li>{@code NotHtml}: an item's {@code description} is plain text escaped for HTML, so a reader
 *       that reads it as HTML finds no markup in it;
 *   <li>{@code CharacterData}: {@code &} and {@code <} in plain-text elements (titles,
 *       descriptions, categories, creators) are written as {@code &#x26;} and {@code &#x3C;}.
 * </ul>
 * ({@code DuplicateUpdated}, two Atom entries with the same {@code updated}, is the content's own
 * truth and is kept; the README says why.)
 */
class FeedWarningRulesTest {
  private static final Pattern PLAIN_TEXT =
      Pattern.compile("<(title|description|category|dc:creator)(?: [^>]*)?>([^<]*)</\\1>");

  @TempDir Path dir;

  static Stream<Arguments> corpora() {
    Function<Path, Config> plain = d -> FixtureSite.config(FixtureSite.copyTo(d));
    Function<Path, Config> hexo = d -> FixtureSite.hexoConfig(FixtureSite.copyHexoSiteTo(d));
    Function<Path, Config> hostile = d -> HostileCorpus.config(HostileCorpus.create(d));
    return Stream.of(Arguments.of("fixture", plain), Arguments.of("Hexo site", hexo), Arguments.of("hostile", hostile));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpora")
  void everyRssFeedFollowsTheValidatorsRules(String name, Function<Path, Config> corpus) throws Exception {
    Publisher.Publication publication =
        new Publisher(corpus.apply(Files.createDirectories(dir.resolve("content")))).publish();
    List<Route> feeds = publication.site().routes()
        .filter(r -> r instanceof Route.Feed f && f.format() == FeedFormat.RSS)
        .toList();
    assertThat(feeds).isNotEmpty();
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    int checked = 0;
    for (Route feed : feeds) {
      byte[] bytes = publication.site().render(feed).orElseThrow().body();
      String xml = new String(bytes, StandardCharsets.UTF_8);
      Matcher m = PLAIN_TEXT.matcher(xml);
      while (m.find()) {
        assertThat(m.group(2)).as(name + " " + feed + " <" + m.group(1) + ">").doesNotContain("&amp;", "&lt;");
        checked++;
      }
      NodeList descriptions = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes))
          .getElementsByTagName("description");
      for (int i = 0; i < descriptions.getLength(); i++) {
        String text = ((Element) descriptions.item(i)).getTextContent();
        assertThat(Jsoup.parseBodyFragment(text).body().children()).as(name + " " + feed + " description as HTML: " + text)
            .isEmpty();
      }
    }
    assertThat(checked).isPositive();
  }
}
