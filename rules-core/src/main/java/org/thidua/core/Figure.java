package org.thidua.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The unit's figure: a share to 12 decimals (rounded half-even), or the actual value. A share of counts
 * is kept as a {@code long} number of 10⁻¹², the same value {@link BigDecimal#divide} would give.
 */
final class Figure {
    /** Decimals a share of other numbers than counts is worked out to. */
    static final int SCALE = 12;

    private final long twelfths;
    private BigDecimal exact;

    Figure(BigDecimal exact) {
        this.twelfths = -1;
        this.exact = exact;
    }

    Figure(long twelfths) {
        this.twelfths = twelfths;
    }

    /** {@code part / whole} for counts up to {@link Judgement}'s long limit, whole not zero. */
    static Figure share(long part, long whole) {
        long scaled = part * 1_000_000_000_000L;
        long quotient = scaled / whole;
        long twiceRest = 2 * (scaled % whole); // < 2 × whole: fits
        if (twiceRest > whole || (twiceRest == whole && (quotient & 1) == 1)) {
            quotient++;
        }
        return new Figure(quotient);
    }

    BigDecimal exact() {
        if (exact == null) {
            exact = BigDecimal.valueOf(twelfths, SCALE);
        }
        return exact;
    }

    /** Rounded to 5 decimals, half up. */
    Double shown() {
        if (twelfths < 0) {
            return exact.setScale(5, RoundingMode.HALF_UP).doubleValue();
        }
        long fifths = twelfths / 10_000_000L + (twelfths % 10_000_000L >= 5_000_000L ? 1 : 0);
        // the same correctly rounded double as BigDecimal.valueOf(fifths, 5).doubleValue()
        return fifths < (1L << 52) ? fifths / 100_000.0 : BigDecimal.valueOf(fifths, 5).doubleValue();
    }

    // a share of counts is written from the counts themselves (see Judgement#value): only other figures come here
    String percent() {
        return VietnameseFormat.percent(exact());
    }

    String decimal(int maxDecimals) {
        return VietnameseFormat.decimal(exact(), maxDecimals);
    }
}
