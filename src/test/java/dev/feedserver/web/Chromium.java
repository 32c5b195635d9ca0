package dev.feedserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} through its {@code chromium-driver}, headless, with a fresh profile and
 * no network but loopback; nothing is downloaded (the paths are given, so Selenium Manager never
 * runs). The browser tests' one way to start it.
 */
final class Chromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  static ChromeDriver start(Path profile) {
    for (Path binary : List.of(BROWSER, DRIVER)) {
      assertThat(Files.isExecutable(binary))
          .as(binary + " is needed: run `apt-get install chromium chromium-driver fonts-noto-cjk` (.ci/run does)")
          .isTrue();
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--no-default-browser-check", "--disable-extensions", "--disable-default-apps",
        "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1000,1400", "--lang=zh-CN",
        // nothing but loopback is reachable, whatever a page names
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    return browser;
  }
}
