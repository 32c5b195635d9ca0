package dev.feedserver.content.hexo;

import dev.feedserver.content.HtmlSanitizer;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** The site around the test posts: the asset folder of the post being rendered, the other posts. */
final class TestSite {

  static final String ORIGIN = "http://feeds.test/";
  static final String ASSETS = ORIGIN + "2024/05/feeds-101/";

  private static final Map<String, String> ASSET_URLS = Map.of(
      "diagram.png", ASSETS + "diagram.png",
      "report.pdf", ASSETS + "report.pdf",
      "slides v2.pdf", ASSETS + "slides%20v2.pdf");

  private static final Map<String, PostLink> POSTS = Map.of(
      "hello-world", new PostLink(ORIGIN + "2024/01/hello-world/", "Hello, World"),
      "untitled", new PostLink(ORIGIN + "2024/02/untitled/", ""));

  static final PostContext CONTEXT = new PostContext(
      file -> Optional.ofNullable(ASSET_URLS.get(file)),
      slug -> Optional.ofNullable(POSTS.get(slug)));

  /** What the server runs Markdown output through: heading ids and code language classes kept. */
  static final HtmlSanitizer SANITIZER = new HtmlSanitizer(URI.create(ORIGIN)).forMarkdown();

  static final HexoRenderer RENDERER = new HexoRenderer();

  static final String REL = "rel=\"nofollow noopener noreferrer\"";
  static final String NO_REFERRER = "referrerpolicy=\"no-referrer\"";

  private TestSite() {
  }

  /** Renders Markdown and sanitizes the HTML as the site publishes it. */
  static String published(String markdown) {
    return SANITIZER.sanitize(RENDERER.render(markdown, CONTEXT).html()).html();
  }

  /** Renders the tags of an HTML body and sanitizes it. */
  static String publishedHtml(String html) {
    return SANITIZER.sanitize(RENDERER.renderHtml(html, CONTEXT).html()).html();
  }
}
