package org.thidua.core.compile;

import java.math.BigDecimal;

/** A share as people write it in the sheet, campaign.yaml and the messages: 0.955 → {@code 95,5%}, and back. */
final class VietnamesePercent {
    private VietnamesePercent() {
    }

    static String of(BigDecimal share) {
        return number(share.movePointRight(2)) + "%";
    }

    /** A number with a decimal comma and no trailing zeros: 7.50 → {@code 7,5}. */
    static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** A number as staff write it, a percentage as its share: {@code 95%}, {@code 95,5 %}, {@code 0,95}, {@code 0.95}, {@code 12}; else {@code null}. */
    static BigDecimal parse(String text) {
        String t = text.strip().replace(" ", "");
        boolean percent = t.endsWith("%");
        if (percent) {
            t = t.substring(0, t.length() - 1);
        }
        if (!t.contains(".")) {
            t = t.replace(',', '.');
        }
        if (!t.matches("[+-]?\\d+(\\.\\d+)?")) {
            return null;
        }
        BigDecimal value = new BigDecimal(t);
        return percent ? value.movePointLeft(2) : value;
    }
}
