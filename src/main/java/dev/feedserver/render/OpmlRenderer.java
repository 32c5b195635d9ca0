package dev.feedserver.render;

import dev.feedserver.content.Category;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Links;
import dev.feedserver.site.Site;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * OPML 2.0 (http://opml.org/spec2.opml) subscription list of every category's feed, in one folder
 * named after the site, so that a reader imports them all at once. Each outline carries the
 * category's name as written (any script), its RSS 2.0 feed ({@code type="rss"} is what OPML calls
 * every feed) and its page. No dates: the same categories always give the same bytes.
 */
final class OpmlRenderer {
  static final String MEDIA_TYPE = "text/x-opml; charset=utf-8";

  private final Site site;
  private final Links links;

  OpmlRenderer(Site site, Links links) {
    this.site = site;
    this.links = links;
  }

  byte[] render(List<Category> categories) {
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
      xml.writeCharacters("\n    ");
      xml.writeStartElement("outline");
      xml.writeAttribute("text", site.title());
      xml.writeAttribute("title", site.title());
      for (Category category : categories) {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("outline");
        String title = category.name() + " · " + site.title();
        xml.writeAttribute("type", "rss");
        xml.writeAttribute("text", category.name());
        xml.writeAttribute("title", title);
        xml.writeAttribute("xmlUrl", links.categoryFeed(category.name(), FeedFormat.RSS));
        xml.writeAttribute("htmlUrl", links.category(category.name()));
        xml.writeAttribute("language", site.language());
      }
      xml.writeCharacters("\n    ");
      xml.writeEndElement();
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
