package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one ranking rule, as an application that ranks kept results calls it. */
class RanksAreSharedByTiesTest {
    private static List<BigDecimal> points(double... values) {
        return Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }

    @Test
    void ties_share_a_rank_and_the_next_rank_skips() {
        int[] ranks = Ranks.byPoints(points(60, 100, 80, 80), points(100, 100, 100, 100));

        assertThat(ranks).containsExactly(4, 1, 2, 2);
    }

    @Test
    void the_exact_ratio_is_compared_not_the_rounded_score() {
        // 2/3 and 66.67/100 both show 66,67, but 2/3 is less
        int[] ranks = Ranks.byPoints(points(2, 66.67), points(3, 100));

        assertThat(ranks).containsExactly(2, 1);
    }

    @Test
    void a_unit_with_no_points_possible_scores_zero() {
        int[] ranks = Ranks.byPoints(points(0, 5, 0), points(0, 10, 10));

        assertThat(ranks).containsExactly(2, 1, 2);
    }
}
