package dev.feedserver.content;

import java.text.Normalizer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing readers can follow: a category, a tag or an author. {@code path} holds one name, or,
 * for a category of a Hexo category tree, the names from the root down ({@code [Java, 基础]} is
 * 基础 inside Java, a different category from {@code [Python, 基础]}). Names are in their
 * comparison form ({@link #key}).
 */
public record Topic(Taxonomy taxonomy, List<String> path) {
  /** Separates the levels of a category path in titles. */
  public static final String PATH_SEPARATOR = " › ";

  public Topic {
    Objects.requireNonNull(taxonomy, "taxonomy");
    path = List.copyOf(path);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("a topic needs a name");
    }
    if (path.size() > 1 && taxonomy != Taxonomy.CATEGORY) {
      throw new IllegalArgumentException("only categories nest: " + path);
    }
  }

  /** A topic of one name. */
  public static Topic of(Taxonomy taxonomy, String name) {
    return new Topic(taxonomy, List.of(key(name)));
  }

  /** Its own name (the last of its path). */
  public String name() {
    return path.get(path.size() - 1);
  }

  /** Its name with its ancestors', for titles: {@code Java › 基础}. */
  public String title() {
    return String.join(PATH_SEPARATOR, path);
  }

  /** The category it sits in, for a category below the top of a tree. */
  public Optional<Topic> parent() {
    return path.size() == 1 ? Optional.empty() : Optional.of(new Topic(taxonomy, path.subList(0, path.size() - 1)));
  }

  /** The comparison form of a name: NFC-normalized and trimmed, otherwise exact (C++ and C# stay two). */
  public static String key(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFC).strip();
  }
}
