package dev.feedserver.content.hexo;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the body of a Hexo post to HTML the way Hexo publishes it with its default renderer
 * (hexo-renderer-marked): Markdown with GitHub's extensions, line breaks and heading ids, and Hexo's tag
 * plugins ({@code {% codeblock %}}, {@code {% asset_img %}}, {@code {% post_link %}} ...) as plain HTML
 * that feed readers show. Also cuts the excerpt at {@code <!-- more -->}.
 *
 * <p>As in Hexo, tags are rendered after Markdown: each tag outside code is swapped for a placeholder,
 * Markdown renders, and the placeholders are replaced with the tags' HTML. In code ({@code `...`},
 * fenced and indented code blocks) {@code {% %}} is text.
 *
 * <p>What each tag renders to:
 * <ul>
 * <li>{@code codeblock}, {@code code}: {@code <pre><code class="language-xxx">} with the body escaped, in a
 * {@code <figure>} with a {@code <figcaption>} if the tag has a title or link.</li>
 * <li>{@code blockquote} ({@code quote}): {@code <blockquote>} with the body as Markdown and a last
 * paragraph "— <strong>author</strong>, <cite>source</cite>", the source linked if a URL is given;
 * {@code pullquote} and the theme tags {@code note} and {@code alert}: {@code <blockquote>} with the body
 * as Markdown.</li>
 * <li>{@code img} ({@code image}), {@code asset_img} ({@code asset_image}): {@code <img>} with width,
 * height, title and alt (the title when no alt is given).</li>
 * <li>{@code link} ({@code a}, {@code anchor}), {@code asset_link}, {@code post_link}: {@code <a>};
 * {@code asset_path}, {@code post_path}: the URL as text, for use in {@code [text](...)} and
 * {@code ![alt](...)}.</li>
 * <li>{@code youtube}, {@code vimeo}, {@code gist}, {@code jsfiddle}, {@code iframe}: a link to the page
 * with its URL as text, a paragraph of its own when the tag stands alone; feeds carry no frames.</li>
 * <li>{@code raw} ({@code verbatim}): the body as it is.</li>
 * <li>Any other tag: a block tag (one with an end tag) keeps its body rendered as Markdown, a single tag
 * renders to nothing (its arguments are mostly options, not text). Both are reported.</li>
 * </ul>
 * A tag that cannot render (a missing asset or post, an end tag without opening tag, a block tag without
 * end tag) is dropped or reduced to its text and reported as a {@link TagWarning}; the rest of the post
 * renders as usual. {@code {{ ... }}} is text.
 *
 * <p>The HTML is not sanitized: raw HTML of the post passes through, and tags produce only elements and
 * attributes that {@link dev.feedserver.content.HtmlSanitizer} keeps. Callers sanitize the result.
 *
 * <p>Immutable and thread-safe; build one and share it.
 */
public final class HexoRenderer {

  /** Hexo's excerpt marker (lib/plugins/filter/after_post_render/excerpt.js). */
  private static final Pattern MORE = Pattern.compile("<!--\\s*more\\s*-->");

  private final MarkdownEngine markdown = new MarkdownEngine();
  private final TagPlugins plugins = new TagPlugins();
  private final TagScanner scanner = new TagScanner(TagPlugins::kindOf);

  public HexoRenderer() {
  }

  /**
   * Renders a Markdown post body: tags, Markdown, excerpt. Never throws on content.
   *
   * @param markdownBody the body after the front matter; {@code null} counts as empty
   * @param context      the post's assets and the other posts, for the tags that link to them
   */
  public RenderedBody render(String markdownBody, PostContext context) {
    Objects.requireNonNull(context, "context");
    String body = normalizeLineBreaks(markdownBody);
    PostRender post = new PostRender(markdown, plugins, scanner, context, body);
    return rendered(post.renderMarkdown(body, 0), post);
  }

  /**
   * Renders the tags of an HTML post body (Hexo renders tags in {@code .html} posts too) and cuts its
   * excerpt; the HTML itself stays as it is. Bodies of block tags are Markdown, as in Hexo. Tags in
   * {@code <code>} elements are text.
   *
   * @param htmlBody the body after the front matter; {@code null} counts as empty
   * @param context  the post's assets and the other posts, for the tags that link to them
   */
  public RenderedBody renderHtml(String htmlBody, PostContext context) {
    Objects.requireNonNull(context, "context");
    String body = normalizeLineBreaks(htmlBody);
    PostRender post = new PostRender(markdown, plugins, scanner, context, body);
    return rendered(post.renderHtml(body), post);
  }

  private static RenderedBody rendered(String html, PostRender post) {
    Matcher more = MORE.matcher(html);
    Optional<String> excerpt = more.find() ? Optional.of(html.substring(0, more.start()).strip()) : Optional.empty();
    return new RenderedBody(html, excerpt, post.warnings());
  }

  /** CR LF and lone CR become LF, so that lines and offsets agree everywhere. */
  private static String normalizeLineBreaks(String text) {
    if (text == null) {
      return "";
    }
    return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
  }
}
