package dev.feedserver.content;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Turns untrusted article HTML (scraped pages, Markdown output, feed content) into {@link SafeHtml}: the
 * subset of HTML that feed readers display, with no way to run script, load active content or leak the
 * reader's page to other sites.
 *
 * <p>What survives:
 * <ul>
 * <li>Text structure and inline formatting: {@code p br hr div span h1-h6 ul ol li dl dt dd blockquote q
 * cite table thead tbody tfoot tr th td caption colgroup col figure figcaption pre code kbd samp var em
 * strong b i u s del ins sub sup small mark abbr time}, links {@code a} and images {@code img}.</li>
 * <li>Only these attributes: {@code a[href title]}, {@code img[src srcset alt width height referrerpolicy
 * title]}, {@code td/th[colspan rowspan]}, {@code ol[start]}, {@code abbr[title]}, {@code time[datetime]},
 * {@code blockquote/q[cite]}, {@code h1-h6[id]} and {@code pre/code[class]}. No {@code style},
 * {@code data-*} or event handlers, and {@code class} and {@code id} only in two narrow forms:
 * <ul>
 * <li>{@code id} on a heading ({@code h1}-{@code h6}), as Markdown renderers set it for in-page anchors
 * ({@code <h2 id="Install">}), when it has at most 100 characters and no whitespace. Every other
 * {@code id} goes.</li>
 * <li>{@code class} on {@code pre} and {@code code} when it names the language of a code block,
 * {@code language-<word>} with a word of 1 to 40 ASCII letters, digits and {@code + # - _ .}
 * ({@code language-java}, {@code language-c++}); of several classes only that one is kept. Every other
 * {@code class} goes.</li>
 * </ul></li>
 * <li>URLs with an allowed scheme only: {@code http https mailto} for links, {@code http https} for images
 * and citations. Relative URLs are made absolute against the base URI; protocol-relative ones
 * ({@code //host/x}) become {@code https://host/x} so that pages served over https never get mixed
 * content. Each {@code srcset} candidate is resolved and checked the same way.</li>
 * <li>Every {@code a} with an {@code href} gets {@code rel="nofollow noopener noreferrer"} (an {@code a}
 * whose URL was dropped stays as a placeholder, without {@code rel}, which HTML allows on links only);
 * every {@code img} gets
 * {@code referrerpolicy="no-referrer"} unless it already has a valid policy (scraped images are often
 * behind hotlink checks). An {@code img} without a usable {@code src} is dropped.</li>
 * <li>Lazily loaded images show their real source: when {@code src} is missing, a {@code data:} URL or a
 * spacer ({@code blank.gif}, {@code spacer.gif}, {@code pixel.gif}, or {@code width="1" height="1"}), the
 * first of {@code data-src}, {@code data-original}, {@code data-actualsrc}, {@code data-lazy-src} becomes
 * {@code src} and {@code data-srcset} becomes {@code srcset} (its first candidate the {@code src} when no
 * other names one), then checked like any source.</li>
 * <li>Every {@code img} leaves with an {@code alt}: its own, else its {@code title}, else {@code alt=""}
 * (HTML requires one; an empty one marks the image decorative).</li>
 * </ul>
 *
 * <p>Removed together with their content: scripting, styling, embedded and interactive content
 * ({@code script style svg math noscript template iframe object embed applet form button input select
 * textarea canvas ...}) and document-level elements ({@code head title meta link base}). {@code audio}
 * and {@code video} are removed with their content too: their {@code source}s are not kept, so only the
 * fallback text would remain, which usually reads "your browser does not support video". Any other
 * element not listed above is unwrapped: its children are kept, the tag and its attributes are not (so
 * {@code picture} and {@code source} disappear but the {@code img} inside stays).
 *
 * <p>The output is a body fragment serialized without pretty printing, with the minimal ("base") entity
 * set and UTF-8 characters (CJK stays as characters), with every character XML 1.0 forbids removed and in
 * Unicode NFC. Sanitizing is idempotent: sanitizing the output again gives the same string.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class HtmlSanitizer {

  /** Elements removed together with everything inside them. */
  private static final String DROPPED_WITH_CONTENT = String.join(",",
      "script", "style", "svg", "math", "noscript", "template", "iframe", "frame", "frameset",
      "noframes", "object", "embed", "applet", "param", "noembed", "form", "button", "input", "select",
      "option", "optgroup", "datalist", "textarea", "canvas", "audio", "video", "track", "head",
      "title", "meta", "link", "base");
  // The selectors a body is cleaned with, parsed once (jsoup parses a selector string at every
  // select; its evaluators are thread-safe)
  private static final Evaluator DROPPED = Selector.evaluatorOf(DROPPED_WITH_CONTENT);
  private static final Evaluator IMAGES = Selector.evaluatorOf("img");
  private static final Evaluator WITH_URLS = Selector.evaluatorOf("[href], [src], [cite]");
  private static final Evaluator LINKS_WITHOUT_HREF = Selector.evaluatorOf("a:not([href])");
  private static final Evaluator CODE_WITH_CLASS = Selector.evaluatorOf("pre[class], code[class]");
  private static final Evaluator HEADINGS_WITH_ID =
      Selector.evaluatorOf("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]");

  private static final String[] KEPT_TAGS = {
    "p", "br", "hr", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "q", "cite",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
    "figure", "figcaption", "pre", "code", "kbd", "samp", "var", "a", "img",
    "em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup", "small", "mark", "abbr", "time",
  };

  /** Attributes holding a single URL; protocol-relative values in them are rewritten to https. */
  private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite");

  private static final String[] HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"};

  /** The longest heading {@code id} kept. */
  private static final int MAX_HEADING_ID_LENGTH = 100;

  /** The longest language name kept in a {@code language-*} class. */
  private static final int MAX_LANGUAGE_LENGTH = 40;

  /** The language class of a code block, as Markdown renderers write it. */
  private static final Pattern LANGUAGE_CLASS =
      Pattern.compile("language-[\\p{Alnum}+#\\-_.]{1," + MAX_LANGUAGE_LENGTH + "}");

  private static final String LINK_REL = "nofollow noopener noreferrer";
  private static final String DEFAULT_REFERRER_POLICY = "no-referrer";

  /** The tokens of the Referrer Policy spec (the empty string, meaning "default", is not accepted). */
  private static final Set<String> REFERRER_POLICIES = Set.of(
      "no-referrer", "no-referrer-when-downgrade", "same-origin", "origin", "strict-origin",
      "origin-when-cross-origin", "strict-origin-when-cross-origin", "unsafe-url");

  /** Where scraped pages keep a lazily loaded image's real source, in the order they are tried. */
  private static final List<String> LAZY_SOURCES = List.of("data-src", "data-original", "data-actualsrc", "data-lazy-src");

  /** File names of the transparent placeholders lazy loaders put in {@code src}. */
  private static final List<String> SPACER_NAMES = List.of("blank.gif", "spacer.gif", "pixel.gif");

  /** A srcset descriptor: width ({@code 640w}) or pixel density ({@code 2x}, {@code 1.5x}). */
  private static final Pattern SRCSET_DESCRIPTOR = Pattern.compile("\\d+w|(\\d+(\\.\\d*)?|\\.\\d+)x");

  /**
   * Re-parsing serialized HTML is not always a fixpoint: unwrapping an element that the parser treats as
   * a scope boundary (e.g. {@code marquee}) can leave {@code <p>} directly inside {@code <p>}, which parses
   * differently the next time. Sanitizing runs again until the output is stable; two passes suffice in
   * practice, the bound only guards against pathological input.
   */
  private static final int MAX_PASSES = 4;

  private final String baseUri;
  private final Cleaner cleaner;
  /** Whether heading ids and code language classes are kept: in Markdown's output only (see {@link #forMarkdown}). */
  private final boolean markdown;

  /**
   * @param baseUri absolute http(s) URI that relative URLs in the sanitized HTML are resolved against,
   *                e.g. {@code http://localhost:7070/}
   * @throws IllegalArgumentException if {@code baseUri} is not an absolute http or https URI with a host
   */
  public HtmlSanitizer(URI baseUri) {
    Objects.requireNonNull(baseUri, "baseUri");
    String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || baseUri.getHost() == null) {
      throw new IllegalArgumentException("base URI must be an absolute http(s) URI: " + baseUri);
    }
    this.baseUri = baseUri.toString();
    this.cleaner = new Cleaner(safelist());
    this.markdown = false;
  }

  private HtmlSanitizer(String baseUri, Cleaner cleaner, boolean markdown) {
    this.baseUri = baseUri;
    this.cleaner = cleaner;
    this.markdown = markdown;
  }

  /**
   * The same sanitizer for HTML that Markdown rendered: it also keeps the heading ids and the code
   * blocks' {@code language-*} classes the renderer wrote. A body written as HTML (a scraped page)
   * keeps neither, as it always has: its ids and classes are the scraped site's.
   */
  public HtmlSanitizer forMarkdown() {
    return new HtmlSanitizer(baseUri, cleaner, true);
  }

  /**
   * The same sanitizer resolving relative URLs against another base: a post's own URL, so that its
   * relative image and link URLs reach its asset folder.
   */
  public HtmlSanitizer forBase(URI base) {
    return new HtmlSanitizer(new HtmlSanitizer(base).baseUri, cleaner, markdown);
  }

  private static Safelist safelist() {
    Safelist safelist = new Safelist().addTags(KEPT_TAGS);
    for (String heading : HEADINGS) {
      safelist.addAttributes(heading, "id");
    }
    return safelist
        .addAttributes("a", "href", "title")
        .addAttributes("img", "src", "srcset", "alt", "width", "height", "referrerpolicy", "title")
        .addAttributes("td", "colspan", "rowspan")
        .addAttributes("th", "colspan", "rowspan")
        .addAttributes("ol", "start")
        .addAttributes("abbr", "title")
        .addAttributes("time", "datetime")
        .addAttributes("blockquote", "cite")
        .addAttributes("q", "cite")
        .addAttributes("pre", "class")
        .addAttributes("code", "class")
        // the Cleaner resolves these against the base URI and drops values with other schemes
        .addProtocols("a", "href", "http", "https", "mailto")
        .addProtocols("img", "src", "http", "https")
        .addProtocols("blockquote", "cite", "http", "https")
        .addProtocols("q", "cite", "http", "https")
        .addEnforcedAttribute("a", "rel", LINK_REL);
  }

  /**
   * Sanitizes an untrusted HTML body fragment.
   *
   * @param untrustedHtml HTML from any source; {@code null} is treated as empty
   * @return the safe subset, see the class description
   */
  public SafeHtml sanitize(String untrustedHtml) {
    // Surrounding whitespace means nothing in HTML, and XML pretty-printers trim it anyway:
    // stripping it keeps pages, feeds and what parsers read back identical.
    String html = sanitizeOnce(XmlText.clean(untrustedHtml)).strip();
    for (int pass = 1; pass < MAX_PASSES; pass++) {
      String again = sanitizeOnce(html).strip();
      if (again.equals(html)) {
        break;
      }
      html = again;
    }
    return html.isEmpty() ? SafeHtml.EMPTY : new SafeHtml(html);
  }

  /**
   * The text of sanitized HTML, with whitespace collapsed to single spaces and trimmed; for summaries,
   * titles and search.
   *
   * @param html sanitized HTML
   * @return the plain text, never {@code null}
   */
  public String plainText(SafeHtml html) {
    Objects.requireNonNull(html, "html");
    if (html.html().isEmpty()) {
      return "";
    }
    return XmlText.clean(Jsoup.parseBodyFragment(html.html(), baseUri).body().text());
  }

  /**
   * A plain-text summary: {@link #plainText(SafeHtml)} shortened with {@link XmlText#truncate(String, int)}.
   *
   * @param html          sanitized HTML
   * @param maxCodePoints maximum length of the summary in code points, including the ellipsis
   * @return the summary, never {@code null}
   */
  public String summarize(SafeHtml html, int maxCodePoints) {
    return XmlText.truncate(plainText(html), maxCodePoints);
  }

  /**
   * Resolves a single image URL that does not come from an article body (e.g. a front-matter cover
   * image) exactly as {@code img src} is resolved by {@link #sanitize(String)}: relative against the base
   * URI, protocol-relative to https, and only http(s) accepted.
   *
   * @param url an untrusted URL, may be {@code null}
   * @return the absolute http(s) URL, or empty if {@code url} is blank or has any other scheme
   */
  public Optional<String> absoluteImageUrl(String url) {
    String cleaned = XmlText.clean(url).strip();
    if (cleaned.isEmpty()) {
      return Optional.empty();
    }
    if (isPlainAbsoluteHttpUrl(cleaned)) {
      return Optional.of(cleaned); // the usual case, without jsoup's resolver
    }
    String resolved = resolve(cleaned);
    return isHttpUrl(resolved) ? Optional.of(resolved) : Optional.empty();
  }

  /** An http(s) URL with a host and nothing to resolve or clean: printable ASCII, no backslash. */
  private static boolean isPlainAbsoluteHttpUrl(String url) {
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      return false;
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= 0x20 || c >= 0x7F || c == '\\' || c == '"' || c == '<' || c == '>') {
        return false;
      }
    }
    try {
      java.net.URI uri = new java.net.URI(url);
      return uri.getHost() != null && !uri.getHost().isEmpty();
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private String sanitizeOnce(String html) {
    Document dirty = Jsoup.parseBodyFragment(html, baseUri);
    dirty.body().select(DROPPED).remove();
    for (Element img : dirty.body().select(IMAGES)) {
      revealLazySource(img); // before the Cleaner drops every data-* attribute
    }
    for (Element el : dirty.body().select(WITH_URLS)) {
      for (Attribute attr : el.attributes()) {
        if (URL_ATTRIBUTES.contains(attr.getKey())) {
          attr.setValue(httpsIfProtocolRelative(attr.getValue()));
        }
      }
    }

    Document clean = cleaner.clean(dirty);
    Element body = clean.body();
    for (Element img : body.select(IMAGES)) {
      fixImage(img);
    }
    // rel is for hyperlinks only: an a whose href was dropped stays as a placeholder, without it
    body.select(LINKS_WITHOUT_HREF).removeAttr("rel");
    cleanCharacters(body);
    // after cleanCharacters: NFC can change a value's length, and what is checked is what is written
    for (Element element : body.select(CODE_WITH_CLASS)) {
      if (markdown) {
        keepLanguageClassOnly(element);
      } else {
        element.removeAttr("class");
      }
    }
    for (Element heading : body.select(HEADINGS_WITH_ID)) {
      if (!markdown || !isHeadingId(heading.attr("id"))) {
        heading.removeAttr("id");
      }
    }

    clean.outputSettings()
        .prettyPrint(false)
        .escapeMode(Entities.EscapeMode.base)
        .charset(StandardCharsets.UTF_8);
    return XmlText.clean(body.html());
  }

  /** Reduces {@code class} to its first {@code language-*} class, or removes it if there is none. */
  private static void keepLanguageClassOnly(Element element) {
    for (String name : element.attr("class").split("[ \\t\\n\\f\\r]+")) {
      if (LANGUAGE_CLASS.matcher(name).matches()) {
        element.attr("class", name);
        return;
      }
    }
    element.removeAttr("class");
  }

  /** A heading id worth keeping: not empty, not too long, no whitespace of any kind. */
  private static boolean isHeadingId(String id) {
    if (id.isEmpty() || id.length() > MAX_HEADING_ID_LENGTH) {
      return false;
    }
    return id.codePoints().noneMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp));
  }

  /**
   * Scraped pages load images lazily: the real source sits in a {@code data-*} attribute and {@code
   * src} holds a placeholder (nothing, a {@code data:} URL, a spacer GIF or a 1×1 image), which a feed
   * reader would show as it is. When {@code src} is such a placeholder, the first of {@link
   * #LAZY_SOURCES} becomes {@code src}, and {@code data-srcset} becomes {@code srcset} (and gives
   * {@code src} its first candidate when no other attribute names one). A spacer's {@code width} and
   * {@code height} of 1 described the placeholder, not the image: they go. An image with a real
   * {@code src} keeps it. Runs before the Cleaner, which removes every {@code data-*} attribute, so
   * its output has none left and a second pass changes nothing.
   */
  private static void revealLazySource(Element img) {
    if (!isPlaceholder(img)) {
      return;
    }
    String lazy = "";
    for (String name : LAZY_SOURCES) {
      if (!img.attr(name).isBlank()) {
        lazy = img.attr(name).strip();
        break;
      }
    }
    String lazySrcset = img.attr("data-srcset").strip();
    if (!lazySrcset.isEmpty() && img.attr("srcset").isBlank()) {
      img.attr("srcset", lazySrcset);
      if (lazy.isEmpty()) {
        lazy = lazySrcset.split("[ \\t\\n\\f\\r,]+")[0];
      }
    }
    if (lazy.isEmpty()) {
      return;
    }
    if (isSpacerSize(img)) {
      img.removeAttr("width");
      img.removeAttr("height");
    }
    img.attr("src", httpsIfProtocolRelative(lazy));
  }

  /** Whether an image's {@code src} holds no picture of its own: missing, a data: URL, a spacer. */
  private static boolean isPlaceholder(Element img) {
    String src = img.attr("src").strip().toLowerCase(Locale.ROOT);
    if (src.isEmpty() || src.startsWith("data:") || isSpacerSize(img)) {
      return true;
    }
    String path = src.replaceFirst("[?#].*$", "");
    return SPACER_NAMES.stream().anyMatch(path::endsWith);
  }

  private static boolean isSpacerSize(Element img) {
    return img.attr("width").strip().equals("1") && img.attr("height").strip().equals("1");
  }

  /**
   * Gives the image an {@code alt}: its own, else its {@code title}, else empty (a decorative image,
   * as HTML requires an {@code alt} on every {@code img}).
   */
  private static void giveAlt(Element img) {
    if (!img.hasAttr("alt")) {
      img.attr("alt", img.attr("title"));
    }
  }

  /** Resolves srcset, drops the image if it has no src left, gives it an alt and sets the referrer policy. */
  private void fixImage(Element img) {
    if (img.hasAttr("srcset")) {
      String srcset = sanitizeSrcset(img.attr("srcset"));
      if (srcset.isEmpty()) {
        img.removeAttr("srcset");
      } else {
        img.attr("srcset", srcset);
      }
    }
    if (img.attr("src").isBlank()) {
      img.remove();
      return;
    }
    giveAlt(img);
    String policy = img.attr("referrerpolicy").trim().toLowerCase(Locale.ROOT);
    img.attr("referrerpolicy", REFERRER_POLICIES.contains(policy) ? policy : DEFAULT_REFERRER_POLICY);
  }

  /**
   * Resolves every candidate of a {@code srcset} and keeps those with an http(s) URL and a well-formed
   * descriptor. Candidates are split as in the HTML spec: a URL is a run of non-whitespace characters,
   * so a comma inside a URL ({@code a.jpg?crop=1,2}) belongs to it, and a comma ends the candidate only
   * when it comes after the URL (trailing {@code a.jpg,}) or after the descriptor ({@code a.jpg 2x,}).
   *
   * @return the candidates joined with {@code ", "}, or {@code ""} if none is usable
   */
  private String sanitizeSrcset(String srcset) {
    List<String> kept = new ArrayList<>();
    int pos = 0;
    int len = srcset.length();
    while (pos < len) {
      while (pos < len && (isHtmlSpace(srcset.charAt(pos)) || srcset.charAt(pos) == ',')) {
        pos++;
      }
      if (pos == len) {
        break;
      }
      int urlStart = pos;
      while (pos < len && !isHtmlSpace(srcset.charAt(pos))) {
        pos++;
      }
      String url = srcset.substring(urlStart, pos);
      String descriptor = "";
      if (url.endsWith(",")) {
        url = url.replaceFirst(",+$", "");
      } else {
        int descriptorStart = pos;
        while (pos < len && srcset.charAt(pos) != ',') {
          pos++;
        }
        descriptor = srcset.substring(descriptorStart, pos).trim();
        pos++; // past the comma
      }
      String resolved = resolve(url).replace(" ", "%20");
      if (isHttpUrl(resolved) && (descriptor.isEmpty() || SRCSET_DESCRIPTOR.matcher(descriptor).matches())) {
        kept.add(descriptor.isEmpty() ? resolved : resolved + " " + descriptor);
      }
    }
    return String.join(", ", kept);
  }

  /** Resolves a URL against the base URI as the Cleaner does for href and src. */
  private String resolve(String url) {
    String candidate = httpsIfProtocolRelative(url);
    Element probe = new Element(Tag.valueOf("a"), baseUri).attr("href", candidate);
    return probe.absUrl("href");
  }

  /**
   * Cleans text and attribute values at DOM level, before serialization: removes characters XML forbids
   * (entity references such as {@code &#xFFFE;} were decoded into them), applies NFC, and drops combining
   * marks at the start of a text that directly follows markup. Such a mark would otherwise be serialized
   * right after a tag's {@code >}, and NFC turns {@code ">"} + U+0338 into {@code "≯"}, destroying the tag
   * end and turning the following text into attributes.
   */
  private static void cleanCharacters(Element root) {
    root.traverse((node, depth) -> {
      if (node instanceof TextNode text) {
        String value = XmlText.clean(text.getWholeText());
        if (followsMarkup(text)) {
          value = stripLeadingCombiningMarks(value);
        }
        text.text(value);
      } else if (node instanceof Element element) {
        for (Attribute attr : element.attributes()) {
          attr.setValue(XmlText.clean(attr.getValue()));
        }
      }
    });
  }

  private static boolean followsMarkup(TextNode text) {
    Node previous = text.previousSibling();
    while (previous instanceof TextNode t && t.getWholeText().isEmpty()) {
      previous = previous.previousSibling();
    }
    return !(previous instanceof TextNode);
  }

  private static String stripLeadingCombiningMarks(String s) {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int type = Character.getType(cp);
      if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
          && type != Character.COMBINING_SPACING_MARK) {
        break;
      }
      i += Character.charCount(cp);
    }
    return s.substring(i);
  }

  /**
   * Rewrites a protocol-relative URL ({@code //host/x}) to {@code https://host/x}. Leading whitespace and
   * control characters, and tabs and newlines anywhere, are ignored as browsers do; a backslash counts as
   * a slash, again as in browsers for http(s) bases.
   */
  private static String httpsIfProtocolRelative(String url) {
    StringBuilder stripped = new StringBuilder(url.length());
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r' || (stripped.length() == 0 && c <= ' ')) {
        continue;
      }
      stripped.append(c);
    }
    if (stripped.length() >= 2 && isSlash(stripped.charAt(0)) && isSlash(stripped.charAt(1))) {
      return "https://" + stripped.substring(2);
    }
    return url;
  }

  private static boolean isSlash(char c) {
    return c == '/' || c == '\\';
  }

  private static boolean isHtmlSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static boolean isHttpUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }
}
