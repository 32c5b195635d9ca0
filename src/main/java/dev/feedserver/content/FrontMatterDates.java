package dev.feedserver.content;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads front-matter dates in the forms Hexo (moment) accepts, strictly. Accepted shapes:
 *
 * <ul>
 *   <li>a date with {@code -} or {@code /} between its numbers, month and day in one or two digits:
 *       {@code 2021-12-06}, {@code 2018-7-24}, {@code 2016/03/04}, {@code 2016/3/4} (midnight);
 *   <li>the same followed by {@code T} or spaces and a time, the hour in one or two digits, seconds
 *       and a fraction of a second optional: {@code 2021-12-06T10:00:00}, {@code 2018-7-24
 *       23:31:06}, {@code 2016/03/04 10:00}, {@code 2021-12-06T10:00:00.250};
 *   <li>either time followed (with or without spaces) by {@code Z} or an offset {@code +08:00},
 *       {@code +0800} or {@code +08}: {@code 2014-04-05 14:28:54 +0800};
 *   <li>RFC 1123, as in {@code Mon, 06 Dec 2021 00:00:00 GMT} or {@code 6 Dec 2021 08:00 +0800}.
 *       A weekday that does not match the date does not lose the date: {@link #read} serves the
 *       date the numbers say and returns a warning.
 * </ul>
 *
 * A date without an offset is read in the configured zone. Impossible dates (February 30, hour 25,
 * offset +19:00) are errors, never moved to a neighbouring day; zone names ({@code PST}, {@code
 * Asia/Shanghai}) are not read.
 */
public final class FrontMatterDates {
  /**
   * Earliest and latest year of a date, also in UTC. Earlier dates meet the Julian calendar in
   * {@code java.util.Date} (used by the XML feed writer) and local mean time in zone data, so RSS,
   * Atom and JSON Feed would disagree about the day; later ones have no four-digit year.
   */
  static final int MIN_YEAR = 1900;

  static final int MAX_YEAR = 9999;

  /** Zone: {@code Z}, or an offset with or without a colon, or hours only. */
  private static final String OFFSET = "(?<zone>[Zz]|(?<sign>[+-])(?<oh>\\d{2})(?::?(?<om>\\d{2}))?)";

  /** Numeric dates, with an optional time and an optional zone (the zone only after a time). */
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?<year>\\d{4})(?<sep>[-/])(?<month>\\d{1,2})\\k<sep>(?<day>\\d{1,2})"
              + "(?:(?:[Tt]|\\s+)(?<hour>\\d{1,2}):(?<minute>\\d{2})"
              + "(?::(?<second>\\d{2})(?:[.,](?<fraction>\\d{1,9}))?)?"
              + "(?:\\s*" + OFFSET + ")?)?");

  /** RFC 1123 (RFC 822 with a four-digit year), the weekday optional; GMT or a {@code +HHMM} offset. */
  private static final Pattern RFC_1123 =
      Pattern.compile(
          "(?:(?<weekday>[A-Za-z]{3}),\\s*)?(?<day>\\d{1,2})\\s+(?<month>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))\\s+(?<year>\\d{4})\\s+"
              + "(?<hour>\\d{1,2}):(?<minute>\\d{2})(?::(?<second>\\d{2}))?\\s+"
              + "(?<zone>GMT|(?<sign>[+-])(?<oh>\\d{2})(?<om>\\d{2}))");

  private final ZoneId zone;

  /** @param zone zone for dates written without an offset */
  public FrontMatterDates(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone);
  }

  /**
   * A date read from the front matter.
   *
   * @param instant the moment it names
   * @param warning what was overlooked to read it (a weekday that does not match the date), if
   *     anything; in the words of a reason, without the key
   */
  public record Reading(Instant instant, Optional<String> warning) {
    public Reading {
      Objects.requireNonNull(instant, "instant");
      Objects.requireNonNull(warning, "warning");
    }
  }

  /**
   * Parses one date; a weekday that does not match the date is overlooked (see {@link #read} for
   * the warning).
   *
   * @throws DateTimeException with a reader-facing message when the text is not an accepted,
   *     possible date
   */
  public Instant parse(String text) {
    return read(text).instant();
  }

  /**
   * Reads one date and says what had to be overlooked.
   *
   * @throws DateTimeException with a reader-facing message when the text is not an accepted,
   *     possible date
   */
  public Reading read(String text) {
    String value = text.strip();
    if (value.isEmpty()) {
      throw new DateTimeException("empty date");
    }
    Matcher numeric = NUMERIC.matcher(value);
    if (numeric.matches()) {
      return new Reading(inRange(value, numeric(value, numeric)), Optional.empty());
    }
    Matcher rfc = RFC_1123.matcher(value);
    if (rfc.matches()) {
      return rfc1123(value, rfc);
    }
    throw new DateTimeException(
        "unrecognised date '" + value + "' (use 2021-12-06 10:00:00, ISO 8601"
            + " such as 2021-12-06T10:00:00+08:00, or RFC 1123 such as"
            + " Mon, 06 Dec 2021 00:00:00 GMT; zones are offsets such as +08:00, not names)");
  }

  /**
   * Midnight (or the given time) of a day named by numbers, in the configured zone: a date taken
   * from a file name.
   *
   * @throws DateTimeException when the numbers name no possible date, or one out of range
   */
  public Instant local(String shown, int year, int month, int day, int hour, int minute, int second) {
    Instant instant;
    try {
      instant = LocalDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, minute, second))
          .atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw impossible(shown, e);
    }
    return inRange(shown, instant);
  }

  /** The zone dates without an offset are read in. */
  public ZoneId zone() {
    return zone;
  }

  private Instant numeric(String value, Matcher m) {
    try {
      LocalDate date = LocalDate.of(number(m, "year"), number(m, "month"), number(m, "day"));
      if (m.group("hour") == null) {
        return date.atStartOfDay(zone).toInstant();
      }
      String fraction = m.group("fraction");
      int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
      LocalDateTime local = date.atTime(LocalTime.of(number(m, "hour"), number(m, "minute"), number(m, "second"), nanos));
      return m.group("zone") == null ? local.atZone(zone).toInstant() : local.toInstant(offset(m));
    } catch (DateTimeException e) {
      throw impossible(value, e);
    }
  }

  private Reading rfc1123(String value, Matcher m) {
    LocalDateTime local;
    ZoneOffset offset;
    try {
      Month month = MONTHS.get(m.group("month").toLowerCase(Locale.ROOT));
      local = LocalDateTime.of(
          LocalDate.of(number(m, "year"), month, number(m, "day")),
          LocalTime.of(number(m, "hour"), number(m, "minute"), number(m, "second")));
      offset = m.group("zone").equals("GMT") ? ZoneOffset.UTC : offset(m);
    } catch (DateTimeException e) {
      throw impossible(value, e);
    }
    Instant instant = inRange(value, local.toInstant(offset));
    String weekday = m.group("weekday");
    if (weekday == null) {
      return new Reading(instant, Optional.empty());
    }
    DayOfWeek written = WEEKDAYS.get(weekday.toLowerCase(Locale.ROOT));
    DayOfWeek actual = local.getDayOfWeek();
    if (written == actual) {
      return new Reading(instant, Optional.empty());
    }
    String day = local.getDayOfMonth() + " " + local.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
        + local.getYear();
    return new Reading(
        instant,
        Optional.of(
            "'" + value + "' says " + (written == null ? "'" + weekday + "', which is no weekday" : name(written))
                + ", but " + day + " is a " + name(actual) + ": using the date, not the weekday"));
  }

  private static String name(DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private static final java.util.Map<String, Month> MONTHS = new java.util.HashMap<>();
  private static final java.util.Map<String, DayOfWeek> WEEKDAYS = new java.util.HashMap<>();

  // RFC 5322's names, spelled out rather than asked of the JDK's locale data: that lookup costs a
  // start-up ~15 ms on the main thread, and these names never change
  static {
    String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (Month month : Month.values()) {
      MONTHS.put(months[month.ordinal()], month);
    }
    String[] weekdays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (DayOfWeek day : DayOfWeek.values()) {
      WEEKDAYS.put(weekdays[day.ordinal()], day);
    }
  }

  private static int number(Matcher m, String group) {
    String digits = m.group(group);
    return digits == null ? 0 : Integer.parseInt(digits);
  }

  /** The offset of a matched zone that is not {@code Z} or {@code GMT}. */
  private static ZoneOffset offset(Matcher m) {
    if (m.group("sign") == null) {
      return ZoneOffset.UTC; // Z
    }
    int hours = number(m, "oh");
    int minutes = number(m, "om");
    if (minutes > 59) {
      throw new DateTimeException("Zone offset minutes not in valid range: value " + minutes + " is not in the range 0 to 59");
    }
    int sign = m.group("sign").equals("-") ? -1 : 1;
    return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
  }

  private static DateTimeException impossible(String value, DateTimeException e) {
    return new DateTimeException(
        "impossible date '" + value + "'" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }

  static Instant inRange(String value, Instant instant) {
    int year = instant.atOffset(ZoneOffset.UTC).getYear();
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new DateTimeException(
          "date out of range '" + value + "': years " + MIN_YEAR + " to " + MAX_YEAR + " only");
    }
    return instant;
  }
}
