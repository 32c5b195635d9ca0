package dev.feedserver.content;

/**
 * How much one article file may hold before it is skipped as a problem. Each limit is a
 * configuration key (see {@code ConfigLoader.KEYS}); the defaults are safe for scraped content.
 *
 * @param maxFileBytes largest article file read, in bytes ({@code maxFileBytes})
 * @param maxAliases YAML alias references allowed in one front matter ({@code maxAliases})
 * @param maxNesting deepest nesting of YAML collections in one front matter ({@code maxNesting})
 * @param maxNames most distinct category names, and most tag names, per article ({@code maxNames})
 * @param maxFrontMatter longest front matter, in code points ({@code maxFrontMatter})
 */
public record ContentLimits(long maxFileBytes, int maxAliases, int maxNesting, int maxNames, int maxFrontMatter) {
  /** Front matter allowed by default: 1 Mi code points (5,000 keys of a scraper's metadata fit). */
  public static final int DEFAULT_MAX_FRONT_MATTER = 1 << 20;

  /** The limits with the default front-matter size. */
  public ContentLimits(long maxFileBytes, int maxAliases, int maxNesting, int maxNames) {
    this(maxFileBytes, maxAliases, maxNesting, maxNames, DEFAULT_MAX_FRONT_MATTER);
  }

  /** The defaults: 10 MiB, 20 aliases, depth 16, 100 names. */
  public static final ContentLimits DEFAULTS = new ContentLimits(10L * 1024 * 1024, 20, 16, 100);

  public ContentLimits {
    if (maxFileBytes < 1 || maxAliases < 0 || maxNesting < 1 || maxNames < 1 || maxFrontMatter < 1) {
      throw new IllegalArgumentException(
          "limits out of range: " + maxFileBytes + ", " + maxAliases + ", " + maxNesting + ", " + maxNames);
    }
  }
}
