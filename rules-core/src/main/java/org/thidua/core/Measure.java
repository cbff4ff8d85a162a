package org.thidua.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a rule judges, as the unit reported it: a share {@code part / whole} (of counts, worked out in {@code long}, or
 * of other numbers), a value, or a condition (1 or 0). {@code null} numbers mean not reported. It compares itself with
 * a target exactly and writes its own numbers into a message. A {@link Judgement} is a measure with the target, points
 * and messages a rule states: it extends this class rather than holding one, so that each judgement (five or more per
 * unit evaluated) stays one object.
 */
abstract class Measure {
    /** Shares whose part is at most this are divided in {@code long}: part × 10¹² still fits. */
    private static final long LONG_SHARE_LIMIT = Long.MAX_VALUE / 1_000_000_000_000L;

    final Judgement.Kind kind;
    /** A share of two counts, computed in {@code long}; otherwise {@link #actual} and {@link #whole} are set. */
    private final boolean counts;
    private final long part;
    private final long count;
    private BigDecimal actual;
    private BigDecimal whole;

    /**
     * @param ofCounts a share {@code part / count} of counts ({@code actual} and {@code whole} unused), else a figure
     *                 {@code actual} (a share {@code actual / whole}, a value or a condition; {@code null}: not reported)
     */
    Measure(Judgement.Kind kind, boolean ofCounts, long part, long count, BigDecimal actual, BigDecimal whole) {
        this.kind = kind;
        // small non-negative counts (every real one) take the long paths; anything else the BigDecimal ones
        this.counts = ofCounts && part >= 0 && count >= 0 && part <= LONG_SHARE_LIMIT && count <= LONG_SHARE_LIMIT;
        this.part = counts ? part : 0;
        this.count = counts ? count : 0;
        this.actual = !ofCounts ? actual : counts ? null : BigDecimal.valueOf(part);
        this.whole = !ofCounts ? whole : counts ? null : BigDecimal.valueOf(count);
    }

    /** A share with nothing to count ({@code whole} is zero). */
    boolean empty() {
        return kind == Judgement.Kind.SHARE && (counts ? count == 0 : whole.signum() == 0);
    }

    boolean reported() {
        return counts || actual != null;
    }

    /** The figure shown: the share to 12 decimals, or the value. */
    Figure figure() {
        return counts ? Figure.share(part, count)
                : new Figure(kind == Judgement.Kind.SHARE ? actual.divide(whole, Figure.SCALE, RoundingMode.HALF_EVEN) : actual);
    }

    /** A condition reported as holding. */
    boolean holds() {
        return actual.signum() != 0;
    }

    private BigDecimal actual() {
        if (actual == null && counts) {
            actual = BigDecimal.valueOf(part);
        }
        return actual;
    }

    private BigDecimal whole() {
        if (whole == null && counts) {
            whole = BigDecimal.valueOf(count);
        }
        return whole;
    }

    /** Compares the exact figure with a threshold: for a share, part against threshold × whole. */
    int compareWith(ExactDecimal threshold) {
        if (counts && threshold.fitsLong()) {
            try {
                long left = Math.multiplyExact(part, threshold.powerOfTen());
                long right = Math.multiplyExact(threshold.unscaled(), count);
                return Long.compare(left, right);
            } catch (ArithmeticException tooLarge) {
                // compared exactly below
            }
        }
        return kind == Judgement.Kind.SHARE ? actual().compareTo(threshold.value().multiply(whole()))
                : actual.compareTo(threshold.value());
    }

    /** A share's part when it is a count (a whole number a {@code long} holds), else {@code null}. */
    Long partCount() {
        return shareCount(part, actual);
    }

    /** A share's whole when it is a count, else {@code null}. */
    Long wholeCount() {
        return shareCount(count, whole);
    }

    private Long shareCount(long fast, BigDecimal exact) {
        if (kind != Judgement.Kind.SHARE) {
            return null;
        }
        if (counts) {
            return fast;
        }
        try {
            return exact.longValueExact();
        } catch (ArithmeticException notACount) {
            return null;
        }
    }

    /**
     * The text of one of the measure's placeholders ({@code part whole rest percent actual}) with {@code figure} as
     * decided ({@code null} without one), or {@code null} when it has none here.
     */
    String text(String name, Figure figure) {
        boolean share = kind == Judgement.Kind.SHARE;
        return switch (name) {
            case "part" -> !share ? null : counts ? VietnameseFormat.count(part) : VietnameseFormat.decimal(actual, 0);
            case "whole" -> !share ? null : counts ? VietnameseFormat.count(count) : VietnameseFormat.decimal(whole, 0);
            case "rest" -> !share ? null
                    : counts ? VietnameseFormat.count(count - part) : VietnameseFormat.decimal(whole.subtract(actual), 0);
            // a share is written from its two numbers: rounded once, not again from the 12-decimal figure
            case "percent" -> figure == null ? null : !share ? figure.percent()
                    : counts ? VietnameseFormat.percent(part, count) : VietnameseFormat.percent(actual, whole);
            case "actual" -> figure == null ? null : !share ? figure.decimal(4)
                    : counts ? VietnameseFormat.ratio(part, count, 4) : VietnameseFormat.ratio(actual, whole, 4);
            default -> null;
        };
    }
}
