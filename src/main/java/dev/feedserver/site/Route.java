package dev.feedserver.site;

import java.util.Objects;
import java.util.Optional;

/**
 * What a URL names, independent of its spelling. {@link Links} turns routes into paths and request
 * paths into routes; category names here are already in their comparison form.
 */
public sealed interface Route {
  /** The index page. */
  record Index() implements Route {}

  /** Page {@code page} (from 1) of the site's feed ({@code category} empty) or a category's. */
  record Feed(Optional<String> category, FeedFormat format, int page) implements Route {
    public Feed {
      Objects.requireNonNull(category);
      Objects.requireNonNull(format);
      if (page < 1) {
        throw new IllegalArgumentException("page " + page);
      }
    }
  }

  /** Page {@code page} (from 1) of a category's HTML listing. */
  record CategoryPage(String name, int page) implements Route {
    public CategoryPage {
      Objects.requireNonNull(name);
      if (page < 1) {
        throw new IllegalArgumentException("page " + page);
      }
    }
  }

  /** An entry's permalink page. */
  record Entry(String id) implements Route {
    public Entry {
      Objects.requireNonNull(id);
    }
  }
}
