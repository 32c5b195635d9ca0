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
        // the forms Hexo's moment reads
        "2014-04-05 14:28:54 +0800            | 2014-04-05T06:28:54Z",
        "2014-04-05 14:28:54 +08:00           | 2014-04-05T06:28:54Z",
        "2014-04-05 14:28:54 -05:30           | 2014-04-05T19:58:54Z",
        "2014-04-05 14:28:54+08               | 2014-04-05T06:28:54Z",
        "2014-04-05 14:28:54 Z                | 2014-04-05T14:28:54Z",
        "2018-7-24 23:31:06                   | 2018-07-24T15:31:06Z",
        "2018-7-4 3:31:06                     | 2018-07-03T19:31:06Z",
        "2018-07-04 3:31                      | 2018-07-03T19:31:00Z",
        "2018-7-24                            | 2018-07-23T16:00:00Z",
        "2016/03/04 10:00                     | 2016-03-04T02:00:00Z",
        "2016/03/04 10:00:30                  | 2016-03-04T02:00:30Z",
        "2016/3/4                             | 2016-03-03T16:00:00Z",
        "2016/3/4 9:05 +09:00                 | 2016-03-04T00:05:00Z",
        "2016/03/04T10:00                     | 2016-03-04T02:00:00Z",
        "2021-12-06t10:00:00z                 | 2021-12-06T10:00:00Z",
        "2021-12-06T10:00:00.123456789+01:00  | 2021-12-06T09:00:00.123456789Z",
        "2021-12-06T10:00:00,5Z               | 2021-12-06T10:00:00.500Z",
        "2021-12-06 10:00:00.5                | 2021-12-06T02:00:00.500Z",
        "2021-12-06T10:00Z                    | 2021-12-06T10:00:00Z",
        "2021-12-06T10:00+08:00               | 2021-12-06T02:00:00Z",
        "2021-12-06  10:00:00                 | 2021-12-06T02:00:00Z",
        "'Mon, 06 Dec 2021 00:00 GMT'         | 2021-12-06T00:00:00Z",
        "'06 Dec 2021 00:00:00 GMT'           | 2021-12-06T00:00:00Z",
        "'mon, 06 dec 2021 00:00:00 GMT'      | 2021-12-06T00:00:00Z",
        "'Mon, 06 Dec 2021 08:00:00 -0130'    | 2021-12-06T09:30:00Z",
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
        "2021-2-29                         | impossible date",
        "2021/02/30                        | impossible date",
        "2021-12-06 10:60                  | impossible date",
        "2021-12-06 10:00:61               | impossible date",
        "2021-12-06T10:00:00+18:30         | impossible date",
        "2021-12-06T10:00:00+05:75         | impossible date",
        "'Mon, 31 Feb 2021 00:00:00 GMT'   | impossible date",
        "'Mon, 06 Foo 2021 00:00:00 GMT'   | unrecognised date",
        "2021-12/06                        | unrecognised date",
        "21-12-06                          | unrecognised date",
        "2021-012-06                       | unrecognised date",
        "2021-12-06 10                     | unrecognised date",
        "2021-12-06+08:00                  | unrecognised date",
        "2021-12-06 10:00:00 PST           | unrecognised date",
        "'Mon, 06 Dec 2021 00:00:00 UTC'   | unrecognised date",
        "'Mon, 06 Dec 21 00:00:00 GMT'     | unrecognised date",
        "1899-12-31 12:00                  | date out of range",
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

  /** Only RFC 1123's weekday may contradict the date: the numbers win, and the reading says so. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"Tue, 06 Dec 2021 00:00:00 GMT\"  | 2021-12-06T00:00:00Z | \"'Tue, 06 Dec 2021 00:00:00 GMT' says Tuesday, but 6 Dec 2021 is a Monday: using the date, not the weekday\"",
        "\"Sun, 6 Dec 2021 08:00:00 +0800\" | 2021-12-06T00:00:00Z | \"'Sun, 6 Dec 2021 08:00:00 +0800' says Sunday, but 6 Dec 2021 is a Monday: using the date, not the weekday\"",
        "\"Xyz, 06 Dec 2021 00:00:00 GMT\"  | 2021-12-06T00:00:00Z | \"'Xyz, 06 Dec 2021 00:00:00 GMT' says 'Xyz', which is no weekday, but 6 Dec 2021 is a Monday: using the date, not the weekday\"",
        "\"Mon, 06 Dec 2021 00:00:00 GMT\"  | 2021-12-06T00:00:00Z |",
        "2021-12-06                       | 2021-12-05T16:00:00Z |",
      })
  void aWrongWeekdayIsServedAtTheDateWithAWarning(String text, String expected, String warning) {
    FrontMatterDates.Reading reading = dates.read(text);
    assertThat(reading.instant()).isEqualTo(Instant.parse(expected));
    assertThat(reading.warning().orElse("")).isEqualTo(warning == null ? "" : warning);
    assertThat(dates.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0}-{1}-{2} {3}:{4}:{5}")
  @CsvSource(quoteCharacter = '"', value = {
    "2014, 4, 5, 0, 0, 0, 2014-04-04T16:00:00Z,",
    "2014, 4, 5, 14, 28, 54, 2014-04-05T06:28:54Z,",
    "2021, 2, 30, 0, 0, 0, , impossible date '2021-02-30': Invalid date 'FEBRUARY 30'",
    "1800, 1, 1, 0, 0, 0, , date out of range '1800-01-01': years 1900 to 9999 only",
  })
  void aDateFromNumbersIsReadInTheZoneAndStrictly(int y, int m, int d, int h, int mi, int s, String expected,
      String error) {
    String shown = String.format("%04d-%02d-%02d", y, m, d);
    if (expected != null) {
      assertThat(dates.local(shown, y, m, d, h, mi, s)).isEqualTo(Instant.parse(expected));
    } else {
      assertThatThrownBy(() -> dates.local(shown, y, m, d, h, mi, s)).isInstanceOf(DateTimeException.class).hasMessage(error);
    }
  }
}
