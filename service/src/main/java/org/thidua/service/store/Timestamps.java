package org.thidua.service.store;

import java.time.Instant;
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

    static Instant parse(String text) {
        return Instant.from(TIME.parse(text));
    }
}
