package dev.feedserver.site;

import java.net.URI;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** What the site says about itself in pages and feed channels. */
public record Site(
    String title, String description, String language, ZoneId timeZone, URI baseUrl, Optional<URI> hub) {
  public Site {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(hub, "hub");
  }
}
