package dev.feedserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintTest {
  @TempDir Path dir;

  record Outcome(int status, String out, String err) {}

  static Outcome lint(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] line = new String[args.length + 1];
    line[0] = "lint";
    System.arraycopy(args, 0, line, 1, args.length);
    int status = new Cli(env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(line);
    return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void namesEveryProblemInTheServersWordsAndExitsOne() {
    Path content = FixtureSite.copyTo(dir);
    Outcome outcome = lint(Map.of(), content.toString());
    assertThat(outcome.status()).isEqualTo(1);
    assertThat(outcome.out().lines().toList()).containsExactly(
        "impossible-date.md:4: date: impossible date '2021-02-30': Invalid date 'FEBRUARY 30'",
        content + ": 5 articles, 1 problem, 0 warnings");
    assertThat(outcome.err()).isEmpty();
  }

  @Test
  void readsAHexoSiteAsTheServerDoesAndNamesWhatItHadToGuessOrCouldNotRender() {
    Path site = FixtureSite.copyHexoSiteTo(dir);
    Outcome outcome = lint(Map.of(), site.toString());
    assertThat(outcome.status()).isEqualTo(1);
    assertThat(outcome.out().lines().toList()).containsExactly(
        "warning: 2018-07-24-date-from-name.md:1: no date: using 2018-07-24 from the file name",
        "warning: untitled-post.md:1: no title: using 'untitled post' from the file name",
        "warning: tag-plugins.md:52: {% mermaid %} is not a known tag: its content is kept, its markup dropped",
        "warning: tag-plugins.md:56: {% fancybox %} is not a known tag: dropped",
        // 16 posts, one of them published: false; the draft and the page are not posts
        site + ": 15 articles, 0 problems, 4 warnings");
    assertThat(outcome.err()).isEmpty();
  }

  @Test
  void aCleanFolderExitsZero() throws Exception {
    Files.copy(FixtureSite.SEED, dir.resolve("seed.txt"));
    Outcome outcome = lint(Map.of(), dir.toString());
    assertThat(outcome.status()).isEqualTo(0);
    assertThat(outcome.out()).isEqualTo(dir + ": 1 article, 0 problems, 0 warnings\n");
  }

  @Test
  void theFolderDefaultsToTheConfiguredOneAndItsLimitsApply() throws Exception {
    Files.writeString(dir.resolve("a.md"), "---\ntitle: T\ndate: 2024-01-01\ncategories: [a, b, c]\n---\n");
    Path config = Files.writeString(dir.resolve("site.yaml"), "maxNames: 2\n");
    Outcome outcome = lint(Map.of("FEED_CONTENT_DIR", dir.toString(), "FEED_CONFIG", config.toString()));
    assertThat(outcome.status()).isEqualTo(1);
    assertThat(outcome.out()).startsWith("a.md:4: categories: more than 2 names (config key 'maxNames')\n");
  }

  @Test
  void usageAndConfigurationErrorsExitTwo() throws Exception {
    Outcome extra = lint(Map.of(), "a", "b");
    assertThat(extra.status()).isEqualTo(2);
    assertThat(extra.err()).contains("Unmatched argument", "Usage: feedserver lint");
    Outcome help = lint(Map.of(), "--help");
    assertThat(help.status()).isEqualTo(0);
    assertThat(help.out()).startsWith("Usage: feedserver lint").contains("[DIR]", "--content-dir");
    Outcome missing = lint(Map.of(), dir.resolve("missing").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist");
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "feedSize: 0\n");
    Outcome badConfig = lint(Map.of("FEED_CONFIG", bad.toString()), dir.toString());
    assertThat(badConfig.status()).isEqualTo(2);
    assertThat(badConfig.err()).contains("config key 'feedSize'");
  }

  @Test
  void runsAsARealProcess() throws Exception {
    Path content = FixtureSite.copyTo(dir);
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), App.class.getName(),
        "lint", content.toString())
        .redirectErrorStream(true)
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isEqualTo(1);
    assertThat(output).contains("impossible-date.md:4: date: impossible date").endsWith(": 5 articles, 1 problem, 0 warnings\n");
  }

  @Test
  void warningsArePrintedAfterTheProblemsAndExitOne() throws Exception {
    Files.writeString(dir.resolve("2014-04-05-dated.md"), "---\ntitle: Dated\n---\n<p>x</p>");
    Files.writeString(dir.resolve("weekday.md"), "---\ntitle: W\ndate: Tue, 06 Dec 2021 00:00:00 GMT\n---\n");
    Files.writeString(dir.resolve("bad.md"), "---\ntitle: Bad\ndate: yesterday\n---\n");
    Outcome outcome = lint(Map.of(), dir.toString());
    assertThat(outcome.status()).isEqualTo(1);
    assertThat(outcome.out().lines().toList()).containsExactly(
        "bad.md:3: date: unrecognised date 'yesterday' (use 2021-12-06 10:00:00, ISO 8601 such as"
            + " 2021-12-06T10:00:00+08:00, or RFC 1123 such as Mon, 06 Dec 2021 00:00:00 GMT; zones are offsets such as"
            + " +08:00, not names)",
        "warning: 2014-04-05-dated.md:1: no date: using 2014-04-05 from the file name",
        "warning: weekday.md:3: date: 'Tue, 06 Dec 2021 00:00:00 GMT' says Tuesday, but 6 Dec 2021 is a Monday: using"
            + " the date, not the weekday",
        dir + ": 2 articles, 1 problem, 2 warnings");
  }

  @Test
  void aWarningAloneExitsOneAndTheFileNamePatternIsConfigured() throws Exception {
    Path posts = Files.createDirectories(dir.resolve("_posts/2019/07/04"));
    Files.writeString(posts.resolve("a-post.md"), "---\ntitle: A post\n---\n<p>x</p>");
    Outcome outcome = lint(Map.of("FEED_NEW_POST_NAME", ":year/:month/:day/:title.md"), dir.toString());
    assertThat(outcome.status()).isEqualTo(1);
    assertThat(outcome.out().lines().toList()).containsExactly(
        "warning: _posts/2019/07/04/a-post.md:1: no date: using 2019-07-04 from the file name",
        dir + ": 1 article, 0 problems, 1 warning");
    Outcome badPattern = lint(Map.of("FEED_NEW_POST_NAME", "post.md"), dir.toString());
    assertThat(badPattern.status()).isEqualTo(2);
    assertThat(badPattern.err()).contains("config key 'newPostName' (environment variable FEED_NEW_POST_NAME)");
  }
}
