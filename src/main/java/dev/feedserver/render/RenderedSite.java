package dev.feedserver.render;

import java.util.Map;
import java.util.Optional;

/**
 * Every response the site serves, rendered once and keyed by server-relative path (as built by
 * {@link dev.feedserver.site.Links}). Immutable: a content change builds a new one, swapped in
 * whole.
 */
public final class RenderedSite {
  private final Map<String, Representation> byPath;
  private final Representation notFound;

  RenderedSite(Map<String, Representation> byPath, Representation notFound) {
    this.byPath = Map.copyOf(byPath);
    this.notFound = notFound;
  }

  public Optional<Representation> get(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /** The 404 page. */
  public Representation notFound() {
    return notFound;
  }

  /** All paths, for tests and tools that walk the site. */
  public java.util.Set<String> paths() {
    return byPath.keySet();
  }
}
