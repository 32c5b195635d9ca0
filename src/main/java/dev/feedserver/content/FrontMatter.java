package dev.feedserver.content;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed front matter of one article. The raw YAML never leaves {@link FrontMatterParser}.
 *
 * @param title the title, cleaned text, never blank
 * @param categories category names in order of appearance, flattened from Hexo's nested lists
 * @param categoryPaths the categories as Hexo's hierarchies (see {@link Article#categoryPaths})
 * @param tags tag names in order of appearance
 * @param author author name, empty when none
 * @param date publication date
 * @param updated last update, empty when the article does not say
 * @param image the entry's image, as written: the first of {@code headimg}, {@code thumbnail}, and
 *     the theme keys {@code cover}, {@code banner}, {@code index_img}, then the first of {@code photos}
 * @param comments Hexo's {@code comments} switch (default true)
 * @param id the front-matter {@code id}, when present
 * @param description a summary written by hand ({@code description}, else {@code excerpt}), when present
 * @param published Hexo's {@code published} switch (default true): an unpublished post is not served
 */
public record FrontMatter(
    String title,
    List<String> categories,
    List<List<String>> categoryPaths,
    List<String> tags,
    String author,
    Instant date,
    Optional<Instant> updated,
    Optional<String> image,
    boolean comments,
    Optional<String> id,
    Optional<String> description,
    boolean published) {

  public FrontMatter {
    Objects.requireNonNull(title, "title");
    categories = List.copyOf(categories);
    categoryPaths = categoryPaths.stream().map(List::copyOf).toList();
    tags = List.copyOf(tags);
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
  }
}
