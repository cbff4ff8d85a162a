package org.thidua.core;

import java.math.BigDecimal;

/**
 * A number a rule writes as a {@code double} literal (a target, a threshold), taken exactly as written:
 * {@code BigDecimal.valueOf(0.95)} is 0.95, not the binary fraction nearest to it. Rules state the same few
 * numbers for every unit, so the conversions (through {@link Double#toString}) are remembered in a small table.
 *
 * @param fitsLong    whether {@code value} is {@code unscaled × 10^-scale} with both small enough for {@code long}
 *                    arithmetic (scale 0 to 18)
 * @param powerOfTen  10^scale when it fits
 * @param boxed       {@code value} as the {@code Double} a finding shows, made once
 */
record ExactDecimal(double written, BigDecimal value, boolean fitsLong, long unscaled, long powerOfTen, Double boxed) {
    private static final int SLOTS = 64;
    /** Racy on purpose: each slot holds an immutable record, a lost update only costs a conversion. */
    private static final ExactDecimal[] REMEMBERED = new ExactDecimal[SLOTS];

    static ExactDecimal of(double written) {
        long bits = Double.doubleToRawLongBits(written);
        int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 58); // Fibonacci hashing: the top 6 bits mix all 64
        ExactDecimal remembered = REMEMBERED[slot];
        if (remembered != null && Double.doubleToRawLongBits(remembered.written) == bits) {
            return remembered;
        }
        ExactDecimal made = make(written);
        REMEMBERED[slot] = made;
        return made;
    }

    private static ExactDecimal make(double written) {
        BigDecimal value = BigDecimal.valueOf(written);
        int scale = value.scale();
        if (scale >= 0 && scale <= 18 && value.unscaledValue().bitLength() < 63) {
            return new ExactDecimal(written, value, true, value.unscaledValue().longValueExact(), BigDecimal.ONE.scaleByPowerOfTen(scale).longValueExact(),
                    value.doubleValue());
        }
        return new ExactDecimal(written, value, false, 0, 0, value.doubleValue());
    }
}
