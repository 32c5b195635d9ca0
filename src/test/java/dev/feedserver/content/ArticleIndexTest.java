package dev.feedserver.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Topics as the index reads them: a plain folder name by name, a Hexo site as trees; tags; authors. */
class ArticleIndexTest {
  private static Article article(String id, int day, List<List<String>> paths, List<String> tags, String author) {
    List<String> names = paths.stream().flatMap(List::stream).distinct().toList();
    Instant date = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * day);
    return new Article(id, Path.of(id + ".md"), id, names, paths, tags, author, date, date, Optional.empty(), true, day,
        Optional.empty());
  }

  private static final List<Article> ARTICLES = List.of(
      article("java-basics", 1, List.of(List.of("Java", "基础")), List.of("入门"), "Lin"),
      article("python-basics", 2, List.of(List.of("Python", "基础")), List.of("入门", "Python"), "Lin"),
      article("two-paths", 3, List.of(List.of("Java", "进阶"), List.of("Java", "基础")), List.of(), ""),
      article("top", 0, List.of(List.of("Java")), List.of(), "Mei"));

  private static Topic category(String... path) {
    return new Topic(Taxonomy.CATEGORY, List.of(path));
  }

  private static List<String> ids(Optional<TopicEntries> topic) {
    return topic.orElseThrow().articles().stream().map(Article::id).toList();
  }

  @Test
  void aTreePutsEachArticleInEveryCategoryAlongItsPathsOnce() {
    ArticleIndex index = ArticleIndex.of(ARTICLES, true);
    assertThat(index.topics(Taxonomy.CATEGORY)).extracting(t -> t.topic().title())
        .containsExactly("Java", "Java › 基础", "Java › 进阶", "Python", "Python › 基础");
    // a parent holds its descendants' entries, newest first, each once
    assertThat(ids(index.topic(category("Java")))).containsExactly("two-paths", "java-basics", "top");
    // the same name under two parents is two categories
    assertThat(ids(index.topic(category("Java", "基础")))).containsExactly("two-paths", "java-basics");
    assertThat(ids(index.topic(category("Python", "基础")))).containsExactly("python-basics");
    assertThat(index.topic(category("基础"))).isEmpty();
    assertThat(index.children(category("Java"))).containsExactly(category("Java", "基础"), category("Java", "进阶"));
    assertThat(index.children(category("Java", "基础"))).isEmpty();
    // an entry links the deepest category of each of its paths
    Article twoPaths = index.article("two-paths").orElseThrow();
    assertThat(ArticleIndex.categoriesOf(twoPaths, index.categoryTree())).containsExactly(category("Java", "进阶"), category("Java", "基础"));
  }

  @Test
  void aPlainFolderReadsEveryNameAsACategoryOfItsOwn() {
    ArticleIndex index = ArticleIndex.of(ARTICLES, false);
    assertThat(index.topics(Taxonomy.CATEGORY)).extracting(t -> t.topic().title())
        .containsExactly("Java", "Python", "基础", "进阶");
    assertThat(ids(index.topic(category("基础")))).containsExactly("two-paths", "python-basics", "java-basics");
    assertThat(index.children(category("Java"))).isEmpty();
  }

  @Test
  void tagsAndAuthorsAreTopicsToo() {
    ArticleIndex index = ArticleIndex.of(ARTICLES, true);
    assertThat(ids(index.topic(Topic.of(Taxonomy.TAG, "入门")))).containsExactly("python-basics", "java-basics");
    // a tag named like a category is not that category
    assertThat(ids(index.topic(Topic.of(Taxonomy.TAG, "Python")))).containsExactly("python-basics");
    assertThat(index.topics(Taxonomy.AUTHOR)).extracting(t -> t.topic().name()).containsExactly("Lin", "Mei");
    assertThat(ids(index.topic(Topic.of(Taxonomy.AUTHOR, " Lin ")))).containsExactly("python-basics", "java-basics");
    assertThat(ArticleIndex.authorOf(index.article("two-paths").orElseThrow())).isEmpty();
  }
}
