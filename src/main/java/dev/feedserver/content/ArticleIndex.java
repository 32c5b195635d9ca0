package dev.feedserver.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An immutable view of all articles: newest first, by id, by category. */
public final class ArticleIndex {
  private final List<Article> newestFirst;
  private final Map<String, Article> byId;
  private final Map<String, Category> byCategory;

  private ArticleIndex(List<Article> articles) {
    List<Article> sorted = new ArrayList<>(articles);
    sorted.sort(Article.NEWEST_FIRST);
    this.newestFirst = List.copyOf(sorted);
    Map<String, Article> ids = new LinkedHashMap<>();
    Map<String, List<Article>> members = new TreeMap<>(Comparator.naturalOrder());
    for (Article article : newestFirst) {
      if (ids.putIfAbsent(article.id(), article) != null) {
        throw new IllegalArgumentException("duplicate article id " + article.id());
      }
      for (String name : article.categories()) {
        members.computeIfAbsent(Category.key(name), k -> new ArrayList<>()).add(article);
      }
    }
    this.byId = Map.copyOf(ids);
    Map<String, Category> categories = new LinkedHashMap<>();
    members.forEach((key, list) -> categories.put(key, new Category(key, list)));
    this.byCategory = categories;
  }

  /** Builds an index; ids must be unique (the loader resolves duplicates first). */
  public static ArticleIndex of(List<Article> articles) {
    return new ArticleIndex(articles);
  }

  public List<Article> newestFirst() {
    return newestFirst;
  }

  public Optional<Article> article(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** All categories, ordered by name. */
  public List<Category> categories() {
    return List.copyOf(byCategory.values());
  }

  /** The category of that name, after NFC normalization and trimming. */
  public Optional<Category> category(String name) {
    return Optional.ofNullable(byCategory.get(Category.key(name)));
  }
}
