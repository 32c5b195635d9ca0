package dev.feedserver.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import dev.feedserver.App;
import dev.feedserver.FixtureSite;
import dev.feedserver.Publisher;
import dev.feedserver.config.Config;
import dev.feedserver.content.Article;
import dev.feedserver.content.Taxonomy;
import dev.feedserver.content.Topic;
import dev.feedserver.content.TopicEntries;
import dev.feedserver.site.Route;
import dev.feedserver.site.FeedFormat;
import dev.feedserver.site.Links;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Every feed the real server publishes, read by parsers that share no code with ours.
 *
 * <p>The server is started on the fixture corpus; the index page, every category page and every
 * entry page are crawled for feed links ({@code <a type>} and {@code <link rel="alternate">}), each
 * feed is fetched as published and with {@code ?limit=2}, and RFC 5005 {@code next} links are
 * followed to the last page. Each document is then
 *
 * <ul>
 *   <li>read by Python's feedparser ({@code src/test/resources/feedparser_check.py}, Debian's
 *       {@code python3-feedparser}): {@code bozo == 0}, and titles, links, ids and dates equal
 *       to what the {@link Publisher} holds, in order, page by page;
 *   <li>Atom: validated by Jing against RFC 4287's RELAX NG schema
 *       ({@code src/test/resources/atom.rnc}), plus the schema's two Schematron rules;
 *   <li>JSON Feed: checked against the required fields and field types of JSON Feed 1.1 with
 *       Jackson, and compared with the Publisher the same way (feedparser too, when the installed
 *       feedparser reads JSON Feed; 6.0.x does not).
 * </ul>
 *
 * Nothing here names a format's URL: whatever the pages link is checked, and every format in
 * {@link FeedFormat} must be linked for the site and for every category.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndependentParsersTest {
  private static final Path SCRIPT = Path.of("src", "test", "resources", "feedparser_check.py");
  private static final Path SCHEMA = Path.of("src", "test", "resources", "atom.rnc");
  private static final String INSTALL_HINT =
      "Python 3 with feedparser is needed: run `apt-get install python3 python3-feedparser` "
          + "(.ci/run does this on CI)";
  private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
  private static final String JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";
  private static final int SMALL_LIMIT = 2;
  private static final int MAX_PAGES = 100;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RFC3339 =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

  @TempDir static Path scratch;
  Config config;
  App app;
  Links links;
  Publisher.Publication publication;
  static final HttpClient client = HttpClient.newHttpClient();

  /** The corpus served: the fixture folder (the Hexo site in {@link HexoSiteIndependentParsersTest}). */
  Config corpus(Path dir) {
    return FixtureSite.config(FixtureSite.copyTo(dir));
  }

  @BeforeAll
  void start() throws Exception {
    config = corpus(Files.createTempDirectory(scratch, "content"));
    Publisher publisher = new Publisher(config);
    publication = publisher.publish();
    links = publisher.links();
    app = App.start(config);
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  /** The feed kinds we know how to check, by the media type pages announce them with. */
  enum Kind {
    RSS("application/rss+xml", "rss20"),
    ATOM("application/atom+xml", "atom10"),
    JSON("application/feed+json", "json");

    final String mediaType;
    final String feedparserVersion;

    Kind(String mediaType, String feedparserVersion) {
      this.mediaType = mediaType;
      this.feedparserVersion = feedparserVersion;
    }

    static Optional<Kind> of(String mediaType) {
      String type = mediaType.toLowerCase(Locale.ROOT).strip();
      for (Kind kind : values()) {
        if (kind.mediaType.equals(type)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /** One fetched feed document: a page of a chain. */
  record Doc(Kind kind, String url, int status, String contentType, byte[] body, int offset, int count,
      Optional<String> next) {}

  /** A feed as discovered (optionally at a page size) and every page reached through next links. */
  record Chain(Kind kind, String start, Optional<Topic> category, List<Article> expected,
      Optional<Integer> limit, List<Doc> pages, List<String> problems) {}

  @TestFactory
  Stream<DynamicNode> everyPublishedFeedReadsBackTheSame() throws Exception {
    Map<String, Kind> feeds = new TreeMap<>();
    List<String> crawlProblems = new ArrayList<>();
    Set<String> pagesVisited = discover(feeds, crawlProblems);

    List<Chain> chains = new ArrayList<>();
    for (Map.Entry<String, Kind> feed : feeds.entrySet()) {
      chains.add(fetchChain(feed.getValue(), feed.getKey(), Optional.empty()));
      chains.add(fetchChain(feed.getValue(), feed.getKey(), Optional.of(SMALL_LIMIT)));
    }
    Map<Kind, Boolean> pagingLive = new EnumMap<>(Kind.class);
    for (Chain chain : chains) {
      boolean hasNext = chain.pages().stream().anyMatch(d -> d.next().isPresent());
      pagingLive.merge(chain.kind(), hasNext, Boolean::logicalOr);
    }
    Feedparser feedparser = Feedparser.probe();
    long documents = chains.stream().mapToLong(c -> c.pages().size()).sum();
    System.out.printf(
        "IndependentParsersTest: %d HTML pages crawled, %d feeds discovered, %d chains, %d feed documents; "
            + "paging seen in %s; %s%n",
        pagesVisited.size(), feeds.size(), chains.size(), documents, pagingLive, feedparser.describe());

    List<DynamicNode> nodes = new ArrayList<>();
    nodes.add(dynamicTest("the pages link every feed of the site and of every category, in every format",
        () -> assertEveryFeedDiscovered(feeds, crawlProblems)));
    for (Chain chain : chains) {
      List<DynamicNode> perChain = new ArrayList<>();
      perChain.add(dynamicTest("pages cover the feed's entries in order",
          () -> assertChainCoversTheFeed(chain, pagingLive.getOrDefault(chain.kind(), false))));
      for (Doc doc : chain.pages()) {
        perChain.add(dynamicContainer(pathOf(doc.url()), documentTests(chain, doc, feedparser)));
      }
      nodes.add(dynamicContainer(chain.kind() + " " + pathOf(chain.start()), perChain));
    }
    return nodes.stream();
  }

  private List<DynamicTest> documentTests(Chain chain, Doc doc, Feedparser feedparser) {
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(dynamicTest("HTTP 200 with the announced media type", () -> {
      assertThat(doc.status()).as(doc.url()).isEqualTo(200);
      assertThat(doc.contentType().toLowerCase(Locale.ROOT)).as(doc.url()).startsWith(chain.kind().mediaType);
    }));
    List<Article> slice = slice(chain, doc);
    if (chain.kind() != Kind.JSON || feedparser.readsJsonFeed()) {
      tests.add(dynamicTest("feedparser: bozo == 0, same titles, links, ids and dates",
          () -> assertFeedparserReadsBack(feedparser, chain, doc, slice)));
    }
    switch (chain.kind()) {
      case ATOM -> tests.add(dynamicTest("Jing: valid against RFC 4287's RELAX NG schema",
          () -> assertValidAtom(doc)));
      case JSON -> tests.add(dynamicTest("JSON Feed 1.1: required fields, field types, same entries",
          () -> assertJsonFeed(chain, doc, slice)));
      case RSS -> { }
    }
    return tests;
  }

  // ---------------------------------------------------------------- discovery

  /** Crawls the site's HTML pages from {@code /}; fills {@code feeds} (URL to kind). */
  private Set<String> discover(Map<String, Kind> feeds, List<String> problems) throws Exception {
    Set<String> visited = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(links.index()));
    while (!queue.isEmpty()) {
      String url = queue.removeFirst();
      if (!visited.add(url)) {
        continue;
      }
      HttpResponse<byte[]> response = fetch(url);
      if (response.statusCode() != 200) {
        problems.add(url + ": HTTP " + response.statusCode());
        continue;
      }
      var html = Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8), url);
      for (Element e : html.select("a[href][type], link[rel~=(?i)^alternate$][href][type]")) {
        String href = e.absUrl("href");
        String type = e.attr("type");
        if (type.equalsIgnoreCase("text/html")) {
          continue;
        }
        Optional<Kind> kind = Kind.of(type);
        if (kind.isEmpty()) {
          problems.add(url + ": feed link of unknown type '" + type + "': " + e.outerHtml());
          continue;
        }
        if (!href.startsWith(base())) {
          problems.add(url + ": feed link outside the base URL: " + e.outerHtml());
          continue;
        }
        Kind before = feeds.putIfAbsent(href, kind.get());
        if (before != null && before != kind.get()) {
          problems.add(href + " is announced as both " + before + " and " + kind.get());
        }
      }
      for (Element a : html.select("a[href]:not([type])")) {
        String href = a.absUrl("href");
        String path = href.startsWith(base()) ? href.substring(base().length() - 1) : "";
        if ((path.startsWith("/category/") || path.startsWith("/tag/") || path.startsWith("/author/")
            || path.startsWith("/entry/")) && !path.contains("?")
            && !path.contains("#")) {
          queue.addLast(href);
        }
      }
    }
    return visited;
  }

  private void assertEveryFeedDiscovered(Map<String, Kind> feeds, List<String> problems) {
    assertThat(problems).as("problems met while crawling").isEmpty();
    Map<String, String> expected = new LinkedHashMap<>();
    for (FeedFormat format : FeedFormat.values()) {
      expected.put(links.siteFeed(format), format.mediaType());
      for (Taxonomy taxonomy : Taxonomy.values()) {
        for (TopicEntries topic : publication.index().topics(taxonomy)) {
          expected.put(links.topicFeed(topic.topic(), format), format.mediaType());
        }
      }
    }
    Map<String, String> found = new LinkedHashMap<>();
    feeds.forEach((url, kind) -> found.put(url, kind.mediaType));
    assertThat(found).as("feeds linked from the site's pages").containsAllEntriesOf(expected);
    assertThat(found.keySet()).as("feeds linked that the publication does not have").isSubsetOf(expected.keySet());
  }

  // ---------------------------------------------------------------- fetching and paging

  private Chain fetchChain(Kind kind, String feedUrl, Optional<Integer> limit) throws Exception {
    List<String> problems = new ArrayList<>();
    Optional<Topic> category = scopeOf(feedUrl);
    List<Article> expected =
        category.map(topic -> publication.index().topic(topic).map(TopicEntries::articles).orElse(null))
            .orElse(publication.index().newestFirst());
    if (expected == null) {
      problems.add(feedUrl + " names a topic the publication does not have: " + category.get());
      expected = List.of();
    }
    String start = limit.map(l -> feedUrl + "?limit=" + l).orElse(feedUrl);
    List<Doc> pages = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String url = start;
    int offset = 0;
    while (url != null) {
      if (!seen.add(url)) {
        problems.add("next links loop back to " + url + " after " + seen);
        break;
      }
      if (pages.size() == MAX_PAGES) {
        problems.add("more than " + MAX_PAGES + " pages");
        break;
      }
      HttpResponse<byte[]> response = fetch(url);
      byte[] body = response.body();
      int count = 0;
      Optional<String> next = Optional.empty();
      if (response.statusCode() == 200) {
        try {
          count = kind == Kind.JSON ? countJsonItems(body) : countXmlEntries(kind, body);
          next = kind == Kind.JSON ? jsonNext(body) : xmlNext(kind, body);
        } catch (Exception e) {
          problems.add(url + ": cannot read the document: " + e);
        }
      }
      pages.add(new Doc(kind, url, response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), body, offset, count, next));
      offset += count;
      url = next.orElse(null);
    }
    return new Chain(kind, start, category, expected, limit, List.copyOf(pages), problems);
  }

  private void assertChainCoversTheFeed(Chain chain, boolean pagingLive) {
    assertThat(chain.problems()).as("problems following " + chain.start()).isEmpty();
    assertThat(chain.expected().size())
        .as("the fixture is small enough that the whole feed fits one default page")
        .isLessThanOrEqualTo(config.feedSize());
    int total = chain.pages().stream().mapToInt(Doc::count).sum();
    assertThat(total).as("entries over all pages of " + chain.start()).isEqualTo(chain.expected().size());
    for (Doc doc : chain.pages()) {
      doc.next().ifPresent(next -> {
        assertThat(next).as("next link of " + doc.url()).startsWith(base()).contains("/page/");
        chain.limit().ifPresent(limit -> assertThat(next).as("next link of " + doc.url()).contains("limit=" + limit));
      });
    }
    if (chain.limit().isPresent() && pagingLive) {
      int limit = chain.limit().get();
      List<Doc> pages = chain.pages();
      assertThat(pages).as("pages of " + chain.start())
          .hasSize(Math.max(1, (chain.expected().size() + limit - 1) / limit));
      for (int i = 0; i < pages.size(); i++) {
        int want = i < pages.size() - 1 ? limit : chain.expected().size() - limit * (pages.size() - 1);
        assertThat(pages.get(i).count()).as("entries on " + pages.get(i).url()).isEqualTo(want);
      }
    }
  }

  private List<Article> slice(Chain chain, Doc doc) {
    int from = Math.min(doc.offset(), chain.expected().size());
    return chain.expected().subList(from, Math.min(chain.expected().size(), from + doc.count()));
  }

  // ---------------------------------------------------------------- feedparser

  /** The Python side: which interpreter, whether feedparser imports, whether it reads JSON Feed. */
  record Feedparser(String python, Optional<String> problem, String version, boolean readsJsonFeed) {
    static Feedparser probe() {
      String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
      try {
        Result r = run(python, SCRIPT.toString(), "--info");
        if (r.exit() != 0) {
          return new Feedparser(python, Optional.of(python + " " + SCRIPT + " --info exited " + r.exit()
              + ": " + r.stderr().strip()), "", false);
        }
        JsonNode info = JSON.readTree(r.stdout());
        return new Feedparser(python, Optional.empty(), info.path("feedparser").asText(),
            info.path("json_feed").asBoolean());
      } catch (Exception e) {
        return new Feedparser(python, Optional.of("cannot run " + python + ": " + e), "", false);
      }
    }

    String describe() {
      return problem.map(p -> "feedparser unavailable (" + p + ")")
          .orElse(python + " feedparser " + version + (readsJsonFeed ? " (reads JSON Feed)" : " (no JSON Feed support)"));
    }

    JsonNode parse(byte[] body) throws Exception {
      problem.ifPresent(p -> fail(INSTALL_HINT + ". " + p));
      Path file = Files.createTempFile(scratch, "feed", ".bin");
      Files.write(file, body);
      Result r = run(python, SCRIPT.toString(), file.toString());
      if (r.exit() != 0) {
        fail("feedparser_check.py exited " + r.exit() + ": " + r.stderr());
      }
      return JSON.readTree(r.stdout());
    }
  }

  record Result(int exit, String stdout, String stderr) {}

  private static Result run(String... command) throws IOException, InterruptedException {
    Path err = Files.createTempFile(scratch, "stderr", ".txt");
    Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish in 60 s");
    }
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private void assertFeedparserReadsBack(Feedparser feedparser, Chain chain, Doc doc, List<Article> slice)
      throws Exception {
    JsonNode d = feedparser.parse(doc.body());
    assertThat(d.path("bozo").asInt())
        .as("feedparser bozo for %s: %s", doc.url(), d.path("bozo_exception").asText())
        .isZero();
    assertThat(d.path("version").asText()).as("feedparser's version of " + doc.url())
        .startsWith(chain.kind().feedparserVersion);
    JsonNode feed = d.path("feed");
    assertThat(feed.path("title").asText()).as("feed title").contains(config.title());
    chain.category().ifPresent(topic -> assertThat(feed.path("title").asText()).as("feed title").contains(topic.name()));
    assertThat(feed.path("link").asText()).as("feed link")
        .isEqualTo(chain.category().map(links::topic).orElse(links.index()));
    List<String> nextLinks = new ArrayList<>();
    feed.path("links").forEach(l -> {
      if ("next".equals(l.path("rel").asText())) {
        nextLinks.add(l.path("href").asText());
      }
    });
    if (chain.kind() != Kind.JSON) {
      assertThat(nextLinks).as("next links feedparser sees in " + doc.url()).containsExactlyElementsOf(doc.next().stream().toList());
    }

    JsonNode entries = d.path("entries");
    assertThat(entries).as("entries feedparser reads in " + doc.url()).hasSize(slice.size());
    for (int i = 0; i < slice.size(); i++) {
      Article article = slice.get(i);
      JsonNode e = entries.get(i);
      String where = doc.url() + " entry " + i + " (" + article.id() + ")";
      assertThat(e.path("title").asText()).as("title of " + where).isEqualTo(article.title());
      assertThat(e.path("link").asText()).as("link of " + where).isEqualTo(links.entry(article.id()));
      assertThat(e.path("id").asText()).as("id of " + where).isEqualTo(links.entryTag(article.id()));
      assertThat(e.path("published").asText()).as("published of " + where).isEqualTo(seconds(article.published()));
      if (chain.kind() != Kind.RSS) { // RSS has no update date of an item
        assertThat(e.path("updated").asText()).as("updated of " + where).isEqualTo(seconds(article.updated()));
      }
    }
  }

  private static String seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  // ---------------------------------------------------------------- Atom: Jing and RFC 4287's rules

  private static void assertValidAtom(Doc doc) throws Exception {
    List<String> errors = new ArrayList<>();
    ErrorHandler collect = new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) {
        errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        error(e);
      }
    };
    PropertyMapBuilder properties = new PropertyMapBuilder();
    properties.put(ValidateProperty.ERROR_HANDLER, collect);
    ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
    assertThat(driver.loadSchema(ValidationDriver.fileInputSource(SCHEMA.toFile())))
        .as("RFC 4287 schema loads: %s", errors).isTrue();
    InputSource in = new InputSource(new ByteArrayInputStream(doc.body()));
    in.setSystemId(doc.url());
    boolean valid = driver.validate(in);
    assertThat(errors).as("RELAX NG errors in " + doc.url()).isEmpty();
    assertThat(valid).as(doc.url() + " is valid Atom").isTrue();

    // The schema's two Schematron rules, which a RELAX NG validator does not run.
    org.w3c.dom.Element feed = parseXml(doc.body()).getDocumentElement();
    boolean feedAuthor = !atomChildren(feed, "author").isEmpty();
    for (org.w3c.dom.Element entry : atomChildren(feed, "entry")) {
      String id = atomChildren(entry, "id").stream().map(Node::getTextContent).findFirst().orElse("?");
      boolean alternate = atomChildren(entry, "link").stream()
          .anyMatch(l -> !l.hasAttribute("rel") || l.getAttribute("rel").equals("alternate"));
      assertThat(alternate || !atomChildren(entry, "content").isEmpty())
          .as("entry %s has a link rel=alternate or a content", id).isTrue();
      boolean sourceAuthor = atomChildren(entry, "source").stream().anyMatch(s -> !atomChildren(s, "author").isEmpty());
      assertThat(feedAuthor || sourceAuthor || !atomChildren(entry, "author").isEmpty())
          .as("entry %s has an author, or its feed has", id).isTrue();
    }
  }

  private static List<org.w3c.dom.Element> atomChildren(org.w3c.dom.Element parent, String name) {
    List<org.w3c.dom.Element> out = new ArrayList<>();
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof org.w3c.dom.Element e
          && ATOM_NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  private static org.w3c.dom.Document parseXml(byte[] body) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
  }

  private static int countXmlEntries(Kind kind, byte[] body) throws Exception {
    org.w3c.dom.Element root = parseXml(body).getDocumentElement();
    if (kind == Kind.ATOM) {
      return atomChildren(root, "entry").size();
    }
    return rssChannelChildren(root, "item").size();
  }

  private static List<org.w3c.dom.Element> rssChannelChildren(org.w3c.dom.Element rss, String name) {
    List<org.w3c.dom.Element> out = new ArrayList<>();
    NodeList channels = rss.getElementsByTagNameNS("*", "channel");
    if (channels.getLength() == 0) {
      return out;
    }
    NodeList children = channels.item(0).getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof org.w3c.dom.Element e && e.getNamespaceURI() == null
          && name.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  /** Atom {@code feed/link rel=next}, RSS {@code channel/atom:link rel=next}. */
  private static Optional<String> xmlNext(Kind kind, byte[] body) throws Exception {
    org.w3c.dom.Element root = parseXml(body).getDocumentElement();
    org.w3c.dom.Element parent = root;
    if (kind == Kind.RSS) {
      NodeList channels = root.getElementsByTagNameNS("*", "channel");
      if (channels.getLength() == 0) {
        return Optional.empty();
      }
      parent = (org.w3c.dom.Element) channels.item(0);
    }
    List<String> next = atomChildren(parent, "link").stream()
        .filter(l -> l.getAttribute("rel").equals("next")).map(l -> l.getAttribute("href")).toList();
    if (next.size() > 1) {
      throw new IllegalStateException("more than one next link: " + next);
    }
    return next.stream().findFirst();
  }

  // ---------------------------------------------------------------- JSON Feed 1.1

  private static int countJsonItems(byte[] body) throws IOException {
    return JSON.readTree(body).path("items").size();
  }

  private static Optional<String> jsonNext(byte[] body) throws IOException {
    JsonNode next = JSON.readTree(body).get("next_url");
    return next == null || next.isNull() ? Optional.empty() : Optional.of(next.asText());
  }

  private void assertJsonFeed(Chain chain, Doc doc, List<Article> slice) throws Exception {
    JsonNode feed = JSON.readTree(doc.body());
    String at = doc.url();
    assertThat(feed.isObject()).as(at + " is a JSON object").isTrue();
    // required
    assertThat(feed.path("version").asText(null)).as(at + " version").isEqualTo(JSON_FEED_VERSION);
    assertThat(feed.path("title").isTextual()).as(at + " title is a string").isTrue();
    assertThat(feed.path("items").isArray()).as(at + " items is an array").isTrue();
    // optional, typed when present
    for (String key : List.of("home_page_url", "feed_url", "next_url", "icon", "favicon")) {
      assertAbsoluteUrl(feed, key, at);
    }
    for (String key : List.of("description", "user_comment", "language")) {
      assertString(feed, key, at);
    }
    assertBoolean(feed, "expired", at);
    assertAuthors(feed, at);
    if (feed.has("hubs")) {
      assertThat(feed.get("hubs").isArray()).as(at + " hubs is an array").isTrue();
      feed.get("hubs").forEach(h -> {
        assertThat(h.path("type").isTextual()).as(at + " hub type").isTrue();
        assertThat(h.path("url").isTextual()).as(at + " hub url").isTrue();
      });
    }
    // what we publish
    assertThat(feed.path("title").asText()).as(at + " title").contains(config.title());
    chain.category().ifPresent(topic -> assertThat(feed.path("title").asText()).as(at + " title").contains(topic.name()));
    if (feed.has("home_page_url")) {
      assertThat(feed.get("home_page_url").asText()).as(at + " home_page_url")
          .isEqualTo(chain.category().map(links::topic).orElse(links.index()));
    }

    JsonNode items = feed.path("items");
    assertThat(items).as(at + " items").hasSize(slice.size());
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      Article article = slice.get(i);
      String where = at + " item " + i + " (" + article.id() + ")";
      assertThat(item.isObject()).as(where + " is an object").isTrue();
      assertThat(item.path("id").isTextual() && !item.path("id").asText().isEmpty())
          .as(where + " id is a non-empty string").isTrue();
      assertThat(item.path("content_html").isTextual() || item.path("content_text").isTextual())
          .as(where + " has content_html or content_text").isTrue();
      for (String key : List.of("content_html", "content_text", "title", "summary", "language")) {
        assertString(item, key, where);
      }
      for (String key : List.of("url", "external_url", "image", "banner_image")) {
        assertAbsoluteUrl(item, key, where);
      }
      for (String key : List.of("date_published", "date_modified")) {
        if (item.has(key)) {
          assertThat(item.get(key).isTextual() && RFC3339.matcher(item.get(key).asText()).matches())
              .as(where + " " + key + " is an RFC 3339 date-time: " + item.get(key)).isTrue();
        }
      }
      assertAuthors(item, where);
      if (item.has("tags")) {
        assertThat(item.get("tags").isArray()).as(where + " tags is an array").isTrue();
        item.get("tags").forEach(t -> assertThat(t.isTextual()).as(where + " tag " + t + " is a string").isTrue());
      }
      if (item.has("attachments")) {
        assertThat(item.get("attachments").isArray()).as(where + " attachments is an array").isTrue();
        item.get("attachments").forEach(a -> {
          assertThat(a.path("url").isTextual()).as(where + " attachment url").isTrue();
          assertThat(a.path("mime_type").isTextual()).as(where + " attachment mime_type").isTrue();
        });
      }
      // the same entry as the publication holds
      assertThat(item.path("id").asText()).as("id of " + where).isEqualTo(links.entryTag(article.id()));
      assertThat(item.path("title").asText(null)).as("title of " + where).isEqualTo(article.title());
      assertThat(item.path("url").asText(null)).as("url of " + where).isEqualTo(links.entry(article.id()));
      assertThat(item.has("date_published")).as(where + " has date_published").isTrue();
      assertThat(seconds(instant(item.get("date_published").asText())))
          .as("date_published of " + where).isEqualTo(seconds(article.published()));
      if (item.has("date_modified")) {
        assertThat(seconds(instant(item.get("date_modified").asText())))
            .as("date_modified of " + where).isEqualTo(seconds(article.updated()));
      }
    }
  }

  private static Instant instant(String rfc3339) {
    return OffsetDateTime.parse(rfc3339.toUpperCase(Locale.ROOT)).toInstant();
  }

  private static void assertString(JsonNode node, String key, String where) {
    if (node.has(key)) {
      assertThat(node.get(key).isTextual()).as(where + " " + key + " is a string: " + node.get(key)).isTrue();
    }
  }

  private static void assertBoolean(JsonNode node, String key, String where) {
    if (node.has(key)) {
      assertThat(node.get(key).isBoolean()).as(where + " " + key + " is a boolean: " + node.get(key)).isTrue();
    }
  }

  private static void assertAbsoluteUrl(JsonNode node, String key, String where) {
    if (node.has(key)) {
      JsonNode value = node.get(key);
      assertThat(value.isTextual()).as(where + " " + key + " is a string: " + value).isTrue();
      URI uri = URI.create(value.asText());
      assertThat(uri.isAbsolute() && uri.getHost() != null)
          .as(where + " " + key + " is an absolute URL: " + value).isTrue();
    }
  }

  private void assertAuthors(JsonNode node, String where) {
    if (!node.has("authors")) {
      return;
    }
    JsonNode authors = node.get("authors");
    assertThat(authors.isArray()).as(where + " authors is an array").isTrue();
    for (JsonNode author : authors) {
      assertThat(author.isObject()).as(where + " author " + author + " is an object").isTrue();
      assertThat(author.path("name").isTextual() && !author.path("name").asText().isEmpty())
          .as(where + " author " + author + " has a name").isTrue();
      assertAbsoluteUrl(author, "url", where + " author");
      assertAbsoluteUrl(author, "avatar", where + " author");
    }
  }

  // ---------------------------------------------------------------- helpers

  /** The configured base URL, e.g. {@code http://feeds.test/}. */
  private String base() {
    return config.baseUrl().toString();
  }

  /** The request path and query of an absolute URL under the base URL. */
  private String pathOf(String url) {
    return url.startsWith(base()) ? url.substring(base().length() - 1) : url;
  }

  /** Fetches an absolute URL under the base URL from the server on localhost. */
  private HttpResponse<byte[]> fetch(String url) throws IOException, InterruptedException {
    if (!url.startsWith(base())) {
      throw new IllegalArgumentException("not under " + base() + ": " + url);
    }
    URI local = URI.create("http://localhost:" + app.port() + pathOf(url));
    return client.send(HttpRequest.newBuilder(local).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The topic a feed URL belongs to, as the server reads its path; empty for the site's feeds. */
  private Optional<Topic> scopeOf(String feedUrl) {
    String path = URI.create(feedUrl).getRawPath().substring(URI.create(base()).getRawPath().length() - 1);
    return links.route(path).filter(r -> r instanceof Route.Feed).flatMap(r -> ((Route.Feed) r).scope());
  }
}
