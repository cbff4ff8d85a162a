package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thidua.core.Fixtures.agency;
import static org.thidua.core.Fixtures.evaluate;
import static org.thidua.core.Fixtures.withIndicator;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/**
 * Score = 100 × points earned / points of the criteria that count, rounded half up to 2 decimals. A criterion with
 * {@code whenNoData: EXCLUDE} and no data leaves the maximum; one with the default ({@code ZERO}) stays in it.
 */
class ScoreTest {
    private static final RuleSet SCORING = Fixtures.ruleSet("scoring");
    private static final Satisfaction MET = new Satisfaction(100, 95);
    private static final Satisfaction NOT_MET = new Satisfaction(100, 94);

    private static double scoreOf(UnitReport report) {
        return evaluate(SCORING, report).evaluations().get(0).score();
    }

    @Test
    void a_criterion_excluded_when_it_has_no_data_leaves_the_maximum_and_the_rest_is_rescaled() {
        UnitReport noSurvey = withIndicator(agency("a"), "earned", "90");

        Evaluation evaluation = evaluate(SCORING, noSurvey).evaluations().get(0);

        assertThat(evaluation.finding("SURVEY").orElseThrow().status()).isEqualTo(Status.NO_DATA);
        assertThat(evaluation.score()).isEqualTo(90);
        assertThat(evaluation.grade()).isEqualTo("HOAN_THANH_XUAT_SAC");
    }

    @Test
    void a_criterion_with_data_counts_in_full_whether_met_or_not() {
        assertThat(scoreOf(withIndicator(agency("a"), "earned", "90").withSatisfaction(MET))).isEqualTo(95);
        assertThat(scoreOf(withIndicator(agency("a"), "earned", "90").withSatisfaction(NOT_MET))).isEqualTo(45);
    }

    @Test
    void a_criterion_without_data_that_is_not_excluded_keeps_its_points_in_the_maximum() {
        assertThat(scoreOf(agency("a").withSatisfaction(MET))).isEqualTo(50);
    }

    @Test
    void the_score_is_rounded_half_up_to_two_decimals_from_the_exact_sum() {
        // 100 × 133.33 / 200 = 66.665 exactly; in binary floating point it would round down to 66.66
        assertThat(scoreOf(withIndicator(agency("a"), "earned", "33.33").withSatisfaction(MET))).isEqualTo(66.67);
        assertThat(scoreOf(withIndicator(agency("a"), "earned", "33.333333"))).isEqualTo(33.33);
    }

    @Test
    void an_evaluation_carries_the_exact_points_its_score_was_worked_out_from() {
        Evaluation decimal = evaluate(SCORING, withIndicator(agency("a"), "earned", "33.33").withSatisfaction(MET))
                .evaluations().get(0);
        Evaluation noSurvey = evaluate(SCORING, withIndicator(agency("a"), "earned", "90")).evaluations().get(0);

        assertThat(decimal.points()).isEqualTo(new BigDecimal("133.33"));
        assertThat(decimal.maxPoints()).isEqualTo(new BigDecimal("200"));
        assertThat(noSurvey.points()).isEqualTo(new BigDecimal("90"));
        assertThat(noSurvey.maxPoints()).as("the survey without data is left out").isEqualTo(new BigDecimal("100"));
    }

    @Test
    void the_exact_points_are_not_in_the_json_of_contract_v1() throws Exception {
        Evaluation evaluation = evaluate(SCORING, withIndicator(agency("a"), "earned", "90")).evaluations().get(0);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

        java.util.List<String> fields = new java.util.ArrayList<>();
        json.readTree(json.writeValueAsString(evaluation)).fieldNames().forEachRemaining(fields::add);

        assertThat(fields).containsExactly("unitId", "unitName", "kind", "score", "grade", "rank", "findings");
        assertThat(json.readValue(json.writeValueAsString(evaluation), Evaluation.class).points()).isNull();
    }
}
