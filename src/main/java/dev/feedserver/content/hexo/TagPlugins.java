package dev.feedserver.content.hexo;

import static dev.feedserver.content.hexo.TagOutput.escape;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hexo's tag plugins, rendered to plain HTML that a feed reader shows: what a tag means (an image, a
 * quote, a code listing, a link) without the scripts, frames and classes of a theme. The argument
 * syntax follows Hexo's own implementation (lib/plugins/tag/*.js) and the common theme tags.
 *
 * <p>Immutable and thread-safe.
 */
final class TagPlugins {

  /** Options of {@code {% codeblock %}} that only affect highlighting, which feeds do without. */
  private static final Set<String> CODE_OPTIONS = Set.of(
      "line_number", "line_threshold", "first_line", "mark", "wrap", "language_attr", "highlight");

  // lib/plugins/tag/code.js
  private static final Pattern CAPTION_URL_TITLE = Pattern.compile("(?i)(\\S[\\S\\s]*)\\s+(https?://\\S+)\\s+(.+)");
  private static final Pattern CAPTION_URL = Pattern.compile("(?i)(\\S[\\S\\s]*)\\s+(https?://\\S+)");

  // lib/plugins/tag/blockquote.js
  private static final Pattern CITE_URL_TITLE = Pattern.compile("(?i)(\\S.*)\\s+(https?://\\S+)\\s+(.+)");
  private static final Pattern CITE_URL = Pattern.compile("(?i)(\\S.*)\\s+(https?://\\S+)");
  private static final Pattern AUTHOR_TITLE = Pattern.compile("([^,]+),\\s*([^,]+)");
  private static final Pattern SHOWN_URL = Pattern.compile("^https?://|/(index.html?)?$");

  // lib/plugins/tag/img.js: the title and alt text after the URL, width and height
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final String META_DOUBLE_QUOTE = "\"?([^\"]+)?\"?";
  private static final String META_SINGLE_QUOTE = "'?([^']+)?'?";

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern FILE_NAME = Pattern.compile(".+\\.[A-Za-z0-9]{1,5}");

  /** How the scanner treats a tag name. */
  static TagScanner.Kind kindOf(String name) {
    return switch (name) {
      case "codeblock", "code" -> TagScanner.Kind.VERBATIM;
      case "raw", "verbatim" -> TagScanner.Kind.RAW;
      case "blockquote", "quote", "pullquote", "note", "alert" -> TagScanner.Kind.MARKDOWN;
      case "img", "image", "link", "a", "anchor", "asset_img", "asset_image", "asset_link", "asset_path",
          "post_link", "post_path", "youtube", "vimeo", "gist", "jsfiddle", "iframe" -> TagScanner.Kind.SINGLE;
      default -> TagScanner.Kind.UNKNOWN;
    };
  }

  /** Renders a well-formed tag; a block tag has its body, a single tag has none. */
  TagOutput render(TagCall call, TagEnvironment environment) {
    List<String> args = call.arguments();
    return switch (call.name()) {
      case "codeblock", "code" -> codeBlock(args, call.body());
      case "raw", "verbatim" -> new TagOutput(call.body(), call.body(), true);
      case "blockquote", "quote" -> blockquote(call, environment);
      case "pullquote", "note", "alert" -> TagOutput.block(
          "<blockquote>" + environment.renderMarkdown(call.body(), call.bodyLine()) + "</blockquote>");
      case "img", "image" -> image(call, environment);
      case "link", "a", "anchor" -> link(call, environment);
      case "asset_img", "asset_image" -> assetImage(call, environment);
      case "asset_link" -> assetLink(call, environment);
      case "asset_path" -> assetPath(call, environment);
      case "post_link" -> postLink(call, environment);
      case "post_path" -> postPath(call, environment);
      case "youtube", "vimeo", "gist", "jsfiddle", "iframe" -> embedLink(call, environment);
      default -> unknown(call, environment);
    };
  }

  private static TagOutput unknown(TagCall call, TagEnvironment environment) {
    if (call.body() == null) {
      environment.warn(call.line(), "{% " + call.name() + " %} is not a known tag: dropped");
      return TagOutput.EMPTY;
    }
    environment.warn(call.line(), "{% " + call.name() + " %} is not a known tag: its content is kept, "
        + "its markup dropped");
    return TagOutput.block(environment.renderMarkdown(call.body(), call.bodyLine()));
  }

  /** {@code {% codeblock [title] [lang:language] [url] [link text] [option:value...] %}}. */
  private static TagOutput codeBlock(List<String> args, String body) {
    String language = "";
    List<String> captionWords = new ArrayList<>();
    for (String arg : args) {
      int colon = arg.indexOf(':');
      String key = colon < 0 ? "" : arg.substring(0, colon);
      if (key.equals("lang")) {
        language = arg.substring(colon + 1);
      } else if (!CODE_OPTIONS.contains(key)) {
        captionWords.add(arg);
      }
    }
    String caption = caption(String.join(" ", captionWords));
    StringBuilder html = new StringBuilder(body.length() + 64);
    if (!caption.isEmpty()) {
      html.append("<figure><figcaption>").append(caption).append("</figcaption>");
    }
    html.append("<pre><code");
    if (!language.isEmpty()) {
      html.append(" class=\"language-").append(escape(language)).append('"');
    }
    html.append('>').append(escape(body));
    if (!body.isEmpty()) {
      html.append('\n'); // as commonmark ends the content of a fenced code block
    }
    html.append("</code></pre>");
    if (!caption.isEmpty()) {
      html.append("</figure>");
    }
    return new TagOutput(html.toString(), body, true);
  }

  private static String caption(String words) {
    Matcher matcher;
    if ((matcher = CAPTION_URL_TITLE.matcher(words)).find()) {
      return escape(matcher.group(1)) + " " + anchor(matcher.group(2), escape(matcher.group(3)));
    }
    if ((matcher = CAPTION_URL.matcher(words)).find()) {
      return escape(matcher.group(1)) + " " + anchor(matcher.group(2), "link");
    }
    return escape(words.strip());
  }

  /**
   * {@code {% blockquote [author[, source]] [link] [source_link_title] %}}: the body as Markdown and a
   * last paragraph "— author, source" with the source in {@code <cite>}, linked if there is a link.
   */
  private static TagOutput blockquote(TagCall call, TagEnvironment environment) {
    String words = String.join(" ", call.arguments());
    String author = words;
    String source = "";
    String title = "";
    Matcher matcher;
    if ((matcher = CITE_URL_TITLE.matcher(words)).find()) {
      author = matcher.group(1);
      source = matcher.group(2);
      title = matcher.group(3);
    } else if ((matcher = CITE_URL.matcher(words)).find()) {
      author = matcher.group(1);
      source = matcher.group(2);
    } else if ((matcher = AUTHOR_TITLE.matcher(words)).find()) {
      author = matcher.group(1);
      title = matcher.group(2);
    }
    StringBuilder html = new StringBuilder("<blockquote");
    if (!source.isEmpty()) {
      html.append(" cite=\"").append(escape(source)).append('"');
    }
    html.append('>').append(environment.renderMarkdown(call.body(), call.bodyLine()));
    List<String> footer = new ArrayList<>();
    if (!author.isBlank()) {
      footer.add("<strong>" + escape(author.strip()) + "</strong>");
    }
    if (!source.isEmpty()) {
      String shown = title.isEmpty() ? SHOWN_URL.matcher(source).replaceAll("") : title;
      footer.add("<cite>" + anchor(source, escape(shown)) + "</cite>");
    } else if (!title.isBlank()) {
      footer.add("<cite>" + escape(title.strip()) + "</cite>");
    }
    if (!footer.isEmpty()) {
      html.append("<p>\u2014 ").append(String.join(", ", footer)).append("</p>");
    }
    return TagOutput.block(html.append("</blockquote>").toString());
  }

  /** {@code {% img [class names] /path/to/image [width] [height] [title text [alt text]] %}}. */
  private static TagOutput image(TagCall call, TagEnvironment environment) {
    List<String> args = call.arguments();
    for (int i = 0; i < args.size(); i++) {
      if (isImageSource(args.get(i))) {
        return imageElement(args.get(i), args.subList(i + 1, args.size()));
      }
    }
    environment.warn(call.line(), "{% " + call.name() + " %} without an image URL: dropped");
    return TagOutput.EMPTY;
  }

  /**
   * {@code {% asset_img [class names] file [width] [height] [title text [alt text]] %}}: the first argument
   * that names a file of the post's asset folder is the image.
   */
  private static TagOutput assetImage(TagCall call, TagEnvironment environment) {
    List<String> args = call.arguments();
    for (int i = 0; i < args.size(); i++) {
      Optional<String> url = environment.context().findAsset(args.get(i));
      if (url.isPresent()) {
        return imageElement(url.get(), args.subList(i + 1, args.size()));
      }
    }
    String file = args.stream().filter(TagPlugins::isImageSource).findFirst()
        .orElse(args.isEmpty() ? "" : args.get(0));
    environment.warn(call.line(), "{% " + call.name() + " %}: no file '" + file
        + "' in the post's asset folder: dropped");
    return TagOutput.EMPTY;
  }

  /** An image from its URL and the arguments after it: {@code [width] [height] [title text [alt text]]}. */
  private static TagOutput imageElement(String src, List<String> after) {
    List<String> rest = new ArrayList<>(after);
    String width = null;
    String height = null;
    String title = null;
    String alt = null;
    if (!rest.isEmpty() && DIGITS.matcher(rest.get(0)).matches()) {
      width = rest.remove(0);
      if (!rest.isEmpty() && DIGITS.matcher(rest.get(0)).matches()) {
        height = rest.remove(0);
      }
    }
    if (!rest.isEmpty()) {
      String meta = String.join(" ", rest);
      String titlePattern = meta.startsWith("\"") ? META_DOUBLE_QUOTE : META_SINGLE_QUOTE;
      String altPattern = meta.endsWith("\"") ? META_DOUBLE_QUOTE : META_SINGLE_QUOTE;
      Matcher matcher = Pattern.compile(titlePattern + "\\s*" + altPattern).matcher(meta);
      if (matcher.lookingAt()) {
        title = matcher.group(1);
        alt = matcher.group(2);
      }
    }
    // Hexo writes no alt when none is given; the title says what the image shows just as well
    String altText = alt != null ? alt : title != null ? title : "";
    StringBuilder html = new StringBuilder("<img src=\"").append(escape(src)).append('"');
    if (width != null) {
      html.append(" width=\"").append(width).append('"');
    }
    if (height != null) {
      html.append(" height=\"").append(height).append('"');
    }
    if (title != null) {
      html.append(" title=\"").append(escape(title)).append('"');
    }
    html.append(" alt=\"").append(escape(altText)).append("\">");
    return TagOutput.inline(html.toString(), altText);
  }

  /** {@code {% link text url [external] [title] %}}: the words before the first URL are the text. */
  private static TagOutput link(TagCall call, TagEnvironment environment) {
    List<String> args = call.arguments();
    int urlIndex = 0;
    while (urlIndex < args.size() && !isLinkUrl(args.get(urlIndex))) {
      urlIndex++;
    }
    String text = String.join(" ", args.subList(0, Math.min(urlIndex, args.size())));
    if (urlIndex == args.size()) {
      environment.warn(call.line(), "{% " + call.name() + " %} without a URL: only its text is kept");
      return TagOutput.inline(escape(text), text);
    }
    String written = args.get(urlIndex);
    String url = written.regionMatches(true, 0, "www.", 0, 4) ? "http://" + written : written;
    List<String> rest = new ArrayList<>(args.subList(urlIndex + 1, args.size()));
    if (!rest.isEmpty() && (rest.get(0).equals("true") || rest.get(0).equals("false"))) {
      rest.remove(0); // "open in a new window": readers decide that
    }
    String label = text.isEmpty() ? written : text;
    String title = String.join(" ", rest);
    StringBuilder html = new StringBuilder("<a href=\"").append(escape(url)).append('"');
    if (!title.isEmpty()) {
      html.append(" title=\"").append(escape(title)).append('"');
    }
    html.append('>').append(escape(label)).append("</a>");
    return TagOutput.inline(html.toString(), label);
  }

  /** {@code {% asset_link file [title] [escape] %}}. */
  private static TagOutput assetLink(TagCall call, TagEnvironment environment) {
    List<String> args = new ArrayList<>(call.arguments());
    if (args.isEmpty()) {
      environment.warn(call.line(), "{% asset_link %} without a file name: dropped");
      return TagOutput.EMPTY;
    }
    String file = args.remove(0);
    boolean escapeTitle = removeEscapeFlag(args);
    String title = args.isEmpty() ? file : String.join(" ", args);
    String shown = escapeTitle ? escape(title) : title;
    Optional<String> url = environment.context().findAsset(file);
    if (url.isEmpty()) {
      environment.warn(call.line(), "{% asset_link %}: no file '" + file + "' in the post's asset folder: "
          + "only its title is kept");
      return TagOutput.inline(shown, title);
    }
    return TagOutput.inline("<a href=\"" + escape(url.get()) + "\" title=\"" + escape(title) + "\">" + shown
        + "</a>", title);
  }

  /** {@code {% asset_path file %}}: the URL as text, for a link or image destination. */
  private static TagOutput assetPath(TagCall call, TagEnvironment environment) {
    String file = call.arguments().isEmpty() ? "" : call.arguments().get(0);
    Optional<String> url = environment.context().findAsset(file);
    if (url.isEmpty()) {
      environment.warn(call.line(), "{% asset_path %}: no file '" + file + "' in the post's asset folder: "
          + "dropped");
      return TagOutput.EMPTY;
    }
    return TagOutput.inline(escape(url.get()), url.get());
  }

  /** {@code {% post_link slug[#anchor] [title] [escape] %}}. */
  private static TagOutput postLink(TagCall call, TagEnvironment environment) {
    List<String> args = new ArrayList<>(call.arguments());
    if (args.isEmpty()) {
      environment.warn(call.line(), "{% post_link %} without a post: dropped");
      return TagOutput.EMPTY;
    }
    String target = args.remove(0);
    boolean escapeTitle = removeEscapeFlag(args);
    int hash = target.indexOf('#');
    String slug = hash < 0 ? target : target.substring(0, hash);
    Optional<PostLink> post = environment.context().findPost(slug);
    String postTitle = post.map(PostLink::title).filter(t -> !t.isBlank()).orElse(slug);
    String title = args.isEmpty() ? postTitle : String.join(" ", args);
    String shown = escapeTitle ? escape(title) : title;
    if (post.isEmpty()) {
      environment.warn(call.line(), "{% post_link %}: no post '" + slug + "': only its title is kept");
      return TagOutput.inline(shown, title);
    }
    String url = post.get().url() + (hash < 0 ? "" : target.substring(hash));
    return TagOutput.inline("<a href=\"" + escape(url) + "\" title=\"" + escape(postTitle) + "\">" + shown
        + "</a>", title);
  }

  /** {@code {% post_path slug[#anchor] %}}: the URL as text. */
  private static TagOutput postPath(TagCall call, TagEnvironment environment) {
    String target = call.arguments().isEmpty() ? "" : call.arguments().get(0);
    int hash = target.indexOf('#');
    String slug = hash < 0 ? target : target.substring(0, hash);
    Optional<PostLink> post = environment.context().findPost(slug);
    if (post.isEmpty()) {
      environment.warn(call.line(), "{% post_path %}: no post '" + slug + "': dropped");
      return TagOutput.EMPTY;
    }
    String url = post.get().url() + (hash < 0 ? "" : target.substring(hash));
    return TagOutput.inline(escape(url), url);
  }

  /**
   * {@code {% youtube id [playlist] %}}, {@code {% vimeo id %}}, {@code {% gist user/id [file] %}},
   * {@code {% jsfiddle id %}}, {@code {% iframe url [width] [height] %}}: feeds carry no frames, so a link
   * to the page, with its URL as text.
   */
  private static TagOutput embedLink(TagCall call, TagEnvironment environment) {
    List<String> args = call.arguments();
    if (args.isEmpty()) {
      environment.warn(call.line(), "{% " + call.name() + " %} without an id or URL: dropped");
      return TagOutput.EMPTY;
    }
    String id = pathSegments(args.get(0));
    String url = switch (call.name()) {
      case "youtube" -> args.size() > 1 && args.get(1).equals("playlist")
          ? "https://www.youtube.com/playlist?list=" + id : "https://www.youtube.com/watch?v=" + id;
      case "vimeo" -> "https://vimeo.com/" + id;
      case "gist" -> "https://gist.github.com/" + id + (args.size() > 1 ? "#file-" + gistAnchor(args.get(1)) : "");
      case "jsfiddle" -> "https://jsfiddle.net/" + id + "/";
      default -> args.get(0);
    };
    return TagOutput.inline(anchor(url, escape(url)), url);
  }

  /** GitHub's anchor for a file of a gist: lower case, runs of other characters than letters and digits as '-'. */
  private static String gistAnchor(String file) {
    return file.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
  }

  /** An id as URL path segments: letters, digits, {@code . _ ~ - /} as they are, the rest percent-encoded. */
  private static String pathSegments(String id) {
    StringBuilder out = new StringBuilder(id.length());
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ".-_~/".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  private static String anchor(String url, String html) {
    return "<a href=\"" + escape(url) + "\">" + html + "</a>";
  }

  /** Removes a trailing {@code true}/{@code false} argument; whether the title is to be escaped (default yes). */
  private static boolean removeEscapeFlag(List<String> args) {
    if (!args.isEmpty()) {
      String last = args.get(args.size() - 1);
      if (last.equals("true") || last.equals("false")) {
        args.remove(args.size() - 1);
        return last.equals("true");
      }
    }
    return true;
  }

  /**
   * Whether an argument of {@code {% img %}} is the image: a URL or a path. Hexo also takes only URLs and
   * paths from the site root; a plain file name ({@code photo.jpg}) counts too here, where Hexo would
   * take it for a class name.
   */
  private static boolean isImageSource(String arg) {
    return SCHEME.matcher(arg).find() || arg.startsWith("/") || arg.startsWith(".") || arg.contains("/")
        || arg.regionMatches(true, 0, "www.", 0, 4) || FILE_NAME.matcher(arg).matches();
  }

  /** Whether an argument of {@code {% link %}} is the URL: with a scheme, {@code www.}, or a path. */
  private static boolean isLinkUrl(String arg) {
    return (SCHEME.matcher(arg).find() && (arg.contains("//") || arg.regionMatches(true, 0, "mailto:", 0, 7)))
        || arg.regionMatches(true, 0, "www.", 0, 4) || arg.startsWith("/") || arg.startsWith("#")
        || arg.startsWith("./") || arg.startsWith("../");
  }
}
