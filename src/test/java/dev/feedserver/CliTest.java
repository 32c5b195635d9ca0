package dev.feedserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line as a user runs it: {@code java -cp … dev.feedserver.App ARGS} in a real process.
 * Help and version print and exit; a wrong command or option prints the usage and exits 2 without
 * starting anything; options win over the environment; {@code serve} (the default) serves.
 */
class CliTest {
  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  private static Process start(Map<String, String> env, String... args) throws IOException {
    return start(List.of(), env, args);
  }

  private static Process start(List<String> jvmFlags, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), App.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("FEED_") || k.equals("PORT"));
    builder.environment().putAll(env);
    return builder.start();
  }

  /** Runs a command that must end by itself within 30 s (a server that started would not). */
  private static Run run(Map<String, String> env, String... args) throws Exception {
    return run(List.of(), env, args);
  }

  private static Run run(List<String> jvmFlags, Map<String, String> env, String... args) throws Exception {
    Process process = start(jvmFlags, env, args);
    process.getOutputStream().close();
    boolean ended = process.waitFor(30, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    assertThat(ended).as("'" + String.join(" ", args) + "' ended by itself (it must not start a server)").isTrue();
    return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void helpAndVersionPrintAndExitWithoutServing() throws Exception {
    Run help = run(Map.of(), "--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).startsWith("Usage: feedserver").contains("serve", "export", "lint", "--port", "--content-dir",
        "--base-url", "--config", "--version");
    assertThat(help.out() + help.err()).doesNotContain("serving");
    Run version = run(Map.of(), "--version");
    assertThat(version.status()).isZero();
    assertThat(version.out()).startsWith("feedserver ");
    for (String command : List.of("serve", "export", "lint")) {
      Run commandHelp = run(Map.of(), command, "--help");
      assertThat(commandHelp.status()).as(command).isZero();
      assertThat(commandHelp.out()).as(command).startsWith("Usage: feedserver " + command);
    }
  }

  /** The JVM flags of the Procfile's command, split as its shell splits them (quotes removed). */
  private static List<String> procfileJvmFlags() throws IOException {
    String line = Files.readString(Path.of("Procfile"), StandardCharsets.UTF_8).strip();
    Matcher command = Pattern.compile("web: java (.*) -jar target/feedserver\\.jar").matcher(line);
    assertThat(command.matches()).as(line).isTrue();
    List<String> flags = new ArrayList<>();
    Matcher token = Pattern.compile("'([^']*)'|(\\S+)").matcher(command.group(1));
    while (token.find()) {
      flags.add(token.group(1) != null ? token.group(1) : token.group(2));
    }
    return flags;
  }

  /** The flags of a {@code java} argument file: its words, without its {@code #} comments. */
  private static List<String> argumentFileFlags(Path file) throws IOException {
    List<String> flags = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int comment = line.indexOf('#');
      String words = (comment < 0 ? line : line.substring(0, comment)).strip();
      if (!words.isEmpty()) {
        flags.addAll(List.of(words.split("\\s+")));
      }
    }
    return flags;
  }

  @Test
  void theRunCommandsFlagsReachTheJvmSilentlyAndTheReadmeAndBenchmarksRunTheSame() throws Exception {
    List<String> flags = procfileJvmFlags();
    assertThat(flags).containsExactly("@src/main/jvm/feedserver.options");
    List<String> options = argumentFileFlags(Path.of("src/main/jvm/feedserver.options"));
    assertThat(options).contains("-XX:SharedArchiveFile=target/feedserver.jsa", "-XX:CompileCommand=quiet",
        "-XX:CompileCommand=dontinline,sun.util.locale.LocaleObjectCache::*", "-XX:Tier4InvocationThreshold=80000");
    // a flag this JVM did not know would stop it before main; a CompileCommand without "quiet"
    // would print itself on every start (the archive may not fit this test's class path: the JVM
    // then says so, and goes on)
    Run version = run(flags, Map.of(), "--version");
    assertThat(version.status()).as(version.err()).isZero();
    assertThat(version.out()).contains("feedserver ").doesNotContain("CompileCommand");
    // every flag the file names is applied as it says (its comments are no flags)
    List<String> printing = new ArrayList<>(flags);
    printing.add("-XX:+PrintFlagsFinal");
    Run applied = run(printing, Map.of(), "--version");
    assertThat(applied.status()).as(applied.err()).isZero();
    for (String option : options) {
      Matcher flag = Pattern.compile("-XX:(\\w+)=(.+)").matcher(option);
      assertThat(flag.matches()).as(option).isTrue();
      if (flag.group(1).equals("CompileCommand")) {
        assertThat(applied.out()).as(option).contains(flag.group(2));
      } else {
        assertThat(applied.out()).as(option).containsPattern(
            " " + flag.group(1) + " +=\\s+" + Pattern.quote(flag.group(2)) + " +\\{product\\} \\{command line\\}");
      }
    }
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertThat(readme).as("the README's run command")
        .contains("java @src/main/jvm/feedserver.options -jar target/feedserver.jar");
    assertThat(Files.readString(Path.of("bench/common.sh"), StandardCharsets.UTF_8)).as("the benchmarks' JVM flags")
        .contains("@src/main/jvm/feedserver.options");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--halp", "frobnicate", "serve --verbose", "export", "lint a b", "--port"})
  void aWrongCommandOrOptionPrintsTheUsageAndExitsTwo(String line) throws Exception {
    Run wrong = run(Map.of(), line.split(" "));
    assertThat(wrong.status()).isEqualTo(2);
    assertThat(wrong.err()).contains("Usage: feedserver");
    assertThat(wrong.out() + wrong.err()).doesNotContain("serving");
  }

  @Test
  void aBadOptionValueIsNamedAndNothingStarts() throws Exception {
    Run bad = run(Map.of(), "serve", "--port", "x");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("config key 'port' (option --port): must be a whole number from 0 to 65535 (got 'x')");
  }

  @Test
  void withoutArgumentsItServesWhatTheEnvironmentSaysAndNamesABadValue() throws Exception {
    Run bad = run(Map.of("PORT", "x"));
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("feedserver: config key 'port' (environment variable PORT): must be a whole number from 0 to 65535 (got 'x')\n");
    assertThat(bad.out()).isEmpty();
  }

  @Test
  void serveIsTheDefaultAndItsOptionsWinOverTheEnvironment() throws Exception {
    Path content = FixtureSite.copyTo(dir.resolve("content"));
    // the environment says otherwise (and would fail): the options win
    Process server = start(Map.of("PORT", "not-a-port", "FEED_CONTENT_DIR", "/no/such/folder", "FEED_WATCH", "false"),
        "--port", "0", "--content-dir", content.toString(), "--base-url", "http://feeds.test/");
    try {
      Matcher serving = Pattern.compile("serving http://feeds.test/ on port (\\d+)").matcher("");
      var lines = new java.io.BufferedReader(new java.io.InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
      String line;
      int port = -1;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (port < 0 && System.nanoTime() < deadline && (line = lines.readLine()) != null) {
        if (serving.reset(line).find()) {
          port = Integer.parseInt(serving.group(1));
        }
      }
      assertThat(port).as("the server logged its port").isPositive();
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/healthz")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"articles\":5");
    } finally {
      server.destroyForcibly();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void exportWritesTheSiteAndLintChecksAFolder() throws Exception {
    Path content = FixtureSite.copyTo(dir.resolve("content"));
    Path out = dir.resolve("out");
    Run export = run(Map.of("FEED_WATCH", "false"), "export", "--content-dir", content.toString(), out.toString());
    assertThat(export.status()).as(export.err()).isZero();
    assertThat(export.out()).startsWith("exported ");
    assertThat(out.resolve("rss.xml")).exists();
    assertThat(Files.exists(out.resolve("index.html"))).isTrue();
    Run lint = run(Map.of(), "lint", content.toString());
    assertThat(lint.status()).isEqualTo(1);
    assertThat(lint.out()).endsWith(": 5 articles, 1 problem, 0 warnings\n");
  }
}
