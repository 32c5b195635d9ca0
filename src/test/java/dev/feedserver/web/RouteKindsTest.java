package dev.feedserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedserver.App;
import dev.feedserver.FixtureSite;
import dev.feedserver.Publisher;
import dev.feedserver.config.Config;
import dev.feedserver.render.RenderedSite;
import dev.feedserver.site.EmbedOptions;
import dev.feedserver.site.Links;
import dev.feedserver.site.Query;
import dev.feedserver.site.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of route, found by asking the compiler which kinds there are ({@link
 * Route#getPermittedSubclasses}), on a plain folder and on a Hexo site with a category tree: each
 * kind has routes in the site, and every one of them renders, reads back from its own URL, is in a
 * static export exactly when it says so, and answers GET, HEAD and a conditional GET over HTTP.
 * A new kind that is not wired through every layer fails here.
 */
class RouteKindsTest {
  /** What a browser sends when a person opens a link. */
  private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @TempDir Path dir;

  static Stream<Arguments> corpora() {
    Function<Path, Config> plain = content -> FixtureSite.config(FixtureSite.copyTo(content));
    Function<Path, Config> hexo = content -> FixtureSite.hexoConfig(FixtureSite.copyHexoSiteTo(content));
    // a plain folder has no source/ folder and the fixture's posts no asset folders; an image
    // route (the image proxy's /img/) names another host's image, never one of a site's own
    // routes: it is not listed, rendered or exported, and ImageProxyHttpTest answers it over HTTP
    return Stream.of(
        Arguments.of("plain folder", plain,
            java.util.Set.of(Route.SourceFile.class, Route.PostFile.class, Route.Image.class)),
        Arguments.of("Hexo site", hexo, java.util.Set.of(Route.Image.class)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpora")
  void everyKindRendersReadsBackExportsAndAnswersHeadAnd304(String name, Function<Path, Config> corpus,
      java.util.Set<Class<?>> absent) throws Exception {
    Config config = corpus.apply(Files.createDirectories(dir.resolve("content")));
    Publisher publisher = new Publisher(config);
    Links links = publisher.links();
    RenderedSite rendered = publisher.publish().site();
    List<Route> routes = new ArrayList<>(rendered.routes().toList());
    // the request-chosen variants: another page size (and its preview), other embed options
    for (Route route : List.copyOf(routes)) {
      if (route instanceof Route.Feed feed && feed.page() == 1) {
        Route.Feed limited = new Route.Feed(feed.scope(), feed.format(), 1, OptionalInt.of(1));
        routes.add(limited);
        routes.add(limited.forBrowser());
      } else if (route instanceof Route.Embed embed) {
        routes.add(new Route.Embed(embed.topic(), new EmbedOptions(2, EmbedOptions.Theme.DARK)));
      }
    }

    Map<Class<?>, List<Route>> byKind = new LinkedHashMap<>();
    for (Class<?> kind : Route.class.getPermittedSubclasses()) {
      byKind.put(kind, routes.stream().filter(kind::isInstance).toList());
    }
    byKind.forEach((kind, list) -> {
      if (absent.contains(kind)) {
        assertThat(list).as(name + ": routes of kind " + kind.getSimpleName()).isEmpty();
      } else {
        assertThat(list).as(name + ": routes of kind " + kind.getSimpleName()).isNotEmpty();
      }
    });

    Path out = dir.resolve("export");
    ServedSite served = ServedSite.first(rendered, Instant.now());
    StaticExport export = new StaticExport(links);
    export.write(served, out);

    App app = App.start(FixtureSite.onPort(config, 0));
    try {
      HttpClient client = HttpClient.newHttpClient();
      for (Route route : routes) {
        String where = name + ": " + route;
        // renders
        assertThat(rendered.render(route)).as(where + " renders").isPresent();
        // reads back from its own URL: path, then query, then what a browser gets
        String url = links.url(route);
        String path = links.path(route);
        Route read = links.route(path).orElseThrow(() -> new AssertionError(where + ": " + path + " names nothing"));
        String query = route.query();
        if (!query.isEmpty()) {
          read = read.withQuery(Query.parse(query.substring(1)), config.maxLimit());
        }
        if (!route.namedByPath()) {
          read = read.forBrowser();
        }
        assertThat(read).as(where + " read back from " + url).isEqualTo(route);
        // exported exactly when it says so, with the bytes the server sends
        Optional<Path> file = export.fileFor(out, route);
        if (route.export() == Route.Export.NONE) {
          assertThat(route.query().isEmpty() && route.namedByPath()).as(where + " is chosen by a request").isFalse();
        } else {
          assertThat(file).as(where + " has a file").isPresent();
          assertThat(file.get()).as(where + " exported").exists();
        }
        // GET, HEAD and a conditional GET
        String local = "http://localhost:" + app.port() + path + query;
        String accept = route.namedByPath() ? "*/*" : BROWSER_ACCEPT;
        HttpResponse<byte[]> get = send(client, "GET", local, "Accept", accept);
        assertThat(get.statusCode()).as(where + " GET").isEqualTo(200);
        String etag = get.headers().firstValue("ETag").orElseThrow();
        if (file.isPresent() && route.export() != Route.Export.NONE) {
          assertThat(Files.readAllBytes(file.get())).as(where + " export = GET").isEqualTo(get.body());
        }
        HttpResponse<byte[]> head = send(client, "HEAD", local, "Accept", accept);
        assertThat(head.statusCode()).as(where + " HEAD").isEqualTo(200);
        assertThat(head.body()).as(where + " HEAD body").isEmpty();
        assertThat(head.headers().firstValue("ETag")).as(where + " HEAD ETag").contains(etag);
        HttpResponse<byte[]> revalidated = send(client, "GET", local, "Accept", accept, "If-None-Match", etag);
        assertThat(revalidated.statusCode()).as(where + " conditional GET").isEqualTo(304);
        assertThat(revalidated.headers().firstValue("Content-Type"))
            .as(where + " 304 Content-Type").isEqualTo(get.headers().firstValue("Content-Type"));
      }
    } finally {
      app.stop();
    }
  }

  private static HttpResponse<byte[]> send(HttpClient client, String method, String url, String... headers)
      throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .method(method, HttpRequest.BodyPublishers.noBody()).headers(headers).build();
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
