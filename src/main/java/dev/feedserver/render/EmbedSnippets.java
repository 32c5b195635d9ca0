package dev.feedserver.render;

import dev.feedserver.content.Topic;
import dev.feedserver.site.EmbedOptions;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Links;

/**
 * The copy-and-paste HTML that embeds a topic's widget in another site, in both shapes. The
 * snippets are HTML source shown to people as text; the title is attribute-escaped here
 * and the whole snippet escaped again by the template that shows it.
 *
 * @param pageUrl the embed page (for the iframe)
 * @param iframe the iframe snippet
 * @param script the embed.js snippet
 */
public record EmbedSnippets(String pageUrl, String iframe, String script) {
  static EmbedSnippets of(Links links, Topic topic, String title) {
    String page = links.embed(topic);
    String iframe =
        "<iframe src=\"" + attribute(page) + "\" title=\"" + attribute(title) + "\""
            + " width=\"100%\" height=\"420\" loading=\"lazy\" referrerpolicy=\"no-referrer\""
            + " sandbox=\"allow-popups allow-popups-to-escape-sandbox\"></iframe>";
    String script =
        "<div data-feedserver-embed=\"" + attribute(links.topicFeed(topic, FeedFormat.JSON)) + "\""
            + " data-limit=\"" + EmbedOptions.DEFAULT_LIMIT + "\"></div>\n"
            + "<script src=\"" + attribute(links.embedScript()) + "\" async></script>";
    return new EmbedSnippets(page, iframe, script);
  }

  private static String attribute(String text) {
    return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
