package dev.feedserver.site;

import dev.feedserver.content.Category;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The only place a URL, a route pattern or an entry id is built.
 *
 * <p>URL scheme (paths relative to the base URL):
 *
 * <pre>
 *   /                               index: categories with counts, latest entries
 *   /rss.xml, /atom.xml             whole-site feeds
 *   /category/{name}                category page
 *   /category/{name}/rss.xml        category feeds
 *   /category/{name}/atom.xml
 *   /entry/{id}                     permalink page
 * </pre>
 *
 * Names and ids are percent-encoded as UTF-8, every byte outside RFC 3986's unreserved set encoded
 * (so {@code /}, {@code ?}, {@code #}, {@code +} and spaces stay inside their segment). Entry ids
 * are {@code tag:} URIs built from the configured authority and the article id, independent of the
 * base URL, its scheme and the article's categories.
 */
public final class Links {
  private static final String CATEGORY = "category";
  private static final String ENTRY = "entry";

  private final URI base;
  private final String idAuthority;

  /**
   * @param baseUrl absolute base URL ending in {@code /}
   * @param idAuthority tagging entity of entry ids, e.g. {@code example.org,2026}
   */
  public Links(URI baseUrl, String idAuthority) {
    this.base = Objects.requireNonNull(baseUrl);
    this.idAuthority = Objects.requireNonNull(idAuthority);
  }

  // ---- server-relative paths (the keys responses are stored under) ----

  public String indexPath() {
    return "/";
  }

  public String siteFeedPath(FeedFormat format) {
    return "/" + format.fileName();
  }

  public String categoryPath(String name) {
    return "/" + CATEGORY + "/" + encode(name);
  }

  public String categoryFeedPath(String name, FeedFormat format) {
    return categoryPath(name) + "/" + format.fileName();
  }

  /** The site's feed ({@code category} empty) or a category's feed. */
  public String feedPath(Optional<String> category, FeedFormat format) {
    return category.map(c -> categoryFeedPath(c, format)).orElseGet(() -> siteFeedPath(format));
  }

  public String entryPath(String id) {
    return "/" + ENTRY + "/" + encode(id);
  }

  // ---- absolute URLs (what pages and feeds link to) ----

  /** The absolute URL of a server-relative path built above. */
  public String absolute(String path) {
    String b = base.toString();
    return b.substring(0, b.length() - 1) + path;
  }

  public String index() {
    return absolute(indexPath());
  }

  public String siteFeed(FeedFormat format) {
    return absolute(siteFeedPath(format));
  }

  public String category(String name) {
    return absolute(categoryPath(name));
  }

  public String categoryFeed(String name, FeedFormat format) {
    return absolute(categoryFeedPath(name, format));
  }

  /**
   * The absolute URL of one page of a feed (RFC 5005 paging): the feed's own URL for page 1 at the
   * default size, else with {@code ?page=N} and/or {@code limit=N}.
   */
  public String feedPage(Optional<String> category, FeedFormat format, int page, OptionalInt limit) {
    String url = absolute(feedPath(category, format));
    StringBuilder query = new StringBuilder();
    if (page > 1) {
      query.append("page=").append(page);
    }
    limit.ifPresent(n -> query.append(query.length() > 0 ? "&" : "").append("limit=").append(n));
    return query.length() == 0 ? url : url + "?" + query;
  }

  public String entry(String id) {
    return absolute(entryPath(id));
  }

  /** The entry's permanent id: {@code tag:<authority>:<percent-encoded article id>}. */
  public String entryTag(String id) {
    return "tag:" + idAuthority + ":" + encode(id);
  }

  /** The permanent id of a feed (Atom {@code feed/id}): {@code tag:<authority>:feed/<...>}. */
  public String feedTag(Optional<String> category) {
    return "tag:" + idAuthority + ":feed" + category.map(c -> "/category/" + encode(c)).orElse("");
  }

  /**
   * The canonical path of a request's raw (still percent-encoded) path, as the responses are
   * stored under: names and ids are decoded (escaped or raw UTF-8 alike), category names
   * normalized as categories are compared, and one trailing slash ignored. Empty when the path
   * cannot name anything we serve.
   */
  public Optional<String> canonicalPath(String rawPath) {
    String path = rawPath.endsWith("/") && rawPath.length() > 1
        ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    if (path.equals("/") || path.isEmpty()) {
      return Optional.of(indexPath());
    }
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    String[] s = path.substring(1).split("/", -1);
    if (s.length == 1) {
      return format(s[0]).map(this::siteFeedPath);
    }
    if (s.length == 2 && s[0].equals(ENTRY)) {
      return decode(s[1]).map(this::entryPath);
    }
    if (s[0].equals(CATEGORY) && (s.length == 2 || s.length == 3)) {
      Optional<String> name = decode(s[1]).map(Category::key).filter(n -> !n.isEmpty());
      if (s.length == 2) {
        return name.map(this::categoryPath);
      }
      return format(s[2]).flatMap(f -> name.map(n -> categoryFeedPath(n, f)));
    }
    return Optional.empty();
  }

  /** The format whose file name is {@code fileName}, if any. */
  static Optional<FeedFormat> format(String fileName) {
    for (FeedFormat f : FeedFormat.values()) {
      if (f.fileName().equals(fileName)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * Percent-encodes UTF-8 bytes outside RFC 3986's unreserved characters. A segment that is
   * exactly {@code .} or {@code ..} is written {@code %2E} or {@code %2E%2E}: as a raw dot-segment
   * every client would resolve it away (RFC 3986 section 5.2.4) before the request is sent.
   */
  static String encode(String segment) {
    if (segment.equals(".") || segment.equals("..")) {
      return "%2E".repeat(segment.length());
    }
    byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /**
   * Decodes one path segment as a request carries it: percent-escapes as UTF-8, raw characters as
   * they are. Empty when the escapes are malformed or the bytes are not UTF-8.
   */
  static Optional<String> decode(String segment) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
    byte[] raw = segment.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%') {
        if (i + 2 >= raw.length) {
          return Optional.empty();
        }
        int hi = Character.digit(raw[i + 1], 16);
        int lo = Character.digit(raw[i + 2], 16);
        if (hi < 0 || lo < 0) {
          return Optional.empty();
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else {
        bytes.write(raw[i]);
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (java.nio.charset.CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
