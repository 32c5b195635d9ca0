package dev.feedserver.web;

import dev.feedserver.FixtureSite;
import dev.feedserver.config.Config;
import java.nio.file.Path;

/**
 * {@link IndependentParsersTest} on the Hexo site: its category tree's feeds (a parent's holding its
 * descendants' entries), tag and author feeds, each crawled from the pages and read back by
 * parsers that share no code with ours.
 */
class HexoSiteIndependentParsersTest extends IndependentParsersTest {
  @Override
  Config corpus(Path dir) {
    return FixtureSite.hexoConfig(FixtureSite.copyHexoSiteTo(dir));
  }
}
