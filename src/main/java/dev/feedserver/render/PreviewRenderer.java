package dev.feedserver.render;

import dev.feedserver.content.BodyStore;
import dev.feedserver.content.Topic;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Links;
import dev.feedserver.site.Site;
import java.util.List;
import java.util.Optional;

/**
 * Renders a page of a feed as the HTML preview a browser gets at the feed's URL. The summaries come
 * from the same {@link BodyStore} as the feed's, so a preview reads no body the feed did not.
 */
final class PreviewRenderer {
  private final Site site;
  private final Links links;
  private final PageRenderer pages;
  private final ResponseHeaders headers;
  private final BodyStore bodies;

  PreviewRenderer(Site site, Links links, PageRenderer pages, ResponseHeaders headers, BodyStore bodies) {
    this.site = site;
    this.links = links;
    this.pages = pages;
    this.headers = headers;
    this.bodies = bodies;
  }

  Representation render(FeedDocument feed, FeedFormat format) {
    Optional<Topic> scope = feed.scope();
    String heading = scope.map(t -> Pages.label(t) + " · " + site.title()).orElse(site.title());
    List<Topic> topics = scope.map(List::of).orElse(List.of());
    String self = feed.pageUrl(links, format, feed.page());
    Pages.Frame frame =
        new Pages.Frame(site, links, heading + " (" + format.label() + ")", self,
            Pages.feeds(site, links, topics));
    String home = scope.map(links::topic).orElseGet(links::index);
    List<Pages.PreviewEntry> entries =
        feed.entries().stream().map(a -> new Pages.PreviewEntry(a, bodies.body(a).summary())).toList();
    byte[] body =
        pages.preview(
            new Pages.PreviewPage(frame, heading, format, self, home, entries, feed.page(), feed.pageCount()));
    return new Representation(Representation.HTML, body, true, headers.page(frame.feeds()));
  }
}
