package org.thidua.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Numbers as Vietnamese readers write them: 1.520 and 95,5%. */
final class VietnameseFormat {
    private VietnameseFormat() {
    }

    static String count(long value) {
        return decimal(BigDecimal.valueOf(value), 0);
    }

    /** A number with at most {@code maxDecimals} decimals, trailing zeros dropped. */
    static String decimal(BigDecimal value, int maxDecimals) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMaximumFractionDigits(maxDecimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** A share between 0 and 1 as a percentage with at most two decimals: 0.99671 → "99,67%". */
    static String percent(BigDecimal share) {
        return decimal(share.movePointRight(2), 2) + "%";
    }
}
