package dev.feedserver.site;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a site serves as they are (a Hexo site's images, a post's asset folder), by
 * file-name extension, with their media types. Nothing else under those folders is served: no HTML
 * or script from a content folder ever runs on the site's origin.
 */
public enum FileType {
  PNG("image/png", "png"),
  JPEG("image/jpeg", "jpg", "jpeg"),
  GIF("image/gif", "gif"),
  WEBP("image/webp", "webp"),
  AVIF("image/avif", "avif"),
  /** Scriptable: served with {@code Content-Security-Policy: sandbox} so nothing in it runs. */
  SVG("image/svg+xml", "svg"),
  ICO("image/vnd.microsoft.icon", "ico"),
  BMP("image/bmp", "bmp"),
  PDF("application/pdf", "pdf"),
  MP3("audio/mpeg", "mp3"),
  MP4("video/mp4", "mp4"),
  WEBM("video/webm", "webm");

  private final String mediaType;
  private final String[] extensions;

  FileType(String mediaType, String... extensions) {
    this.mediaType = mediaType;
    this.extensions = extensions;
  }

  public String mediaType() {
    return mediaType;
  }

  /** Whether it can carry script (then it is served sandboxed). */
  public boolean scriptable() {
    return this == SVG;
  }

  /** The type of a file name, by its extension (any case); empty for what is not served. */
  public static Optional<FileType> of(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    for (FileType type : values()) {
      for (String e : type.extensions) {
        if (e.equals(extension)) {
          return Optional.of(type);
        }
      }
    }
    return Optional.empty();
  }
}
