package dev.feedserver.render;

import dev.feedserver.content.Article;
import dev.feedserver.content.Topic;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Links;
import dev.feedserver.site.Route;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One page of one feed, independent of its wire format: the whole site's, or one topic's.
 *
 * @param scope the topic, empty for the whole site
 * @param entries this page's entries, newest first
 * @param page 1-based page number
 * @param pageCount number of pages at this page size (at least 1)
 * @param limit the page size the reader asked for, empty for the configured default
 */
public record FeedDocument(
    Optional<Topic> scope, List<Article> entries, int page, int pageCount, OptionalInt limit) {
  public FeedDocument {
    Objects.requireNonNull(scope, "scope");
    entries = List.copyOf(entries);
    Objects.requireNonNull(limit, "limit");
    if (page < 1 || pageCount < 1 || page > pageCount) {
      throw new IllegalArgumentException("page " + page + " of " + pageCount);
    }
  }

  /** Number of pages at a page size (at least 1, even for an empty feed). */
  static int pageCount(int entries, int size) {
    return Math.max(1, (entries + size - 1) / size);
  }

  /** Page {@code page} of {@code entries} at {@code size} a page, or empty past the last page. */
  static <T> Optional<List<T>> slice(List<T> entries, int page, int size) {
    if (page > pageCount(entries.size(), size)) {
      return Optional.empty();
    }
    int from = (page - 1) * size;
    return Optional.of(List.copyOf(entries.subList(from, Math.min(entries.size(), from + size))));
  }

  /** Absolute URL of page {@code n} of this feed at this page size. */
  public String pageUrl(Links links, FeedFormat format, int n) {
    return links.url(new Route.Feed(scope, format, n, limit));
  }

  /** The RFC 5005 paging links of this page: rel to absolute URL, in a fixed order. */
  public List<PageLink> pagingLinks(Links links, FeedFormat format) {
    if (pageCount == 1) {
      return List.of();
    }
    java.util.ArrayList<PageLink> out = new java.util.ArrayList<>();
    out.add(new PageLink("first", pageUrl(links, format, 1)));
    if (page > 1) {
      out.add(new PageLink("previous", pageUrl(links, format, page - 1)));
    }
    if (page < pageCount) {
      out.add(new PageLink("next", pageUrl(links, format, page + 1)));
    }
    out.add(new PageLink("last", pageUrl(links, format, pageCount)));
    return List.copyOf(out);
  }

  /** A paging link. */
  public record PageLink(String rel, String href) {}
}
