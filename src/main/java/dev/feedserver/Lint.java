package dev.feedserver;

import dev.feedserver.config.Config;
import dev.feedserver.config.ConfigException;
import dev.feedserver.config.ConfigLoader;
import dev.feedserver.content.ArticleProblem;
import dev.feedserver.content.LoadResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code feedserver lint [DIR]}: reads a content folder with the server's own loader and limits,
 * prints every problem as {@code file:line: reason} (the words the server logs, from {@link
 * ArticleProblem#toString()}), then every warning (an article served by falling back on something)
 * as {@code warning: file:line: reason}, and a one-line summary. Exit status: 0 clean, 1 any problem
 * or warning, 2 usage or configuration error. {@code DIR} defaults to the configured {@code
 * contentDir}, and is read as the server reads its {@code contentDir} (a Hexo site: its {@code
 * _config.yml}, its {@code source/_posts/}).
 */
public final class Lint {
  public static final int CLEAN = 0;
  /** A problem or a warning. */
  public static final int PROBLEMS = 1;
  public static final int USAGE = 2;

  private Lint() {}

  /**
   * Runs the command.
   *
   * @param args the arguments after {@code lint}
   * @param environment the process environment (configuration, as for the server)
   * @return the exit status
   */
  /**
   * Runs the command.
   *
   * @param loader the configuration, with DIR (when given) as its contentDir: DIR is read as the
   *     server reads its contentDir (a Hexo site's {@code _config.yml} applies)
   * @return the exit status
   */
  static int run(ConfigLoader loader, PrintStream out, PrintStream err) {
    Config config;
    try {
      config = loader.load();
    } catch (ConfigException e) {
      err.println("feedserver lint: " + e.getMessage());
      return USAGE;
    }
    Path dir = config.contentDir();
    Publisher publisher = new Publisher(config);
    LoadResult result;
    try {
      result = publisher.publish().load();
    } catch (IOException e) {
      err.println("feedserver lint: " + e.getMessage());
      return USAGE;
    }
    // what only reading a body finds: a body that cannot be read (a problem: it is served empty),
    // Hexo tag plugins it does not know, links to missing posts (warnings)
    List<ArticleProblem> bodyProblems = new java.util.ArrayList<>();
    List<ArticleProblem> all = new java.util.ArrayList<>(result.warnings());
    result.articles().stream()
        .sorted(java.util.Comparator.comparing(dev.feedserver.content.Article::file))
        .map(article -> publisher.bodies().body(article))
        .forEach(body -> {
          body.problem().ifPresent(bodyProblems::add);
          all.addAll(body.warnings());
        });
    for (ArticleProblem problem : result.problems()) {
      out.println(problem);
    }
    for (ArticleProblem problem : bodyProblems) {
      out.println(problem);
    }
    for (ArticleProblem warning : all) {
      out.println("warning: " + warning);
    }
    int problems = result.problems().size() + bodyProblems.size();
    int warnings = all.size();
    out.println(dir + ": " + count(result.articles().size(), "article") + ", " + count(problems, "problem") + ", "
        + count(warnings, "warning"));
    return problems == 0 && warnings == 0 ? CLEAN : PROBLEMS;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
