package org.thidua.service.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Numbers and dates as Vietnamese readers write them: 1.520; 60,00; 97,67%; 30/11/2021. */
public final class VietnameseNumbers {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private VietnameseNumbers() {
    }

    public static String count(long value) {
        return format(BigDecimal.valueOf(value), 0, 0);
    }

    /** A score out of 100 with two decimals: 60,00. */
    public static String score(double score) {
        return format(BigDecimal.valueOf(score), 2, 2);
    }

    /** A share 0–1 as a percentage, at most two decimals: 0.97667 → 97,67%. */
    public static String percent(double share) {
        return format(BigDecimal.valueOf(share).movePointRight(2), 0, 2) + "%";
    }

    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    private static String format(BigDecimal value, int minDecimals, int maxDecimals) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(maxDecimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
