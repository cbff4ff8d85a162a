package org.thidua.core.compile;

import java.math.BigDecimal;

/** A share as people write it in the sheet and its messages: 0.955 → {@code 95,5%}. */
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
}
