package dev.feedserver.site;

/** The constant files the pages and widgets use, with their file names at the site's root. */
public enum AssetFile {
  /** The pages' stylesheet. */
  STYLESHEET("style.css"),
  /** The script that renders a topic's latest entries into another site's page. */
  EMBED_SCRIPT("embed.js");

  private final String fileName;

  AssetFile(String fileName) {
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }
}
