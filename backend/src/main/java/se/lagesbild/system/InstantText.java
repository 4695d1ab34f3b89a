package se.lagesbild.system;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as ISO-8601 text in UTC, the form the API reads and writes ({@code 2026-11-29T08:00:00.123Z}), without
 * a {@link DateTimeFormatter}: formatting is what {@link DateTimeFormatter#ISO_INSTANT} writes, character for
 * character, and parsing takes that canonical form directly. Pure functions; {@link InstantSerde} uses them for
 * every instant in JSON, where the formatter's general machinery cost a few per cent of an answer save's CPU
 * (bench/README.md). Anything else (an offset instead of Z, a year beyond 9999) goes to the formatter.
 */
public final class InstantText {

    private InstantText() {
    }

    /** The instant as {@link DateTimeFormatter#ISO_INSTANT} writes it: seconds always, a fraction in groups of three digits when not zero. */
    public static String format(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        StringBuilder text = new StringBuilder(30);
        digits(text, year, 4).append('-');
        digits(text, utc.getMonthValue(), 2).append('-');
        digits(text, utc.getDayOfMonth(), 2).append('T');
        digits(text, utc.getHour(), 2).append(':');
        digits(text, utc.getMinute(), 2).append(':');
        digits(text, utc.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(text, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                digits(text, nanos / 1_000, 6);
            } else {
                digits(text, nanos, 9);
            }
        }
        return text.append('Z').toString();
    }

    /**
     * The instant the text stands for: the canonical form ({@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of
     * 1 to 9 digits, {@code Z}) read directly, any other form as {@link DateTimeFormatter#ISO_INSTANT} reads it.
     *
     * @throws java.time.format.DateTimeParseException when the text is no instant
     */
    public static Instant parse(String text) {
        Instant canonical = parseCanonical(text);
        return canonical != null ? canonical : DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
    }

    /** The canonical form read directly, or null when the text is not in it (or not a valid date and time). */
    @Nullable
    static Instant parseCanonical(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = number(text, 20, length - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException notADate) { // 31 November, 29 February of a common year
            return null;
        }
    }

    /** The decimal number of text[from, to), or -1 if a character there is not a digit. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
