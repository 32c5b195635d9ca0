package dev.feedserver.render;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.feedserver.content.Article;
import dev.feedserver.content.ArticleBody;
import dev.feedserver.content.BodyStore;
import dev.feedserver.content.Taxonomy;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Links;
import dev.feedserver.site.Site;
import java.net.URI;
import org.jdom2.Document;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Writes a {@link FeedDocument} as RSS 2.0 or Atom 1.0 through ROME's wire models, one converter
 * per format. Output depends only on the content: channel dates come from the entries, never from
 * the clock, so the same articles always give the same bytes.
 */
public final class FeedRenderer {
  private static final String GENERATOR = "feedserver";

  private final Site site;
  private final Links links;
  private final BodyStore bodies;
  private final JsonFeedRenderer json;
  private final EntryContent content;
  private final ImageUrls images;

  /** @param excerpts whether items carry their excerpt and a link to the rest ({@code feedContent}) */
  public FeedRenderer(Site site, Links links, BodyStore bodies, boolean excerpts, ImageUrls images) {
    this.site = site;
    this.links = links;
    this.bodies = bodies;
    this.images = images;
    this.content = new EntryContent(links, excerpts, images);
    this.json = new JsonFeedRenderer(site, links, bodies, content, images);
  }

  /** The feed's bytes, UTF-8 encoded. */
  public byte[] render(FeedDocument feed, FeedFormat format) {
    return switch (format) {
      case RSS -> xml(rss(feed));
      case ATOM -> xml(atom(feed));
      case JSON -> json.render(feed, title(feed), description(feed), alternate(feed));
    };
  }

  private byte[] xml(WireFeed wire) {
    wire.setEncoding("UTF-8");
    try {
      Document document = new WireFeedOutput().outputJDom(wire);
      if (wire instanceof Feed) {
        // ROME's Atom generator drops the language; Atom carries it as xml:lang on the root.
        document.getRootElement().setAttribute("lang", site.language(), Namespace.XML_NAMESPACE);
      }
      Format pretty = Format.getPrettyFormat().setEncoding("UTF-8").setLineSeparator(LineSeparator.UNIX);
      String xml = new XMLOutputter(pretty).outputString(document);
      return (wire instanceof Channel ? hexReferencesInPlainText(xml) : xml).getBytes(StandardCharsets.UTF_8);
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write " + wire.getFeedType() + " feed", e);
    }
  }

  /** RSS elements whose content is plain text (readers disagree on whether they hold HTML). */
  private static final java.util.regex.Pattern RSS_PLAIN_TEXT = java.util.regex.Pattern.compile(
      "(<(title|description|category|dc:creator)(?: [^>]*)?>)([^<]*)(</\\2>)");

  /**
   * Writes {@code &} and {@code <} in RSS's plain-text elements as {@code &#x26;} and {@code &#x3C;},
   * as the RSS Advisory Board's profile asks: the same characters to an XML parser, but no reader
   * that decodes these elements twice (as HTML) mistakes them for markup or an entity. Only
   * element text without markup is touched, so nothing else of the document changes.
   */
  private static String hexReferencesInPlainText(String xml) {
    java.util.regex.Matcher m = RSS_PLAIN_TEXT.matcher(xml);
    StringBuilder out = new StringBuilder(xml.length() + 64);
    while (m.find()) {
      String text = m.group(3).replace("&amp;", "&#x26;").replace("&lt;", "&#x3C;");
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) + text + m.group(4)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String title(FeedDocument feed) {
    return feed.scope().map(t -> Pages.label(t) + " · " + site.title()).orElse(site.title());
  }

  private String description(FeedDocument feed) {
    return feed.scope().map(t -> site.description() + " — " + Pages.label(t)).orElse(site.description());
  }

  private String alternate(FeedDocument feed) {
    return feed.scope().map(links::topic).orElse(links.index());
  }

  /** Newest publication date among the entries (RSS pubDate). */
  private static Instant newestPublished(FeedDocument feed) {
    return feed.entries().stream().map(Article::published).max(Instant::compareTo).orElse(Instant.EPOCH);
  }

  /** Newest update among the entries (Atom updated, RSS lastBuildDate). */
  private static Instant newestUpdated(FeedDocument feed) {
    return feed.entries().stream().map(Article::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
  }

  private Channel rss(FeedDocument feed) {
    Channel channel = new Channel("rss_2.0");
    channel.setTitle(title(feed));
    channel.setLink(alternate(feed));
    channel.setDescription(htmlEscaped(description(feed))); // read as HTML by readers, as items' are
    channel.setLanguage(site.language());
    channel.setGenerator(GENERATOR);
    channel.setPubDate(Date.from(newestPublished(feed)));
    channel.setLastBuildDate(Date.from(newestUpdated(feed)));
    AtomLinkModule atomLinks = new AtomLinkModuleImpl();
    atomLinks.setLinks(feedLinks(feed, FeedFormat.RSS));
    channel.setModules(new ArrayList<>(List.of(atomLinks)));
    List<Item> items = new ArrayList<>();
    for (Article article : feed.entries()) {
      items.add(rssItem(article));
    }
    channel.setItems(items);
    return channel;
  }

  private Item rssItem(Article article) {
    ArticleBody body = bodies.body(article);
    Item item = new Item();
    item.setTitle(article.title());
    item.setLink(links.entry(article.id()));
    Guid guid = new Guid();
    guid.setPermaLink(false);
    guid.setValue(links.entryTag(article.id()));
    item.setGuid(guid);
    item.setPubDate(Date.from(article.published()));
    Description description = new Description();
    description.setType("text/plain");
    // the summary is plain text; readers treat RSS description as HTML, so it goes out escaped
    // for HTML (then XML): "a < b" reads as text, never as the start of a tag
    description.setValue(htmlEscaped(body.summary()));
    item.setDescription(description);
    com.rometools.rome.feed.rss.Content encoded = new com.rometools.rome.feed.rss.Content();
    encoded.setType(com.rometools.rome.feed.rss.Content.HTML);
    encoded.setValue(content.html(article, body));
    item.setContent(encoded);
    List<com.rometools.rome.feed.rss.Category> categories = new ArrayList<>();
    for (String name : article.categories()) {
      com.rometools.rome.feed.rss.Category category = new com.rometools.rome.feed.rss.Category();
      category.setValue(name);
      categories.add(category);
    }
    for (String name : article.tags()) {
      com.rometools.rome.feed.rss.Category tag = new com.rometools.rome.feed.rss.Category();
      tag.setDomain(links.scheme(Taxonomy.TAG));
      tag.setValue(name);
      categories.add(tag);
    }
    item.setCategories(categories);
    List<Module> modules = new ArrayList<>();
    if (!article.author().isEmpty()) {
      DCModuleImpl dc = new DCModuleImpl();
      dc.setCreator(article.author());
      modules.add(dc);
    }
    article.image().map(images::image).ifPresent(url -> modules.add(thumbnail(url)));
    item.setModules(modules);
    return item;
  }

  private Feed atom(FeedDocument feed) {
    Feed atom = new Feed("atom_1.0");
    atom.setId(links.feedTag(feed.scope()));
    atom.setTitle(title(feed));
    Content subtitle = new Content();
    subtitle.setType(Content.TEXT);
    subtitle.setValue(description(feed));
    atom.setSubtitle(subtitle);
    atom.setLanguage(site.language());
    atom.setUpdated(Date.from(newestUpdated(feed)));
    atom.setAlternateLinks(new ArrayList<>(List.of(link("alternate", alternate(feed), "text/html"))));
    atom.setOtherLinks(feedLinks(feed, FeedFormat.ATOM));
    com.rometools.rome.feed.atom.Generator generator = new com.rometools.rome.feed.atom.Generator();
    generator.setValue(GENERATOR);
    atom.setGenerator(generator);
    SyndPerson siteAuthor = new SyndPersonImpl();
    siteAuthor.setName(site.feedAuthor());
    atom.setAuthors(new ArrayList<>(List.of(siteAuthor)));
    List<Entry> entries = new ArrayList<>();
    for (Article article : feed.entries()) {
      entries.add(atomEntry(article));
    }
    atom.setEntries(entries);
    return atom;
  }

  private Entry atomEntry(Article article) {
    ArticleBody body = bodies.body(article);
    Entry entry = new Entry();
    entry.setId(links.entryTag(article.id()));
    entry.setTitle(article.title());
    entry.setAlternateLinks(new ArrayList<>(List.of(link("alternate", links.entry(article.id()), "text/html"))));
    entry.setPublished(Date.from(article.published()));
    entry.setUpdated(Date.from(article.updated()));
    if (!article.author().isEmpty()) {
      SyndPerson author = new SyndPersonImpl();
      author.setName(article.author());
      entry.setAuthors(new ArrayList<>(List.of(author)));
    }
    List<com.rometools.rome.feed.atom.Category> categories = new ArrayList<>();
    for (String name : article.categories()) {
      categories.add(atomCategory(name, Taxonomy.CATEGORY));
    }
    for (String name : article.tags()) {
      categories.add(atomCategory(name, Taxonomy.TAG));
    }
    entry.setCategories(categories);
    Content summary = new Content();
    summary.setType(Content.TEXT);
    summary.setValue(body.summary());
    entry.setSummary(summary);
    Content html = new Content();
    html.setType(Content.HTML);
    html.setValue(content.html(article, body));
    entry.setContents(new ArrayList<>(List.of(html)));
    article.image().map(images::image).ifPresent(url -> entry.setModules(new ArrayList<>(List.of(thumbnail(url)))));
    return entry;
  }

  /** An Atom category whose scheme tells a category from a tag. */
  private com.rometools.rome.feed.atom.Category atomCategory(String name, Taxonomy taxonomy) {
    com.rometools.rome.feed.atom.Category category = new com.rometools.rome.feed.atom.Category();
    category.setTerm(name);
    category.setLabel(name);
    category.setScheme(links.scheme(taxonomy));
    return category;
  }

  private static String htmlEscaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** WebSub's {@code hub}, {@code self} and the RFC 5005 paging links, for Atom's {@code link} and RSS's {@code atom:link}. */
  private List<Link> feedLinks(FeedDocument feed, FeedFormat format) {
    List<Link> out = new ArrayList<>();
    site.hub().ifPresent(hub -> out.add(link("hub", hub.toString(), null)));
    out.add(link("self", feed.pageUrl(links, format, feed.page()), format.mediaType()));
    for (FeedDocument.PageLink paging : feed.pagingLinks(links, format)) {
      out.add(link(paging.rel(), paging.href(), format.mediaType()));
    }
    return out;
  }

  private static Link link(String rel, String href, String type) {
    Link link = new Link();
    link.setRel(rel);
    link.setHref(href);
    link.setType(type);
    return link;
  }

  private static Module thumbnail(String url) {
    MediaEntryModuleImpl media = new MediaEntryModuleImpl();
    Metadata metadata = new Metadata();
    metadata.setThumbnail(new Thumbnail[] {new Thumbnail(URI.create(url))});
    media.setMetadata(metadata);
    return media;
  }
}
