package dev.feedserver;

import dev.feedserver.config.Config;
import dev.feedserver.config.ConfigException;
import dev.feedserver.config.ConfigLoader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line: {@code serve} (the default), {@code export DIR}, {@code lint [DIR]}, each with
 * {@code --help}, and {@code --version}. The common keys have options ({@code --port}, {@code
 * --content-dir}, {@code --base-url}, {@code --config}); an option wins over the environment, which
 * wins over the config file, then a Hexo site's {@code _config.yml}, then the defaults. An unknown
 * command or option prints the usage and exits 2 without starting anything.
 */
@Command(
    name = "feedserver",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    description = "Serves a folder of articles (or a Hexo site) as RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds and pages."
        + " Without a command it serves.",
    subcommands = {CommandLine.HelpCommand.class},
    usageHelpAutoWidth = true)
final class Cli implements Callable<Integer> {
  /** What the command line asked for beyond its exit status: whether a server now runs. */
  private Optional<App> started = Optional.empty();

  private final Map<String, String> environment;
  private final PrintStream out;
  private final PrintStream err;

  @Mixin private ConfigOptions options;

  Cli(Map<String, String> environment, PrintStream out, PrintStream err) {
    this.environment = Map.copyOf(environment);
    this.out = out;
    this.err = err;
  }

  /** Runs a command line; the server, if it was started, is {@link #started()}. */
  int run(String... args) {
    if (args.length == 0) {
      // how a server is started: nothing to parse, so no command model to build (a tenth of a
      // second of reflection at every start), and the same as picocli's call() with no options
      return serve(new ConfigOptions());
    }
    CommandLine line = new CommandLine(this);
    line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    // a wrong command or option: what is wrong, the closest known words, then always the usage
    line.setParameterExceptionHandler((e, given) -> {
      CommandLine wrong = e.getCommandLine();
      wrong.getErr().println(e.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(e, wrong.getErr());
      wrong.usage(wrong.getErr());
      return 2;
    });
    return line.execute(args);
  }

  Optional<App> started() {
    return started;
  }

  /** No command: serve. */
  @Override
  public Integer call() {
    return serve(options);
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = "Serve the content folder over HTTP (the default). Ctrl-C or SIGTERM drains and stops.")
  int serve(@Mixin ConfigOptions serveOptions) {
    try {
      App app = App.start(serveOptions.load(environment));
      Runtime.getRuntime().addShutdownHook(new Thread(app::drainAndStop, "shutdown"));
      started = Optional.of(app);
      return 0;
    } catch (ConfigException | App.StartupException e) {
      err.println("feedserver: " + e.getMessage());
      return 2;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write the whole site as static files (each with a .gz beside it) into DIR.")
  int export(@Mixin ConfigOptions exportOptions,
      @Parameters(paramLabel = "DIR", description = "the folder to write into") Path dir) {
    Config config;
    try {
      config = exportOptions.load(environment);
      return Exporter.run(config, dir, out, err);
    } catch (ConfigException | App.StartupException e) {
      err.println("feedserver: " + e.getMessage());
      return 2;
    }
  }

  @Command(name = "lint", mixinStandardHelpOptions = true,
      description = "Read a content folder (or a Hexo site) as the server would and name every problem and warning."
          + " Exit status: 0 clean, 1 problems or warnings, 2 usage or configuration error.")
  int lint(@Mixin ConfigOptions lintOptions,
      @Parameters(paramLabel = "DIR", arity = "0..1",
          description = "the folder to check (default: the configured contentDir)") Path dir) {
    ConfigLoader loader = lintOptions.loader(environment, Optional.ofNullable(dir));
    return Lint.run(loader, out, err);
  }

  /** The options of the common configuration keys, shared by every command. */
  static final class ConfigOptions {
    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (config key port; env PORT; default 7070)")
    String port;

    @Option(names = "--content-dir", paramLabel = "DIR",
        description = "the folder of articles, or a Hexo site (config key contentDir; env FEED_CONTENT_DIR; default seeds)")
    String contentDir;

    @Option(names = "--base-url", paramLabel = "URL",
        description = "the absolute URL readers reach the site at (config key baseUrl; env FEED_BASE_URL)")
    String baseUrl;

    @Option(names = "--config", paramLabel = "FILE", description = "a YAML config file (env FEED_CONFIG)")
    Path config;

    /** The configuration with these options over the environment, the config file and the defaults. */
    Config load(Map<String, String> environment) {
      return loader(environment, Optional.empty()).load();
    }

    ConfigLoader loader(Map<String, String> environment, Optional<Path> contentDirArgument) {
      Map<String, ConfigLoader.Given> given = new LinkedHashMap<>();
      if (port != null) {
        given.put("port", new ConfigLoader.Given(port, "option --port"));
      }
      if (contentDir != null) {
        given.put("contentDir", new ConfigLoader.Given(contentDir, "option --content-dir"));
      }
      contentDirArgument.ifPresent(dir -> given.put("contentDir", new ConfigLoader.Given(dir.toString(), "argument DIR")));
      if (baseUrl != null) {
        given.put("baseUrl", new ConfigLoader.Given(baseUrl, "option --base-url"));
      }
      Map<String, String> env = new LinkedHashMap<>(environment);
      if (config != null) {
        env.put(ConfigLoader.CONFIG_FILE_ENV, config.toString());
      }
      return new ConfigLoader(env, given);
    }
  }

  /** The version the jar was built as (its manifest), or a development build's. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Cli.class.getPackage().getImplementationVersion();
      return new String[] {"feedserver " + (version == null ? "(development build)" : version)};
    }
  }
}
