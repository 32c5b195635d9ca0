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
    int status = Lint.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void namesEveryProblemInTheServersWordsAndExitsOne() {
    Path content = FixtureSite.copyTo(dir);
    Outcome outcome = lint(Map.of(), content.toString());
    assertThat(outcome.status()).isEqualTo(1);
    assertThat(outcome.out().lines().toList()).containsExactly(
        "impossible-date.md:4: date: impossible date '2021-02-30': Invalid date 'FEBRUARY 30'",
        content + ": 5 articles, 1 problem");
    assertThat(outcome.err()).isEmpty();
  }

  @Test
  void aCleanFolderExitsZero() throws Exception {
    Files.copy(FixtureSite.SEED, dir.resolve("seed.txt"));
    Outcome outcome = lint(Map.of(), dir.toString());
    assertThat(outcome.status()).isEqualTo(0);
    assertThat(outcome.out()).isEqualTo(dir + ": 1 article, 0 problems\n");
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
    assertThat(lint(Map.of(), "a", "b").status()).isEqualTo(2);
    assertThat(lint(Map.of(), "--help").err()).startsWith("usage: feedserver lint [DIR]");
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
    assertThat(output).contains("impossible-date.md:4: date: impossible date").endsWith(": 5 articles, 1 problem\n");
  }
}
