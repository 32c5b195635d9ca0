package dev.feedserver.yaml;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Loads untrusted YAML into plain Java values, safely and with limits.
 *
 * <ul>
 *   <li>Only {@link SafeConstructor}: no tag ever instantiates a class.
 *   <li>No implicit typing: every plain scalar stays a {@code String} (so {@code no} stays "no",
 *       {@code 2021-02-30} stays text, {@code 010} is not octal). Callers convert per key, strictly.
 *   <li>Limits on aliases, nesting depth, document size; duplicate keys are an error.
 * </ul>
 *
 * <p>Results are {@code Map<String?, Object>}, {@code List<Object>}, {@code String} or {@code null};
 * they never leave the parser that asked for them.
 */
public final class StrictYamlLoader {
  /** Alias references allowed per document by default; front matter practically never needs any. */
  public static final int MAX_ALIASES = 20;
  /** Default maximum nesting depth of collections. */
  public static final int MAX_NESTING = 16;

  private final int maxCodePoints;
  private final int maxAliases;
  private final int maxNesting;
  /**
   * A Yaml instance is not thread-safe but costly to build: one per thread, reused, built from this
   * loader's own limits.
   */
  private final ThreadLocal<Yaml> yamls;

  /** @param maxCodePoints maximum size of one document, in code points */
  public StrictYamlLoader(int maxCodePoints) {
    this(maxCodePoints, MAX_ALIASES, MAX_NESTING);
  }

  /**
   * @param maxCodePoints maximum size of one document, in code points
   * @param maxAliases alias references allowed per document
   * @param maxNesting maximum nesting depth of collections
   */
  public StrictYamlLoader(int maxCodePoints, int maxAliases, int maxNesting) {
    this.maxCodePoints = maxCodePoints;
    this.maxAliases = maxAliases;
    this.maxNesting = maxNesting;
    this.yamls = ThreadLocal.withInitial(this::newYaml);
  }

  /**
   * Parses one YAML document.
   *
   * @throws YamlProblem with the 1-based line (within the document) where known
   */
  public Object load(String document) {
    // the plainest front matter (most of it) is read without SnakeYAML, to the same values
    // (one well under the size limit: SnakeYAML enforces the limit)
    java.util.Optional<java.util.Map<String, Object>> plain =
        document.length() < maxCodePoints / 2 ? PlainYaml.read(document) : java.util.Optional.empty();
    return plain.isPresent() ? plain.get() : loadWithSnakeYaml(document);
  }

  /** {@link #load} through SnakeYAML always (and {@code PlainYamlTest}'s reference). */
  Object loadWithSnakeYaml(String document) {
    Yaml yaml = yamls.get();
    try {
      return yaml.load(document);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (e.getContext() != null) {
        problem = e.getContext() + ": " + problem;
      }
      throw new YamlProblem(line, "invalid YAML: " + oneLine(problem));
    } catch (YAMLException e) {
      throw new YamlProblem(0, "invalid YAML: " + oneLine(e.getMessage()));
    } catch (StackOverflowError e) {
      throw new YamlProblem(0, "invalid YAML: nested too deeply");
    }
  }

  private Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(maxAliases);
    options.setNestingDepthLimit(maxNesting);
    options.setCodePointLimit(maxCodePoints);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    options.setWarnOnDuplicateKeys(false);
    return new Yaml(
        new SafeConstructor(options),
        new Representer(new DumperOptions()),
        new DumperOptions(),
        options,
        new PlainStringResolver());
  }

  private static String oneLine(String message) {
    return message == null ? "unknown error" : message.replaceAll("\\s+", " ").trim();
  }

  /** A resolver with no implicit types: plain scalars are strings. */
  private static final class PlainStringResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      // intentionally empty: no bool/int/float/timestamp/null/merge guessing
    }
  }

  /** YAML that cannot be loaded; {@code line} is 1-based within the document, or 0 if unknown. */
  public static final class YamlProblem extends RuntimeException {
    private final int line;

    public YamlProblem(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }
}
