package org.thidua.service.store;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids of stored requests and evaluations: UUIDs of version 7 (RFC 9562), whose first 48 bits are the time in Unix
 * milliseconds and whose last 62 are random, so that each new id sorts after the ones before it. An index on them
 * (the evaluation's {@code id}, the evaluations of a request) then grows at its end, on pages the writer holds,
 * instead of touching a random page of it for every row: with random (version 4) ids that was a page written to
 * the write-ahead log per evaluation stored (BENCHMARKS.md, issue 16). The ids stay opaque strings of the same form.
 *
 * <p>Ids made in one process increase strictly: within a millisecond, a 12-bit counter follows the time (RFC 9562,
 * method 3), and more than 4,096 ids in one millisecond move the time on by one.
 */
final class TimeOrderedIds {
    /** The last id's time and counter: milliseconds × 4,096 + counter. */
    private static final AtomicLong LAST = new AtomicLong();

    private TimeOrderedIds() {
    }

    static String next() {
        long now = System.currentTimeMillis() << 12;
        long stamp = LAST.updateAndGet(last -> Math.max(now, last + 1));
        long mostSignificant = (stamp >>> 12) << 16 | 0x7000L | (stamp & 0xFFFL);
        // the random half of a version 4 UUID: 62 random bits from a strong generator, and the same variant bits
        return new UUID(mostSignificant, UUID.randomUUID().getLeastSignificantBits()).toString();
    }
}
