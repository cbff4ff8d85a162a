package org.thidua.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Numbers and dates as Vietnamese readers write them: 1.520; 60,00; 97,67%; 30/11/2021. The findings' messages,
 * the command line's tables and the reports all write through the same rules, so a figure reads the same
 * everywhere. Thread-safe.
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

    /** A share 0–1 as a percentage, at most two decimals: 0.97667 → 97,67%. */
    public static String percent(double share) {
        return VietnameseFormat.percent(BigDecimal.valueOf(share));
    }

    /** A date as day/month/year: 30/11/2021. */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }
}
