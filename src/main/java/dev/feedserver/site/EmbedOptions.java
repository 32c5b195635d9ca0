package dev.feedserver.site;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The documented query options of a category's embed page: {@code limit} (entries shown, 1 to
 * {@link #MAX_LIMIT}, default {@link #DEFAULT_LIMIT}) and {@code theme} ({@code light}, the
 * default, {@code dark}, or {@code auto} to follow the reader's system setting).
 */
public record EmbedOptions(int limit, Theme theme) {
  public static final int DEFAULT_LIMIT = 5;
  public static final int MAX_LIMIT = 10;
  public static final EmbedOptions DEFAULT = new EmbedOptions(DEFAULT_LIMIT, Theme.LIGHT);

  /** The embed page's colour scheme. */
  public enum Theme {
    LIGHT, DARK, AUTO;

    /** The query value and CSS class, e.g. {@code dark}. */
    public String param() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The theme a query value names, if any. */
    public static Optional<Theme> of(String param) {
      for (Theme t : values()) {
        if (t.param().equals(param)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  public EmbedOptions {
    Objects.requireNonNull(theme, "theme");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit " + limit);
    }
  }

  public boolean isDefault() {
    return equals(DEFAULT);
  }
}
