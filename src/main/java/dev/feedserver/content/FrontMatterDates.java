package dev.feedserver.content;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads front-matter dates strictly. Accepted shapes:
 *
 * <ul>
 *   <li>RFC 1123, as in {@code Mon, 06 Dec 2021 00:00:00 GMT} (the weekday must match the date);
 *   <li>ISO 8601 date-time with or without an offset: {@code 2021-12-06T10:00:00+08:00}, {@code
 *       2021-12-06T10:00:00Z}, {@code 2021-12-06T10:00}, fractions of a second allowed;
 *   <li>Hexo's {@code 2021-12-06 10:00:00} and {@code 2021-12-06 10:00}, optionally with an offset;
 *   <li>a bare date {@code 2021-12-06} (midnight).
 * </ul>
 *
 * A date without an offset is read in the configured zone. Impossible dates (February 30, hour 25)
 * are errors, never moved to a neighbouring day.
 */
public final class FrontMatterDates {
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);

  private static final DateTimeFormatter LOCAL_DATE =
      new DateTimeFormatterBuilder()
          .appendValue(ChronoField.YEAR, 4)
          .appendLiteral('-')
          .appendValue(ChronoField.MONTH_OF_YEAR, 2)
          .appendLiteral('-')
          .appendValue(ChronoField.DAY_OF_MONTH, 2)
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  /** Date, 'T' or one space, time with optional seconds and fraction, optional offset. */
  private static final DateTimeFormatter DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(java.time.chrono.IsoChronology.INSTANCE);

  /**
   * Earliest and latest year of a date, also in UTC. Earlier dates meet the Julian calendar in
   * {@code java.util.Date} (used by the XML feed writer) and local mean time in zone data, so RSS,
   * Atom and JSON Feed would disagree about the day; later ones have no four-digit year.
   */
  static final int MIN_YEAR = 1900;

  static final int MAX_YEAR = 9999;

  private static final java.util.regex.Pattern BARE_DATE =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final java.util.regex.Pattern ISO_START =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}.*");
  private static final java.util.regex.Pattern RFC_START =
      java.util.regex.Pattern.compile("(?i)([a-z]{3}, )?\\d{1,2} [a-z]{3} \\d{4} .*");

  private final ZoneId zone;

  /** @param zone zone for dates written without an offset */
  public FrontMatterDates(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone);
  }

  /**
   * Parses one date.
   *
   * @throws DateTimeException with a reader-facing message when the text is not an accepted,
   *     possible date
   */
  public Instant parse(String text) {
    String value = text.strip();
    if (value.isEmpty()) {
      throw new DateTimeException("empty date");
    }
    for (Shape shape : SHAPES) {
      if (!shape.claims(value)) {
        continue; // cheap: no exception thrown for the shapes that cannot fit
      }
      Instant instant;
      try {
        instant = shape.parse(value, zone);
      } catch (DateTimeParseException e) {
        if (e.getCause() != null) {
          throw new DateTimeException(
              "impossible date '" + value + "'" + reasonOf(e));
        }
        break; // the right start, but a tail no shape reads (a zone name, say)
      }
      int year = instant.atOffset(ZoneOffset.UTC).getYear();
      if (year < MIN_YEAR || year > MAX_YEAR) {
        throw new DateTimeException(
            "date out of range '" + value + "': years " + MIN_YEAR + " to " + MAX_YEAR + " only");
      }
      return instant;
    }
    throw new DateTimeException(
        "unrecognised date '" + value + "' (use 2021-12-06 10:00:00, ISO 8601"
            + " such as 2021-12-06T10:00:00+08:00, or RFC 1123 such as"
            + " Mon, 06 Dec 2021 00:00:00 GMT; zones are offsets such as +08:00, not names)");
  }

  private static String reasonOf(DateTimeParseException e) {
    Throwable cause = e.getCause();
    return cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : "";
  }

  /** One accepted shape; {@link #claims} tells whether a failure means "right shape, bad value". */
  private interface Shape {
    Instant parse(String value, ZoneId zone);

    boolean claims(String value);
  }

  private static final List<Shape> SHAPES =
      List.of(
          new Shape() { // bare date
            public Instant parse(String value, ZoneId zone) {
              return LocalDate.parse(value, LOCAL_DATE).atStartOfDay(zone).toInstant();
            }

            public boolean claims(String value) {
              return BARE_DATE.matcher(value).matches();
            }
          },
          new Shape() { // ISO 8601 / Hexo
            public Instant parse(String value, ZoneId zone) {
              TemporalAccessor parsed = DATE_TIME.parse(value);
              if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return OffsetDateTime.from(parsed).toInstant();
              }
              return LocalDateTime.from(parsed).atZone(zone).toInstant();
            }

            public boolean claims(String value) {
              return ISO_START.matcher(value).matches();
            }
          },
          new Shape() { // RFC 1123
            public Instant parse(String value, ZoneId zone) {
              return ZonedDateTime.parse(value, RFC_1123).toInstant();
            }

            public boolean claims(String value) {
              return RFC_START.matcher(value).matches();
            }
          });
}
