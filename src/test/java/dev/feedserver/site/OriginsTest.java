package dev.feedserver.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedserver.config.ConfigException;
import dev.feedserver.config.ConfigLoader;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OriginsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*                                              | *",
        "https://blog.example                           | https://blog.example",
        "HTTPS://Blog.Example:443/, http://x.test:8080  | https://blog.example http://x.test:8080",
        "http://a.test  http://a.test,http://b.test:80  | http://a.test http://b.test",
      })
  void readsAnyOrAList(String value, String frameAncestors) {
    assertThat(Origins.parse(value).frameAncestors()).isEqualTo(frameAncestors);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"blog.example", "https://blog.example/path", "ftp://x.test", "https://x.test?q", ",", "*, https://x.test"})
  void rejectsWhatIsNotAnOrigin(String value) {
    assertThatThrownBy(() -> Origins.parse(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void theConfigKeyNamesItselfWhenBad() {
    assertThat(new ConfigLoader(Map.of()).load(Optional.empty()).corsOrigins()).isEqualTo(Origins.ANY);
    assertThat(new ConfigLoader(Map.of("FEED_CORS_ORIGINS", "https://blog.example")).load(Optional.empty())
        .corsOrigins().allows("https://blog.example")).isTrue();
    assertThatThrownBy(() -> new ConfigLoader(Map.of("FEED_CORS_ORIGINS", "blog.example")).load(Optional.empty()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config key 'corsOrigins' (environment variable FEED_CORS_ORIGINS): ");
  }
}
