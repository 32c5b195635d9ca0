package dev.feedserver;

import dev.feedserver.config.Config;
import dev.feedserver.content.Article;
import dev.feedserver.content.ArticleIndex;
import dev.feedserver.content.BodyContext;
import dev.feedserver.content.hexo.PostContext;
import dev.feedserver.content.hexo.PostLink;
import dev.feedserver.content.ArticleLoader;
import dev.feedserver.content.ArticleProblem;
import dev.feedserver.content.BodyStore;
import dev.feedserver.content.KeptBody;
import dev.feedserver.content.FileResult;
import dev.feedserver.content.FrontMatterDates;
import dev.feedserver.content.FrontMatterParser;
import dev.feedserver.content.HtmlSanitizer;
import dev.feedserver.content.LoadResult;
import dev.feedserver.content.ReadCache;
import dev.feedserver.content.SharedNames;
import dev.feedserver.content.SiteFiles;
import dev.feedserver.imageproxy.ImageSigner;
import dev.feedserver.imageproxy.SignedImageUrls;
import dev.feedserver.render.ImageUrls;
import dev.feedserver.render.RenderedSite;
import dev.feedserver.render.Representation;
import dev.feedserver.render.SiteRenderer;
import dev.feedserver.site.Links;
import dev.feedserver.site.Route;
import dev.feedserver.site.Site;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Turns the content folder into a rendered site: load, index, render. Remembers every file's
 * stamp and result, so that a refresh reads only the files that changed.
 */
public final class Publisher {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Publisher.class);
  /** Sanitized bodies kept in memory; feed pages and entry pages beyond it are read again. */
  private static final long BODY_CACHE_BYTES = 64L * 1024 * 1024;

  private final Config config;
  private final Links links;
  private final ArticleLoader loader;
  private final SiteRenderer renderer;
  private final BodyStore bodies;
  /** The index of the latest publication, for what bodies link to ({@code post_link}). */
  private final java.util.concurrent.atomic.AtomicReference<ArticleIndex> latest =
      new java.util.concurrent.atomic.AtomicReference<>();
  /** Every article file seen, in path order: its stamp when read and what reading it gave. */
  private final TreeMap<Path, ReadCache.Entry> known = new TreeMap<>();
  /** Where {@link #known} is kept between runs, when it is. */
  private final Optional<ReadCache> readCache;
  /** Whether the read cache was tried already (only the first publication starts from it). */
  private boolean readCacheTried;
  /** Entries the walk or a watched change refused outright (links, FIFOs, ...), by path. */
  private final TreeMap<Path, ArticleProblem> refused = new TreeMap<>();

  /**
   * @param config with {@link Config#readCache} set, a restart reads only the files that changed
   *     since the last {@link #saveReadCache}
   */
  public Publisher(Config config) {
    this(config, config.readCache().flatMap(folder -> ReadCache.in(folder, config.articlesDir(),
        config.readingSettings())));
  }

  /** @param readCache where what reading each file gave is kept between runs, if anywhere */
  public Publisher(Config config, Optional<ReadCache> readCache) {
    this.config = config;
    this.readCache = readCache;
    Site site =
        new Site(
            config.title(), config.description(), config.language(), config.timeZone(), config.baseUrl(), config.hub(),
            config.author());
    this.links = new Links(config.baseUrl(), config.idAuthority());
    SiteFiles files = new SiteFiles(config.articlesDir(), config.sourceDir(), config.limits().maxFileBytes());
    this.loader =
        new ArticleLoader(
            new FrontMatterParser(new FrontMatterDates(config.timeZone()), config.limits(), config.newPostName()),
            new HtmlSanitizer(config.baseUrl()),
            config.limits(),
            article -> bodyContext(article, files));
    this.bodies = new BodyStore(config.articlesDir(), loader, BODY_CACHE_BYTES);
    // Image URLs are rewritten when responses are rendered, never in the bodies kept above: a
    // Publisher built with the proxy off (the static export's) writes the original URLs.
    ImageUrls images = config.imageProxy()
        .<ImageUrls>map(proxy -> new SignedImageUrls(links, new ImageSigner(proxy.secret())))
        .orElse(ImageUrls.ORIGINAL);
    this.renderer = new SiteRenderer(site, links, config.feedSize(), bodies, config.corsOrigins(), files,
        config.excerptsInFeeds(), images);
  }

  /**
   * Everything one pass over the content folder produced.
   *
   * @param fresh problems of the files read in this pass (each problem is reported once, when its
   *     file is read, not again on every reload)
   * @param freshWarnings warnings of the files read in this pass and served (reported once too)
   * @param filesRead how many files this pass read
   */
  public record Publication(
      LoadResult load, ArticleIndex index, RenderedSite site, Links links, List<ArticleProblem> fresh,
      List<ArticleProblem> freshWarnings, int filesRead) {
    /** The response at a server-relative path (default page size), rendered if need be. */
    public Optional<Representation> get(String path) {
      return links.route(path).flatMap(site::render);
    }
  }

  /**
   * Walks the whole content folder, reads every file that is new or whose stamp changed, forgets
   * the files that are gone, and renders the site. The first call reads everything.
   *
   * @param progress told the number of files read so far, now and then, on large folders
   * @throws IOException only when the content folder itself cannot be read
   */
  public synchronized Publication publish(IntConsumer progress) throws IOException {
    if (!readCacheTried) {
      readCacheTried = true;
      readCache.ifPresent(cache -> {
        ReadCache.Contents contents = cache.read();
        known.putAll(contents.entries());
        bodies.keep(contents.bodies());
        if (!known.isEmpty()) {
          LOG.info("read cache {}: {} files known; reading those that changed since", cache.file(), known.size());
        }
      });
    }
    return walk(progress, new ArrayList<>());
  }

  /**
   * Keeps what reading every file gave in the read cache, for the next start (when there is one),
   * with the rendered bodies of the site feed's newest articles as far as they may be kept.
   */
  public synchronized void saveReadCache() {
    readCache.ifPresent(cache -> {
      ArticleIndex index = latest.get();
      List<KeptBody> kept = index == null ? List.of() : index.newestFirst().stream()
          .limit(config.feedSize())
          .flatMap(article -> bodies.keepable(article).stream())
          .toList();
      bodies.keep(kept); // what the next save falls back on for a body no longer in memory
      cache.save(known, kept);
    });
  }

  /** {@link #publish}, adding to problems already found fresh in this pass. */
  private Publication walk(IntConsumer progress, List<ArticleProblem> fresh) throws IOException {
    Path dir = config.articlesDir();
    ArticleLoader.Scan scan = loader.scan(dir);
    Map<Path, ArticleProblem> refusedBefore = new TreeMap<>(refused);
    refused.clear();
    for (ArticleProblem problem : scan.problems()) {
      refused.put(problem.file(), problem);
      if (!problem.equals(refusedBefore.get(problem.file()))) {
        fresh.add(problem);
      }
    }
    java.util.Set<Path> seen = new java.util.HashSet<>(scan.files().size() * 2);
    List<ArticleLoader.Found> toRead = new ArrayList<>();
    for (ArticleLoader.Found found : scan.files()) {
      seen.add(found.file());
      ReadCache.Entry before = known.get(found.file());
      if (before == null || !before.stamp().equals(found.stamp())) {
        toRead.add(found);
      }
    }
    known.keySet().retainAll(seen);
    return update(toRead, fresh, progress);
  }

  public Publication publish() throws IOException {
    return publish(n -> {});
  }

  /**
   * Re-reads only the given paths (relative to the content folder, or absolute below it): files
   * that changed are read again, files that are gone are forgotten, and folders that appeared or
   * vanished are walked. Then renders the site. Each path is judged as the walk judges it: a link,
   * FIFO or other non-regular file that appeared is named as a problem and never opened.
   */
  public synchronized Publication refresh(Collection<Path> changed) throws IOException {
    Path dir = config.articlesDir();
    List<ArticleLoader.Found> toRead = new ArrayList<>();
    List<ArticleProblem> fresh = new ArrayList<>();
    for (Path path : changed) {
      Path relative = path.isAbsolute() ? dir.toAbsolutePath().relativize(path) : path;
      ArticleLoader.Entry entry = loader.stat(dir, relative);
      if (entry instanceof ArticleLoader.Found found) {
        refused.remove(relative);
        ReadCache.Entry before = known.get(relative);
        if (before == null || !before.stamp().equals(found.stamp())) {
          toRead.add(found);
        }
      } else if (entry instanceof ArticleLoader.Refused r) {
        known.keySet().removeIf(file -> file.startsWith(relative)); // (a folder may have become a link)
        if (!r.problem().equals(refused.put(relative, r.problem()))) {
          fresh.add(r.problem());
        }
      } else if (entry instanceof ArticleLoader.Folder) {
        return walk(n -> {}, fresh); // a folder moved in: walk it all (cheap: stamps decide what is read)
      } else {
        // a file, or a folder moved away (or replaced by something never followed)
        known.keySet().removeIf(file -> file.startsWith(relative));
        refused.keySet().removeIf(file -> file.startsWith(relative));
      }
    }
    return update(toRead, fresh, n -> {});
  }

  private Publication update(List<ArticleLoader.Found> toRead, List<ArticleProblem> fresh, IntConsumer progress) {
    long t0 = System.nanoTime();
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    SharedNames names = new SharedNames();
    List<Map.Entry<Path, ReadCache.Entry>> read =
        toRead.parallelStream()
            .map(found -> {
              FileResult result = loader.read(config.articlesDir(), found.file(), names);
              int n = done.incrementAndGet();
              if (n % 5000 == 0) {
                progress.accept(n);
              }
              return Map.entry(found.file(), new ReadCache.Entry(found.stamp(), result));
            })
            .toList();
    for (Map.Entry<Path, ReadCache.Entry> entry : read) {
      known.put(entry.getKey(), entry.getValue());
      if (entry.getValue().result() instanceof FileResult.Failed failed) {
        fresh.add(failed.problem());
      }
    }
    LoadResult load =
        ArticleLoader.resolve(known.values().stream().map(ReadCache.Entry::result).toList(), List.copyOf(refused.values()));
    // a duplicate id is settled across files, so report every duplicate the pass touched
    for (ArticleProblem problem : load.problems()) {
      if (problem.reason().startsWith("duplicate id") && read.stream().anyMatch(e -> e.getKey().equals(problem.file()))
          && !fresh.contains(problem)) {
        fresh.add(problem);
      }
    }
    java.util.Set<Path> readFiles = new java.util.HashSet<>();
    read.forEach(e -> readFiles.add(e.getKey()));
    List<ArticleProblem> freshWarnings =
        load.warnings().stream().filter(w -> readFiles.contains(w.file())).toList();
    List<Article> articles = load.articles();
    if (!config.defaultCategory().isEmpty()) {
      articles = articles.stream()
          .map(a -> a.categories().isEmpty() ? a.inCategory(config.defaultCategory()) : a)
          .toList();
    }
    ArticleIndex index = ArticleIndex.of(articles, config.categoryTree());
    latest.set(index);
    RenderedSite site = new RenderedSite(renderer, index);
    LOG.debug("read {} files and indexed them in {} ms", read.size(), (System.nanoTime() - t0) / 1_000_000);
    return new Publication(load, index, site, links, fresh, freshWarnings, read.size());
  }

  /**
   * What an article's body links to: relative URLs resolve against its entry's URL as a folder (its
   * asset folder is served there); {@code asset_*} tags name files of that folder, {@code post_*}
   * tags other posts, by id or by file name, in the latest publication. (A body is rendered once per
   * version of its file: a linked post's new title shows once the linking post's body is read again.)
   */
  private BodyContext bodyContext(Article article, SiteFiles files) {
    PostContext tags = new PostContext(
        name -> Route.PostFile.isServed(List.of(name))
            ? files.postFile(article, List.of(name)).map(f -> links.url(new Route.PostFile(article.id(), List.of(name))))
            : Optional.empty(),
        slug -> Optional.ofNullable(latest.get()).flatMap(index -> postBySlug(index, slug))
            .map(post -> new PostLink(links.entry(post.id()), post.title())));
    return new BodyContext(URI.create(links.entry(article.id()) + "/"), tags);
  }

  /** A post by its id, else by its file name without extension (Hexo's slug). */
  private static Optional<Article> postBySlug(ArticleIndex index, String slug) {
    return index.article(slug).or(() -> index.newestFirst().stream()
        .filter(a -> {
          String name = a.file().getFileName().toString();
          int dot = name.lastIndexOf('.');
          return (dot > 0 ? name.substring(0, dot) : name).equals(slug);
        })
        .findFirst());
  }

  /** The articles' bodies, read and sanitized on demand (what feeds and pages show). */
  public BodyStore bodies() {
    return bodies;
  }

  public Links links() {
    return links;
  }
}
