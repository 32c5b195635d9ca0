package dev.feedserver.content.hexo;

/**
 * What a tag plugin renders to.
 *
 * @param html  the HTML that replaces the tag
 * @param text  plain text standing for the tag where HTML cannot go, in an attribute value: the URL of
 *              {@code {% asset_path %}} in {@code ![](...)}, the text of a link
 * @param block whether {@code html} is block content ({@code <blockquote>}, {@code <pre>}); a tag alone
 *              on its line with inline content ({@code <img>}, {@code <a>}) becomes a paragraph
 */
record TagOutput(String html, String text, boolean block) {

  static final TagOutput EMPTY = new TagOutput("", "", false);

  static TagOutput inline(String html, String text) {
    return new TagOutput(html, text, false);
  }

  static TagOutput block(String html) {
    return new TagOutput(html, "", true);
  }

  /** The HTML for a tag that stood alone on its lines. */
  String standingAlone() {
    return block || html.isEmpty() ? html : "<p>" + html + "</p>";
  }

  /** Escapes text for HTML element content and double-quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      String entity = switch (text.charAt(i)) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        default -> null;
      };
      if (entity != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (entity != null) {
          out.append(entity);
        } else {
          out.append(text.charAt(i));
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
