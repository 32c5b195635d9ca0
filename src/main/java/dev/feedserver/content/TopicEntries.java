package dev.feedserver.content;

import java.util.List;
import java.util.Objects;

/** A topic and its articles, newest first (for a category of a tree, its descendants' too). */
public record TopicEntries(Topic topic, List<Article> articles) {
  public TopicEntries {
    Objects.requireNonNull(topic, "topic");
    articles = List.copyOf(articles);
  }

  /** Its newest article; every topic has at least one. */
  public Article newest() {
    return articles.get(0);
  }
}
