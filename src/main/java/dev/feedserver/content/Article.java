package dev.feedserver.content;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One loaded article: its cleaned metadata.
 *
 * @param id the stable key: front-matter {@code id}, else the file name without extension; it
 *     does not depend on the folder, the base URL or the categories
 * @param file the source file relative to the content folder, for messages
 * @param title cleaned title
 * @param categories category names (NFC, trimmed, no repeats)
 * @param categoryPaths the same names as Hexo's hierarchies: {@code [A, B]} is one path (B inside
 *     A), {@code [[A, B], [C]]} two; read as a tree only in a Hexo site (see {@link ArticleIndex})
 * @param tags tag names
 * @param author author, empty when unknown
 * @param published publication date
 * @param updated last update (never before {@code published})
 * @param image absolute http(s) URL of the head image or thumbnail
 * @param comments Hexo's comments switch, kept for templates
 * @param version fingerprint of the file's bytes: a changed file is a new version
 * @param description a summary written by hand (front-matter {@code description} or {@code
 *     excerpt}): feeds carry it instead of one cut from the body
 *
 * <p>The body is not held here: {@link BodyStore} reads and sanitizes it on demand, so memory grows
 * with metadata, not content.
 */
public record Article(
    String id,
    Path file,
    String title,
    List<String> categories,
    List<List<String>> categoryPaths,
    List<String> tags,
    String author,
    Instant published,
    Instant updated,
    Optional<String> image,
    boolean comments,
    long version,
    Optional<String> description) {

  /** An unmodifiable copy of lists, or the lists themselves when they are unmodifiable already (shared, not copied). */
  private static List<List<String>> copyOfLists(List<List<String>> lists) {
    List<List<String>> copy = List.copyOf(lists);
    for (List<String> list : copy) {
      if (List.copyOf(list) != list) {
        return lists.stream().map(List::copyOf).toList();
      }
    }
    return copy;
  }

  /** Newest first, ties broken by id: the one order of every list and feed. */
  public static final Comparator<Article> NEWEST_FIRST = (a, b) -> {
    int byDate = b.published.compareTo(a.published);
    return byDate != 0 ? byDate : a.id.compareTo(b.id);
  };

  /** The same article in one category (Hexo's {@code default_category}, for an article that names none). */
  public Article inCategory(String name) {
    return new Article(id, file, title, List.of(name), List.of(List.of(name)), tags, author, published, updated, image,
        comments, version, description);
  }

  /** The same article with its image. */
  public Article withImage(Optional<String> url) {
    return new Article(id, file, title, categories, categoryPaths, tags, author, published, updated, url, comments,
        version, description);
  }

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(title, "title");
    categories = List.copyOf(categories);
    categoryPaths = copyOfLists(categoryPaths);
    tags = List.copyOf(tags);
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(description, "description");
    if (id.isBlank()) {
      throw new IllegalArgumentException("blank id");
    }
    if (updated.isBefore(published)) {
      updated = published;
    }
  }
}
