package org.thidua.service.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the history keeps them and the service answers them: UTC to the millisecond, {@code Z} at the end
 * ({@code 2026-11-30T23:45:00.000Z}). Text sorts as time does, so the store can order and compare it as it is.
 */
public final class Timestamps {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return TIME.format(instant);
    }

    /**
     * The instant a text of {@link #format} gives. Reads the fixed shape digit by digit: a ranking reads one per unit
     * (40,000 and more), and the formatter's general parser was a quarter of that read's time.
     */
    static Instant parse(String text) {
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int milli = digits(text, 20, 23);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0 && milli >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, milli * 1_000_000).toInstant(ZoneOffset.UTC);
                } catch (DateTimeException e) {
                    // not a date (30 February, hour 24): the formatter decides, as it always did
                }
            }
        }
        return Instant.from(TIME.parse(text)); // anything else: the formatter's answer, or its error
    }

    /** The number written by the digits from {@code from} to {@code to}, or -1 when one of them is not a digit. */
    private static int digits(String text, int from, int to) {
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
}
