package dev.feedserver;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.feedserver.config.Config;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppTest {
  @TempDir Path dir;

  @Test
  void strictModeRefusesToStartWhenAnArticleIsSkipped() {
    Config lenient = FixtureSite.config(FixtureSite.copyTo(dir));
    Config strict =
        new Config(lenient.title(), lenient.description(), lenient.baseUrl(), lenient.language(),
            lenient.timeZone(), lenient.contentDir(), lenient.feedSize(), lenient.maxLimit(), lenient.cacheMaxAge(), lenient.idAuthority(),
            0, true, false, java.util.Optional.empty(), lenient.corsOrigins(),
            lenient.limits(), lenient.categoryTree(), lenient.hexoSite(), lenient.author(),
            lenient.defaultCategory(), lenient.excerptsInFeeds(), lenient.newPostName());
    assertThatThrownBy(() -> App.start(strict))
        .isInstanceOf(App.StartupException.class)
        .hasMessage(
            "strict mode: 1 file(s) skipped, first: impossible-date.md:4: date: impossible date"
                + " '2021-02-30': Invalid date 'FEBRUARY 30'");
  }

  @Test
  void strictModeRefusesWarningsToo() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("2014-04-05-dated.md"), "---\ntitle: Dated\n---\n<p>x</p>");
    java.nio.file.Files.writeString(dir.resolve("clean.md"), "---\ntitle: Clean\ndate: 2024-01-01\n---\n<p>x</p>");
    Config lenient = FixtureSite.config(dir);
    Config strict =
        new Config(lenient.title(), lenient.description(), lenient.baseUrl(), lenient.language(),
            lenient.timeZone(), lenient.contentDir(), lenient.feedSize(), lenient.maxLimit(), lenient.cacheMaxAge(),
            lenient.idAuthority(), 0, true, false, java.util.Optional.empty(), lenient.corsOrigins(),
            lenient.limits(), lenient.categoryTree(), lenient.hexoSite(), lenient.author(),
            lenient.defaultCategory(), lenient.excerptsInFeeds(), lenient.newPostName());
    assertThatThrownBy(() -> App.start(strict))
        .isInstanceOf(App.StartupException.class)
        .hasMessage("strict mode: 1 warning(s), first: 2014-04-05-dated.md:1: no date: using 2014-04-05 from the file name");
  }

  @Test
  void missingContentFolderNamesTheKey() {
    Config config = FixtureSite.config(dir.resolve("missing"));
    assertThatThrownBy(() -> App.start(config))
        .isInstanceOf(App.StartupException.class)
        .hasMessageContaining("config key 'contentDir'")
        .hasMessageContaining("missing");
  }

  @Test
  void aPortInUseNamesTheKey() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      Config lenient = FixtureSite.config(FixtureSite.copyTo(dir));
      Config busy = FixtureSite.onPort(lenient, taken.getLocalPort());
      assertThatThrownBy(() -> App.start(busy))
          .isInstanceOf(App.StartupException.class)
          .hasMessageContaining("config key 'port': cannot listen on port " + taken.getLocalPort());
    }
  }
}
