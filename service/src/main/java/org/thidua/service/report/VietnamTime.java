package org.thidua.service.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.thidua.core.VietnameseNumbers;

/**
 * The one clock for dates and times that people read: Vietnam time (Asia/Ho_Chi_Minh), whatever the machine's
 * zone. The service and the command line both take "today" from here, so a report made by {@code thidua report}
 * at 23:30 UTC carries the same date as the one the service serves.
 */
public final class VietnamTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static volatile Clock clock = Clock.systemUTC();

    private VietnamTime() {
    }

    /** Today's date in Vietnam. */
    public static LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** Now, from the same clock: what deadlines are compared with (instants, so the machine's zone plays no part). */
    public static Instant now() {
        return clock.instant();
    }

    /** An instant as people in Vietnam read it: 30/11/2021 14:05:09. */
    public static String dateTime(Instant instant) {
        ZonedDateTime there = instant.atZone(ZONE);
        return VietnameseNumbers.date(there.toLocalDate()) + " " + TIME.format(there);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Sets the clock "today" is read from, and returns the one it replaces (tests pin the instant with it). */
    public static Clock use(Clock newClock) {
        Clock old = clock;
        clock = newClock;
        return old;
    }
}
