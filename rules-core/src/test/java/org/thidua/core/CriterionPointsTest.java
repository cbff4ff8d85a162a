package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thidua.core.Fixtures.agency;
import static org.thidua.core.Fixtures.findingOf;
import static org.thidua.core.Fixtures.withIndicator;

import org.junit.jupiter.api.Test;

/** How a rule earns part of a criterion's points: bands, a proportion of them (capped), or points set outright. */
class CriterionPointsTest {
    private static final RuleSet JUDGEMENTS = Fixtures.ruleSet("judgements");

    private static Finding judged(String criterion, String indicator, String value) {
        return findingOf(JUDGEMENTS, withIndicator(agency("a"), indicator, value), criterion);
    }

    private static double bandPoints(String digitizedShare) {
        return judged("DIGITIZED_BANDS", "digitizedShare", digitizedShare).points();
    }

    @Test
    void the_highest_band_reached_counts_whatever_the_order_the_bands_are_written_in() {
        assertThat(bandPoints("0.49")).isZero();
        assertThat(bandPoints("0.5")).isEqualTo(2.5);
        assertThat(bandPoints("0.69")).isEqualTo(2.5);
        assertThat(bandPoints("0.7")).isEqualTo(5);
        assertThat(bandPoints("0.9")).isEqualTo(10);
    }

    @Test
    void a_band_criterion_is_met_only_with_all_its_points() {
        assertThat(judged("DIGITIZED_BANDS", "digitizedShare", "0.89").status()).isEqualTo(Status.NOT_MET);
        assertThat(judged("DIGITIZED_BANDS", "digitizedShare", "0.95").status()).isEqualTo(Status.MET);
    }

    @Test
    void proportional_points_follow_the_figure() {
        Finding finding = judged("COVERAGE_PROPORTIONAL", "coverage", "0.25");

        assertThat(finding.points()).isEqualTo(2.5);
        assertThat(finding.status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void proportional_points_are_capped_at_the_criterion_points() {
        Finding finding = judged("COVERAGE_PROPORTIONAL", "coverage", "1.5");

        assertThat(finding.points()).isEqualTo(10);
        assertThat(finding.status()).isEqualTo(Status.MET);
    }

    @Test
    void points_set_outright_are_earned_as_set_even_below_zero() {
        assertThat(judged("BONUS", "bonus", "7.5").points()).isEqualTo(7.5);
        assertThat(judged("BONUS", "bonus", "-3").points()).isEqualTo(-3);
        assertThat(judged("BONUS", "bonus", "10").status()).isEqualTo(Status.MET);
    }
}
