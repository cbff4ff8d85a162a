package org.thidua.core;

/** Checks shared by the count records; the request reader reports the same rules with field paths. */
final class Counts {
    /** Counts are reported as 32-bit whole numbers; sums of them are computed in {@code long}. */
    static final long MAX = Integer.MAX_VALUE;

    private Counts() {
    }

    static void requireNonNegative(String name, long value) {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException(name + " must be between 0 and " + MAX + ", was " + value);
        }
    }

    static void requirePartOfWhole(String part, long partValue, String whole, long wholeValue) {
        if (partValue > wholeValue) {
            throw new IllegalArgumentException(part + " (" + partValue + ") must not exceed " + whole + " (" + wholeValue + ")");
        }
    }
}
