package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Scores, percentages and counts written by the library's one formatter read exactly as the service's own
 * formatter wrote them before the two were merged (a {@link DecimalFormat} per call), on many values.
 */
class ScoresAreWrittenAsTheReportsWroteThemTest {
    private final Random random = new Random(13);

    @Test
    void a_score_has_two_decimals_a_percentage_at_most_two_as_before() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 100.0, 66.666667, 60.0, 99.995, 0.005, 0.0049999, 1e-9,
                1234.5, 1e15, -1.5, -0.001, 12.345));
        for (int i = 0; i < 20_000; i++) {
            values.add(random.nextInt(4) == 0 ? random.nextInt(10_001) / 100.0 : (random.nextDouble() - 0.1) * Math.pow(10, random.nextInt(8)));
        }
        for (double value : values) {
            assertThat(VietnameseNumbers.score(value)).as("score %s", value).isEqualTo(reference(BigDecimal.valueOf(value), 2, 2));
            assertThat(VietnameseNumbers.percent(value)).as("percent %s", value)
                    .isEqualTo(reference(BigDecimal.valueOf(value).movePointRight(2), 0, 2) + "%");
        }
        for (long count : new long[] {0, 7, 999, 1000, 1520, 1_234_567, Long.MAX_VALUE, -1, -1520, Long.MIN_VALUE}) {
            assertThat(VietnameseNumbers.count(count)).isEqualTo(reference(BigDecimal.valueOf(count), 0, 0));
        }
    }

    /** The service's formatter before the merge: the reference. */
    private static String reference(BigDecimal value, int minDecimals, int maxDecimals) {
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
