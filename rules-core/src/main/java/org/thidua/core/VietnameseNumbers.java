package org.thidua.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Numbers and dates as Vietnamese readers write them: 1.520; 60,00; 97,67%; 30/11/2021. The findings' messages,
 * the command line's tables and the reports all write through the same rules, so a figure reads the same
 * everywhere. Thread-safe.
 *
 * <p>One rounding rule: a number is rounded once, half up, here at display, from the exact value the library
 * keeps: a share from its counts ({@link #percent(long, long)}: 1.507/1.520 → 99,14%, never 99,15% through a share
 * already rounded to 5 decimals), points as the library keeps them (exact to 2 decimals: {@link #points} writes
 * 9,3, not 9,30). Half up means 94,995% → 95% and 0,999995 → 100%.
 */
public final class VietnameseNumbers {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private VietnameseNumbers() {
    }

    /** A count, thousands grouped: 1.520. */
    public static String count(long value) {
        return VietnameseFormat.count(value);
    }

    /** A score out of 100 with two decimals: 60,00. */
    public static String score(double score) {
        return VietnameseFormat.fixed(BigDecimal.valueOf(score), 2);
    }

    /**
     * The share {@code part / whole} of two counts as a percentage, at most two decimals, rounded once from the
     * counts: 1507, 1520 → 99,14%.
     *
     * @throws ArithmeticException when {@code whole} is 0
     */
    public static String percent(long part, long whole) {
        return VietnameseFormat.percent(part, whole);
    }

    /** Points, at most two decimals, trailing zeros dropped: 9.3 → 9,3; 15.0 → 15; 12.75 → 12,75. */
    public static String points(double points) {
        return number(points);
    }

    /** A figure that is not a share, at most two decimals, trailing zeros dropped: 1520.0 → 1.520; 2.5 → 2,5. */
    public static String number(double value) {
        return VietnameseFormat.decimal(BigDecimal.valueOf(value), 2);
    }

    /** A share 0–1 as a percentage, at most two decimals: 0.97667 → 97,67%. Prefer {@link #percent(long, long)}
     * when the counts are known: a share already rounded would be rounded twice. */
    public static String percent(double share) {
        return VietnameseFormat.percent(BigDecimal.valueOf(share));
    }

    /** A date as day/month/year: 30/11/2021. */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }
}
