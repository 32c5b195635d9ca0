package dev.feedserver.site;

/**
 * A feed's wire format as data: its name, file name in URLs and media type. A new format is a new
 * value here plus one writer in {@code render}.
 */
public enum FeedFormat {
  RSS("RSS 2.0", "rss.xml", "application/rss+xml"),
  ATOM("Atom 1.0", "atom.xml", "application/atom+xml"),
  JSON("JSON Feed 1.1", "feed.json", "application/feed+json");

  private final String label;
  private final String fileName;
  private final String mediaType;

  FeedFormat(String label, String fileName, String mediaType) {
    this.label = label;
    this.fileName = fileName;
    this.mediaType = mediaType;
  }

  /** The format whose file name is {@code fileName}, if any. */
  public static java.util.Optional<FeedFormat> byFileName(String fileName) {
    for (FeedFormat f : values()) {
      if (f.fileName.equals(fileName)) {
        return java.util.Optional.of(f);
      }
    }
    return java.util.Optional.empty();
  }

  /** Human-readable name, e.g. "RSS 2.0". */
  public String label() {
    return label;
  }

  /** Last path segment of the feed's URL. */
  public String fileName() {
    return fileName;
  }

  /** Media type without parameters, as in {@code <link type>}. */
  public String mediaType() {
    return mediaType;
  }

  /**
   * Value of the Content-Type header: XML types carry {@code charset=utf-8}; JSON types take no
   * charset parameter (JSON is UTF-8 by definition, RFC 8259).
   */
  public String contentType() {
    return this == JSON ? mediaType : mediaType + "; charset=utf-8";
  }
}
