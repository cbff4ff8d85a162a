package org.thidua.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/**
 * Numbers as Vietnamese readers write them: 1.520 and 95,5%. The rules live here once; messages of findings use
 * them directly, applications through {@link VietnameseNumbers}. One rounding rule: a figure is rounded once, half
 * up, when it is written, from the exact value (a share from its two counts, never from an already rounded share). Zero and positive numbers are written directly
 * (a {@link DecimalFormat} costs microseconds to make and is not thread-safe); negative ones go through
 * {@link DecimalFormat}, whose rounding of small negatives ("-0") is kept as it is.
 */
final class VietnameseFormat {
    private VietnameseFormat() {
    }

    static String count(long value) {
        return value >= 0 ? grouped(Long.toString(value), "") : decimal(BigDecimal.valueOf(value), 0);
    }

    /** A number with at most {@code maxDecimals} decimals, trailing zeros dropped. */
    static String decimal(BigDecimal value, int maxDecimals) {
        if (value.signum() < 0) {
            return viaDecimalFormat(value, maxDecimals);
        }
        return decimal(value.setScale(maxDecimals, RoundingMode.HALF_UP).unscaledValue().toString(), maxDecimals);
    }

    /** The digits of a number rounded to {@code decimals} decimals, as text: trailing zeros dropped, grouped. */
    private static String decimal(String digits, int decimals) {
        int end = digits.length();
        int point = end - decimals;
        int fractionStart = Math.max(point, 0);
        while (end > fractionStart && digits.charAt(end - 1) == '0') {
            end--;
        }
        String integer = point > 0 ? digits.substring(0, point) : "0";
        if (end == fractionStart) {
            return grouped(integer, "");
        }
        return grouped(integer, "," + "0".repeat(fractionStart - point) + digits.substring(fractionStart, end));
    }

    private static String grouped(String integer, String fraction) {
        if (integer.length() <= 3) {
            return fraction.isEmpty() ? integer : integer + fraction;
        }
        StringBuilder out = new StringBuilder(integer.length() + integer.length() / 3 + fraction.length());
        int head = integer.length() % 3 == 0 ? 3 : integer.length() % 3;
        out.append(integer, 0, head);
        for (int i = head; i < integer.length(); i += 3) {
            out.append('.').append(integer, i, i + 3);
        }
        return out.append(fraction).toString();
    }

    /** A number with exactly {@code decimals} decimals, rounded half up: 60 → "60,00". */
    static String fixed(BigDecimal value, int decimals) {
        if (value.signum() < 0) {
            return viaDecimalFormat(value, decimals, decimals);
        }
        String digits = value.setScale(decimals, RoundingMode.HALF_UP).unscaledValue().toString();
        if (digits.length() <= decimals) {
            digits = "0".repeat(decimals + 1 - digits.length()) + digits;
        }
        int point = digits.length() - decimals;
        return grouped(digits.substring(0, point), decimals == 0 ? "" : "," + digits.substring(point));
    }

    private static String viaDecimalFormat(BigDecimal value, int maxDecimals) {
        return viaDecimalFormat(value, 0, maxDecimals);
    }

    private static String viaDecimalFormat(BigDecimal value, int minDecimals, int maxDecimals) {
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

    /** A share between 0 and 1 as a percentage with at most two decimals: 0.99671 → "99,67%". */
    static String percent(BigDecimal share) {
        return decimal(share.movePointRight(2), 2) + "%";
    }

    /** The share {@code part / whole} as a percentage, rounded once from the exact counts: 1507, 1520 → "99,14%". */
    static String percent(long part, long whole) {
        return quotient(part, whole, 4, 2) + "%";
    }

    /** The share {@code part / whole} of two exact numbers as a percentage, as {@link #percent(long, long)} writes it. */
    static String percent(BigDecimal part, BigDecimal whole) {
        return quotient(part, whole, 4, 2) + "%";
    }

    /** {@code part / whole} with at most {@code maxDecimals} decimals, rounded once from the exact counts. */
    static String ratio(long part, long whole, int maxDecimals) {
        return quotient(part, whole, maxDecimals, maxDecimals);
    }

    /** {@code part / whole} of two exact numbers, as {@link #ratio(long, long, int)} writes it. */
    static String ratio(BigDecimal part, BigDecimal whole, int maxDecimals) {
        return quotient(part, whole, maxDecimals, maxDecimals);
    }

    /** {@code part × 10^shift / whole} rounded half up to a whole number, written with {@code decimals} decimals. */
    private static String quotient(long part, long whole, int shift, int decimals) {
        long power = TEN_POWERS[shift];
        if (part < 0 || whole <= 0 || part > Long.MAX_VALUE / power) {
            return quotient(BigDecimal.valueOf(part), BigDecimal.valueOf(whole), shift, decimals);
        }
        long scaled = part * power;
        long rounded = scaled / whole;
        long rest = scaled % whole;
        if (rest >= whole - rest) { // 2 × rest ≥ whole, without overflow
            rounded++;
        }
        return decimal(Long.toString(rounded), decimals);
    }

    private static String quotient(BigDecimal part, BigDecimal whole, int shift, int decimals) {
        BigDecimal rounded = part.scaleByPowerOfTen(shift).divide(whole, 0, RoundingMode.HALF_UP);
        return decimal(rounded.movePointLeft(decimals), decimals);
    }

    private static final long[] TEN_POWERS = new long[19];

    static {
        TEN_POWERS[0] = 1;
        for (int i = 1; i < TEN_POWERS.length; i++) {
            TEN_POWERS[i] = TEN_POWERS[i - 1] * 10;
        }
    }
}
