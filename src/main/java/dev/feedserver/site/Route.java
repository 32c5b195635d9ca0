package dev.feedserver.site;

import java.util.Objects;
import java.util.Optional;

/**
 * What a URL names, independent of its spelling. {@link Links} turns routes into paths and request
 * paths into routes; category names here are already in their comparison form.
 *
 * <p>Two routes are not read from a path alone: an embed page's options come from its query
 * ({@code ?limit=&theme=}), and a {@link Preview} shares its feed's URL and is chosen by the
 * request's {@code Accept} header.
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

  /**
   * The HTML page a browser gets at a feed's URL: the same page of the same feed, for people. Its
   * path is the feed's path; content negotiation picks it.
   */
  record Preview(Feed feed) implements Route {
    public Preview {
      Objects.requireNonNull(feed);
    }
  }

  /** A category's widget page, made to sit in an {@code <iframe>}, with the options it shows. */
  record Embed(String category, EmbedOptions options) implements Route {
    public Embed {
      Objects.requireNonNull(category);
      Objects.requireNonNull(options);
    }

    /** The same page with other options. */
    public Embed with(EmbedOptions other) {
      return new Embed(category, other);
    }
  }

  /** The script that renders a category's latest entries into another site's page. */
  record EmbedScript() implements Route {}

  /** OPML subscription list of every category's feed. */
  record Opml() implements Route {}

  /** JSON index of every feed. */
  record FeedIndex() implements Route {}

  /** The pages' stylesheet. */
  record Stylesheet() implements Route {}
}
