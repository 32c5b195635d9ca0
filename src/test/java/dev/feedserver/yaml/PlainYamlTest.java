package dev.feedserver.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainYaml} reads exactly what SnakeYAML reads ({@link StrictYamlLoader#loadWithSnakeYaml}),
 * or leaves the document to it: on front matter generated from pieces chosen to sit on every edge
 * of what it reads (indicators, quotes, colons, hashes, commas, brackets, spaces of every kind,
 * line separators, indentation), and on every front matter in the repository (the seed, the Hexo
 * site, the fixture, the hostile corpus).
 */
class PlainYamlTest {
  private final StrictYamlLoader yaml = new StrictYamlLoader(1 << 20);

  /** Asserts the two readers agree on one document; true when the plain reader read it. */
  private boolean agree(String document) {
    Optional<Map<String, Object>> plain = PlainYaml.read(document);
    if (plain.isEmpty()) {
      return false;
    }
    Object snake;
    try {
      snake = yaml.loadWithSnakeYaml(document);
    } catch (StrictYamlLoader.YamlProblem e) {
      throw new AssertionError("SnakeYAML refuses what the plain reader read as " + plain.get() + ": "
          + e.getMessage() + "\n---\n" + document, e);
    }
    assertThat(plain.get()).as("%s", document).isEqualTo(snake);
    assertThat(plain.get()).as("%s", document).isInstanceOf(java.util.LinkedHashMap.class);
    for (Object value : plain.get().values()) {
      if (value instanceof List<?>) {
        assertThat(value).isInstanceOf(ArrayList.class);
      }
    }
    return true;
  }

  private static final String[] KEYS = {"title", "date", "categories", "tags", "author", "id", "x-y", "a_b", "T1"};
  private static final String[] PIECES = {
    "a", "Hello", "world", " ", "  ", ",", ", ", ":", ": ", "#", " #", "-", "- ", "'", "''", "\"", "\\", "[", "]",
    "{", "}", "?", "!", "&", "*", "|", ">", "%", "@", "`", "=", "~", "<<", "null", "true", "1.0", "010", "0x1F",
    "2024-01-01 10:00:00", "Thu, 01 Jan 2015 09:54:43 GMT", "https://example.com/a?b=c#d", "C#", "中文",
    "\u3000", "\u00A0", "\u2028", "\u0085", "\t", "\uFEFF", "😀", "é", "...", "---", "\u200B", "\u2003"
  };

  private static String piece(Random random) {
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(4);
    for (int i = 0; i <= n; i++) {
      s.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return s.toString();
  }

  private static String value(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> "'" + piece(random) + "'";
      case 1 -> "\"" + piece(random) + "\"";
      case 2 -> {
        StringBuilder flow = new StringBuilder("[");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          String item = switch (random.nextInt(4)) {
            case 0 -> "'" + piece(random) + "'";
            case 1 -> "\"" + piece(random) + "\"";
            default -> piece(random);
          };
          flow.append(i == 0 ? "" : random.nextBoolean() ? ", " : ",").append(item);
        }
        yield flow.append(random.nextInt(5) == 0 ? " ]" : "]").toString();
      }
      default -> piece(random);
    };
  }

  private static String document(Random random) {
    StringBuilder doc = new StringBuilder();
    int keys = 1 + random.nextInt(5);
    for (int k = 0; k < keys; k++) {
      String key = random.nextInt(30) == 0 ? piece(random) : KEYS[random.nextInt(KEYS.length)];
      if (random.nextInt(3) == 0) {
        doc.append(key).append(':').append(random.nextInt(8) == 0 ? " " : "").append('\n');
        int items = random.nextInt(4);
        String indent = " ".repeat(random.nextInt(3));
        for (int i = 0; i < items; i++) {
          String itemIndent = random.nextInt(15) == 0 ? indent + " " : indent;
          doc.append(itemIndent).append(random.nextInt(15) == 0 ? "-" : "- ").append(value(random)).append('\n');
          if (random.nextInt(20) == 0) {
            doc.append('\n');
          }
        }
      } else {
        doc.append(key).append(random.nextInt(15) == 0 ? ":" : ": ").append(value(random));
        doc.append(random.nextInt(10) == 0 ? "  " : "").append('\n');
        if (random.nextInt(20) == 0) {
          doc.append("  ").append(piece(random)).append('\n'); // a continuation line
        }
      }
    }
    return random.nextBoolean() ? doc.toString() : doc.substring(0, doc.length() - 1);
  }

  @Test
  void readsWhatSnakeYamlReadsOnGeneratedFrontMatter() {
    Random random = new Random(12);
    int read = 0;
    int rounds = 200_000;
    for (int round = 0; round < rounds; round++) {
      if (agree(document(random))) {
        read++;
      }
    }
    // the generator aims at the edges; still a good share must be read, or nothing is tested
    assertThat(read).as("documents the plain reader read").isGreaterThan(rounds / 20);
  }

  @Test
  void readsWhatSnakeYamlReadsOnEveryFrontMatterOfTheRepository() throws IOException {
    List<Path> roots = List.of(Path.of("seeds"), Path.of("src", "test", "resources"));
    int read = 0;
    int seen = 0;
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          String name = file.getFileName().toString();
          if (!(name.endsWith(".md") || name.endsWith(".txt") || name.endsWith(".html") || name.endsWith(".markdown"))) {
            continue;
          }
          String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
          List<String> lines = text.lines().toList();
          int open = lines.indexOf("---");
          int close = open < 0 ? -1 : lines.subList(open + 1, lines.size()).indexOf("---");
          if (close < 0) {
            continue;
          }
          seen++;
          if (agree(String.join("\n", lines.subList(open + 1, open + 1 + close)))) {
            read++;
          }
        }
      }
    }
    assertThat(seen).isGreaterThan(50);
    assertThat(read).as("of %d front matters", seen).isGreaterThan(20);
  }

  @Test
  void theSeedIsReadWithoutSnakeYaml() throws IOException {
    String seed = Files.readString(Path.of("seeds", "000_dc3f88500a8e27b9.txt"));
    int open = seed.indexOf("---\n") + 4;
    String document = seed.substring(open, seed.indexOf("\n---\n", open));
    assertThat(agree(document)).isTrue();
  }
}
