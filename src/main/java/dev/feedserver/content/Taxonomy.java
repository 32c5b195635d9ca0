package dev.feedserver.content;

import java.util.Locale;

/**
 * A way readers follow entries: by category, by tag or by author. Each taxonomy has its topics,
 * each topic its page and feeds. A new taxonomy is a new value here plus what selects its topics
 * in {@link ArticleIndex}.
 */
public enum Taxonomy {
  CATEGORY("Categories"),
  TAG("Tags"),
  AUTHOR("Authors");

  private final String heading;

  Taxonomy(String heading) {
    this.heading = heading;
  }

  /** The word of its URLs ({@code /tag/{name}}), also its singular name in text. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Its plural name as a heading, e.g. "Tags". */
  public String heading() {
    return heading;
  }
}
