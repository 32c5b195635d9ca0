package dev.feedserver.render;

import dev.feedserver.content.Taxonomy;
import dev.feedserver.content.Topic;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Links;
import dev.feedserver.site.Site;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * OPML 2.0 (http://opml.org/spec2.opml) subscription list of every topic's feed: the categories
 * in one folder named after the site, the tags and the authors each in a folder of their own, so
 * that a reader imports a group at once. Each outline carries the topic's label as written (any
 * script), its RSS 2.0 feed ({@code type="rss"} is what OPML calls
 * every feed) and its page. No dates: the same topics always give the same bytes.
 */
final class OpmlRenderer {
  static final String MEDIA_TYPE = "text/x-opml; charset=utf-8";

  private final Site site;
  private final Links links;

  OpmlRenderer(Site site, Links links) {
    this.site = site;
    this.links = links;
  }

  byte[] render(List<Topic> topics) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("opml");
      xml.writeAttribute("version", "2.0");
      xml.writeCharacters("\n  ");
      xml.writeStartElement("head");
      text(xml, "title", site.title(), "\n    ");
      text(xml, "docs", "http://opml.org/spec2.opml", "\n    ");
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      xml.writeCharacters("\n  ");
      xml.writeStartElement("body");
      for (Taxonomy taxonomy : Taxonomy.values()) {
        List<Topic> group = topics.stream().filter(t -> t.taxonomy() == taxonomy).toList();
        if (group.isEmpty()) {
          continue;
        }
        // categories keep the folder named after the site alone, as before tags and authors had feeds
        String folder = taxonomy == Taxonomy.CATEGORY ? site.title() : site.title() + " · " + taxonomy.heading();
        xml.writeCharacters("\n    ");
        xml.writeStartElement("outline");
        xml.writeAttribute("text", folder);
        xml.writeAttribute("title", folder);
        for (Topic topic : group) {
          xml.writeCharacters("\n      ");
          xml.writeEmptyElement("outline");
          String label = Pages.label(topic);
          xml.writeAttribute("type", "rss");
          xml.writeAttribute("text", label);
          xml.writeAttribute("title", label + " · " + site.title());
          xml.writeAttribute("xmlUrl", links.topicFeed(topic, FeedFormat.RSS));
          xml.writeAttribute("htmlUrl", links.topic(topic));
          xml.writeAttribute("language", site.language());
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write OPML", e);
    }
    return out.toByteArray();
  }

  private static void text(XMLStreamWriter xml, String name, String value, String indent) throws XMLStreamException {
    xml.writeCharacters(indent);
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }
}
