package dev.feedserver.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable view of all articles: newest first, by id, and by topic in every {@link Taxonomy}.
 *
 * <p>Categories are read one of two ways. Name by name (a plain folder of scraped articles): every
 * name an article lists is a category of its own. As a tree (a Hexo site): each of an article's
 * category paths ({@link Article#categoryPaths}) puts it in every category along the path, so a
 * parent holds its descendants' entries, and {@code 基础} under {@code Java} is not {@code 基础}
 * under {@code Python}.
 */
public final class ArticleIndex {
  /** Topics in name order: paths compared name by name, so a parent comes right before its children. */
  private static final Comparator<Topic> BY_PATH =
      (a, b) -> {
        int n = Math.min(a.path().size(), b.path().size());
        for (int i = 0; i < n; i++) {
          int c = a.path().get(i).compareTo(b.path().get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.path().size(), b.path().size());
      };

  private final List<Article> newestFirst;
  private final Map<String, Article> byId;
  private final Map<Taxonomy, Map<Topic, TopicEntries>> byTopic = new EnumMap<>(Taxonomy.class);
  private final Map<Taxonomy, List<TopicEntries>> inOrder = new EnumMap<>(Taxonomy.class);
  private final Map<Topic, List<Topic>> children;
  private final boolean categoryTree;

  private ArticleIndex(List<Article> articles, boolean categoryTree) {
    this.categoryTree = categoryTree;
    List<Article> sorted = new ArrayList<>(articles);
    sorted.sort(Article.NEWEST_FIRST);
    this.newestFirst = List.copyOf(sorted);
    Map<String, Article> ids = new HashMap<>(articles.size() * 4 / 3 + 1);
    Map<Taxonomy, Map<Topic, List<Article>>> members = new EnumMap<>(Taxonomy.class);
    for (Taxonomy taxonomy : Taxonomy.values()) {
      members.put(taxonomy, new TreeMap<>(BY_PATH));
    }
    TopicsOfNames topicsOfNames = new TopicsOfNames();
    for (Article article : newestFirst) {
      if (ids.putIfAbsent(article.id(), article) != null) {
        throw new IllegalArgumentException("duplicate article id " + article.id());
      }
      for (Topic topic : topicsOf(article, categoryTree, topicsOfNames)) {
        List<Article> list = members.get(topic.taxonomy()).computeIfAbsent(topic, k -> new ArrayList<>());
        // articles arrive newest first, so an article reached twice (two paths through one parent) is the last one
        if (list.isEmpty() || list.get(list.size() - 1) != article) {
          list.add(article);
        }
      }
    }
    // only looked up, never changed or iterated: not copied again (Map.copyOf of 100,000 ids was
    // a sixth of building the index)
    this.byId = ids;
    Map<Topic, List<Topic>> kids = new LinkedHashMap<>();
    members.forEach((taxonomy, topics) -> {
      Map<Topic, TopicEntries> entries = new LinkedHashMap<>();
      topics.forEach((topic, list) -> {
        entries.put(topic, new TopicEntries(topic, list));
        topic.parent().ifPresent(parent -> kids.computeIfAbsent(parent, k -> new ArrayList<>()).add(topic));
      });
      byTopic.put(taxonomy, entries);
      inOrder.put(taxonomy, List.copyOf(entries.values()));
    });
    kids.replaceAll((k, v) -> List.copyOf(v));
    this.children = kids;
  }

  /**
   * Builds an index; ids must be unique (the loader resolves duplicates first).
   *
   * @param categoryTree read categories as Hexo's trees instead of name by name
   */
  public static ArticleIndex of(List<Article> articles, boolean categoryTree) {
    return new ArticleIndex(articles, categoryTree);
  }

  /**
   * The topics of names and category paths met while one index is built: most articles repeat a
   * few, and a topic's name is normalized once, not once per article.
   */
  private static final class TopicsOfNames {
    private final Map<Taxonomy, Map<String, Topic>> named = new EnumMap<>(Taxonomy.class);
    private final Map<List<String>, List<Topic>> levels = new HashMap<>();

    Topic of(Taxonomy taxonomy, String name) {
      return named.computeIfAbsent(taxonomy, t -> new HashMap<>()).computeIfAbsent(name, n -> Topic.of(taxonomy, n));
    }

    /** A category path's topics, from the top level down. */
    List<Topic> levelsOf(List<String> path) {
      return levels.computeIfAbsent(path, p -> {
        List<Topic> topics = new ArrayList<>();
        for (int depth = 1; depth <= p.size(); depth++) {
          topics.add(new Topic(Taxonomy.CATEGORY, p.subList(0, depth).stream().map(Topic::key).toList()));
        }
        return topics;
      });
    }
  }

  /** The topics an article belongs to: its categories (every level of its paths, in a tree), tags and author. */
  private static List<Topic> topicsOf(Article article, boolean categoryTree, TopicsOfNames topicsOfNames) {
    List<Topic> topics = new ArrayList<>();
    if (categoryTree) {
      for (List<String> path : article.categoryPaths()) {
        for (Topic topic : topicsOfNames.levelsOf(path)) {
          if (!topics.contains(topic)) {
            topics.add(topic);
          }
        }
      }
    } else {
      for (String name : article.categories()) {
        topics.add(topicsOfNames.of(Taxonomy.CATEGORY, name));
      }
    }
    for (String name : article.tags()) {
      topics.add(topicsOfNames.of(Taxonomy.TAG, name));
    }
    if (!article.author().isEmpty()) {
      topics.add(topicsOfNames.of(Taxonomy.AUTHOR, article.author()));
    }
    return topics;
  }

  /**
   * The categories an article links to: the deepest of each path when categories are read as
   * trees, else every name.
   */
  public static List<Topic> categoriesOf(Article article, boolean categoryTree) {
    if (!categoryTree) {
      return article.categories().stream().map(name -> Topic.of(Taxonomy.CATEGORY, name)).distinct().toList();
    }
    return article.categoryPaths().stream()
        .map(path -> new Topic(Taxonomy.CATEGORY, path.stream().map(Topic::key).toList()))
        .distinct()
        .toList();
  }

  /** The article's tags as topics. */
  public static List<Topic> tagsOf(Article article) {
    return article.tags().stream().map(name -> Topic.of(Taxonomy.TAG, name)).distinct().toList();
  }

  /** The article's author as a topic, if it names one. */
  public static Optional<Topic> authorOf(Article article) {
    return article.author().isEmpty() ? Optional.empty() : Optional.of(Topic.of(Taxonomy.AUTHOR, article.author()));
  }

  public List<Article> newestFirst() {
    return newestFirst;
  }

  public Optional<Article> article(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every topic of a taxonomy with its articles, in name order (a category tree depth first). */
  public List<TopicEntries> topics(Taxonomy taxonomy) {
    return inOrder.get(taxonomy);
  }

  /** The topic's articles, if it has any. */
  public Optional<TopicEntries> topic(Topic topic) {
    return Optional.ofNullable(byTopic.get(topic.taxonomy()).get(topic));
  }

  /** The categories right below a category of a tree, in name order. */
  public List<Topic> children(Topic topic) {
    return children.getOrDefault(topic, List.of());
  }

  /** Whether categories are read as trees. */
  public boolean categoryTree() {
    return categoryTree;
  }
}
