package dev.feedserver.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostNamePatternTest {
  @ParameterizedTest(name = "{1} as {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // pattern                                | path                                   | date               | title
        ":title.md                                | hello-world.md                         |                    | hello world",
        ":title.md                                | hello_world.markdown                   |                    | hello world",
        ":title.md                                | a/b/c.d.md                             |                    | c.d",
        ":title.md                                | 2014-04-05-hello.md                    | 2014-04-05         | hello",
        ":title.md                                | 2014-04-05.md                          |                    | 2014 04 05",
        ":title.md                                | 2014-4-5-hello.md                      |                    | hello",
        ":title.md                                | source/_posts/2014-04-05-x.md          | 2014-04-05         | x",
        ":title.md                                | 2021-02-30-x.md                        | 2021-02-30         | x",
        ":year-:month-:day-:title.md              | 2014-04-05-hello-world.md              | 2014-04-05         | hello world",
        ":year-:month-:day-:title.md              | hello.md                               |                    | hello",
        ":year-:month-:day-:title.md              | 2014-4-5-hello.md                      |                    | hello",
        ":year-:i_month-:i_day-:title.md          | 2014-4-5-hello.md                      | 2014-04-05         | hello",
        ":year-:i_month-:i_day-:title.md          | 2014-04-05-hello.md                    | 2014-04-05         | hello",
        ":year/:month/:day/:title.md              | source/_posts/2014/04/05/x.md          | 2014-04-05         | x",
        ":year/:month/:day/:title.md              | source/_drafts/2014/04/05/x.md         | 2014-04-05         | x",
        ":year/:month/:title.md                   | 2014/04/x.md                           |                    | x",
        ":year/:title.md                          | 2014-04-05-x.md                        |                    | x",
        ":year:month:day-:hour:minute:second-:title.md | 20140405-142854-x.md              | 2014-04-05 14:28:54 | x",
        ":lang/:year-:month-:day-:title.md        | zh-CN/2014-04-05-x.md                  | 2014-04-05         | x",
        ":title.md                                | folder/sub/_posts/2014-04-05-a_b.md    | 2014-04-05         | a b",
      })
  void readsWhatAFileNameSays(String pattern, String path, String date, String title) {
    PostNamePattern.FromName name = PostNamePattern.parse(pattern).read(Path.of(path));
    assertThat(name.date().map(PostNamePattern.NamedDate::shown).orElse(null)).isEqualTo(date);
    assertThat(name.title()).isEqualTo(title);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "''              | must not be empty",
        "post.md         | must hold a placeholder such as :title",
        "/:title.md      | must be relative",
      })
  void refusesPatternsThatCannotName(String pattern, String message) {
    assertThatThrownBy(() -> PostNamePattern.parse(pattern))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @org.junit.jupiter.api.Test
  void theDefaultIsHexos() {
    assertThat(PostNamePattern.DEFAULT).hasToString(":title.md").isEqualTo(PostNamePattern.parse(" :title.md "));
    assertThat(PostNamePattern.DEFAULT.carriesDate()).isFalse();
    assertThat(PostNamePattern.parse(":year-:month-:day-:title.md").carriesDate()).isTrue();
  }
}
