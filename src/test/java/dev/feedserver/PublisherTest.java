package dev.feedserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedserver.content.ArticleProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherTest {
  @TempDir Path dir;

  @Test
  void aWarningIsFreshOnlyInThePassThatReadsItsFile() throws Exception {
    Files.writeString(dir.resolve("2014-04-05-dated.md"), "---\ntitle: Dated\n---\n<p>x</p>");
    Files.writeString(dir.resolve("clean.md"), "---\ntitle: Clean\ndate: 2024-01-01\n---\n<p>x</p>");
    Publisher publisher = new Publisher(FixtureSite.config(dir));
    String warning = "2014-04-05-dated.md:1: no date: using 2014-04-05 from the file name";

    Publisher.Publication first = publisher.publish();
    assertThat(words(first.freshWarnings())).containsExactly(warning);
    assertThat(words(first.load().warnings())).containsExactly(warning);
    assertThat(first.fresh()).isEmpty();

    Publisher.Publication again = publisher.publish();
    assertThat(again.freshWarnings()).as("not read again, not reported again").isEmpty();
    assertThat(words(again.load().warnings())).containsExactly(warning);

    Files.writeString(dir.resolve("clean.md"), "---\ntitle: Clean, edited\ndate: 2024-01-01\n---\n<p>y</p>");
    Publisher.Publication other = publisher.refresh(List.of(Path.of("clean.md")));
    assertThat(other.freshWarnings()).isEmpty();

    Files.writeString(dir.resolve("2014-04-05-dated.md"), "---\ntitle: Dated, edited\n---\n<p>x</p>");
    Publisher.Publication edited = publisher.refresh(List.of(Path.of("2014-04-05-dated.md")));
    assertThat(words(edited.freshWarnings())).containsExactly(warning);

    Files.writeString(dir.resolve("2014-04-05-dated.md"), "---\ntitle: Dated\ndate: 2014-04-05\n---\n<p>x</p>");
    Publisher.Publication fixed = publisher.refresh(List.of(Path.of("2014-04-05-dated.md")));
    assertThat(fixed.freshWarnings()).isEmpty();
    assertThat(fixed.load().warnings()).isEmpty();
  }

  @Test
  void theArticlesOfOnePassShareOneInstanceOfEachName() throws Exception {
    // memory grows with the distinct names, not with every mention (heap after GC at 100,000 articles)
    for (String name : List.of("a.md", "b.md")) {
      Files.writeString(dir.resolve(name),
          "---\ntitle: " + name + "\ndate: 2024-03-01\nauthor: Ada\ncategories: [Java, 基础]\ntags: [jvm]\n---\nx\n");
    }
    Publisher.Publication first = new Publisher(FixtureSite.config(dir)).publish();
    List<dev.feedserver.content.Article> articles = first.load().articles();
    assertThat(articles).hasSize(2);
    dev.feedserver.content.Article a = articles.get(0);
    dev.feedserver.content.Article b = articles.get(1);
    assertThat(b.categories()).isSameAs(a.categories());
    assertThat(b.categoryPaths()).isSameAs(a.categoryPaths());
    assertThat(b.tags()).isSameAs(a.tags());
    assertThat(b.author()).isSameAs(a.author());
  }

  private static List<String> words(List<ArticleProblem> problems) {
    return problems.stream().map(ArticleProblem::toString).toList();
  }
}
