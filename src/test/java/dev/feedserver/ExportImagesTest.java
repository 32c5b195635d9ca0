package dev.feedserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedserver.config.Config;
import dev.feedserver.config.ImageProxySettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The static export has no image proxy behind it: with {@code imageProxy: true} it still writes the original URLs. */
class ExportImagesTest {
  @TempDir Path dir;

  @Test
  void theExportKeepsOriginalImageUrlsWithTheProxyOn() throws Exception {
    Path content = FixtureSite.copyTo(Files.createDirectories(dir.resolve("content")));
    Config config = FixtureSite.config(content)
        .withImageProxy(Optional.of(ImageHost.proxySettings(false, ImageProxySettings.Referer.NONE)));
    Path out = dir.resolve("out");

    assertThat(Exporter.run(config, out, System.out, System.err)).isZero();

    String page = Files.readString(out.resolve("entry/000_dc3f88500a8e27b9/index.html"), StandardCharsets.UTF_8);
    assertThat(page).contains("src=\"https://p5.toutiaoimg.com/origin/tos-cn-i-qvj2lq49k0/bc5b2cedee704e1fa09de5d8b80c6a22\"");
    assertThat(page).doesNotContain("/img/");
    try (var files = Files.walk(out)) {
      assertThat(files.filter(f -> f.toString().endsWith(".xml") || f.toString().endsWith(".json"))
          .map(f -> {
            try {
              return Files.readString(f, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .filter(text -> text.contains(FixtureSite.BASE_URL + "img/"))).isEmpty();
    }
  }
}
