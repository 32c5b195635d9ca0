package dev.feedserver.site;

import java.net.URI;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the site says about itself in pages and feed channels.
 *
 * @param author the site's author, empty when none (then the feeds name the site itself)
 */
public record Site(
    String title, String description, String language, ZoneId timeZone, URI baseUrl, Optional<URI> hub,
    String author) {
  public Site {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(hub, "hub");
    Objects.requireNonNull(author, "author");
  }

  /** Who the feeds name as their author: the site's author, else the site. */
  public String feedAuthor() {
    return author.isEmpty() ? title : author;
  }
}
