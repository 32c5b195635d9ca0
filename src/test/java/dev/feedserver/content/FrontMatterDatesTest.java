package dev.feedserver.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrontMatterDatesTest {
  private final FrontMatterDates dates = new FrontMatterDates(ZoneId.of("Asia/Shanghai"));

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Mon, 06 Dec 2021 00:00:00 GMT        | 2021-12-06T00:00:00Z",
        "Mon, 6 Dec 2021 08:00:00 +0800       | 2021-12-06T00:00:00Z",
        "2021-12-06T10:00:00+08:00            | 2021-12-06T02:00:00Z",
        "2021-12-06T10:00:00Z                 | 2021-12-06T10:00:00Z",
        "2021-12-06T10:00:00.250Z             | 2021-12-06T10:00:00.250Z",
        "2021-12-06T10:00:00                  | 2021-12-06T02:00:00Z",
        "2021-12-06T10:00                     | 2021-12-06T02:00:00Z",
        "2021-12-06 10:00:00                  | 2021-12-06T02:00:00Z",
        "2021-12-06 10:00                     | 2021-12-06T02:00:00Z",
        "2021-12-06 10:00:00 +09:00           | 2021-12-06T01:00:00Z",
        "2021-12-06 10:00:00+0100             | 2021-12-06T09:00:00Z",
        "2021-12-06                           | 2021-12-05T16:00:00Z",
        "2024-02-29                           | 2024-02-28T16:00:00Z",
        "'  2021-12-06  '                     | 2021-12-05T16:00:00Z",
      })
  void acceptedShapes(String text, String expected) {
    assertThat(dates.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2021-02-30                        | impossible date",
        "2023-02-29 10:00:00               | impossible date",
        "2021-12-06 25:00:00               | impossible date",
        "2021-13-01T00:00:00Z              | impossible date",
        "Tue, 06 Dec 2021 00:00:00 GMT     | impossible date",
        "yesterday                         | unrecognised date",
        "1638748800                        | unrecognised date",
        "06/12/2021                        | unrecognised date",
        "''                                | empty date",
      })
  void rejectedDates(String text, String message) {
    assertThatThrownBy(() -> dates.parse(text))
        .isInstanceOf(DateTimeException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({
    "2021-12-06 10:00:00, UTC, 2021-12-06T10:00:00Z",
    "2021-12-06 10:00:00, America/New_York, 2021-12-06T15:00:00Z",
    "2021-12-06T10:00:00Z, America/New_York, 2021-12-06T10:00:00Z",
  })
  void zoneAppliesOnlyWithoutOffset(String text, String zone, String expected) {
    assertThat(new FrontMatterDates(ZoneId.of(zone)).parse(text)).isEqualTo(Instant.parse(expected));
  }
}
