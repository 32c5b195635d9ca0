package dev.feedserver.content;

import java.text.Normalizer;
import java.util.List;

/**
 * A category and its articles, newest first. Names are compared by {@link #key}: NFC-normalized
 * and trimmed, otherwise exact (so {@code C++} and {@code C#} stay two categories).
 */
public record Category(String name, List<Article> articles) {
  public Category {
    articles = List.copyOf(articles);
  }

  /** The comparison form of a category name. */
  public static String key(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFC).strip();
  }
}
