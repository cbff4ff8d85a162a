package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thidua.core.Fixtures.agency;
import static org.thidua.core.Fixtures.evaluate;
import static org.thidua.core.Fixtures.withIndicator;

import org.junit.jupiter.api.Test;

/** A grade is reached with a score of at least its minScore, compared exactly: 90 is the top grade, 89.99 is not. */
class GradeTest {
    private static final RuleSet SCORING = Fixtures.ruleSet("scoring");

    private static Evaluation scored(String earned) {
        return evaluate(SCORING, withIndicator(agency("a"), "earned", earned)).evaluations().get(0);
    }

    @Test
    void a_score_of_exactly_90_is_the_top_grade() {
        Evaluation evaluation = scored("90");

        assertThat(evaluation.score()).isEqualTo(90);
        assertThat(evaluation.grade()).isEqualTo("HOAN_THANH_XUAT_SAC");
    }

    @Test
    void a_score_just_below_90_is_the_next_grade() {
        Evaluation evaluation = scored("89.99");

        assertThat(evaluation.score()).isEqualTo(89.99);
        assertThat(evaluation.grade()).isEqualTo("HOAN_THANH_TOT");
    }

    @Test
    void every_boundary_belongs_to_the_grade_above_it() {
        assertThat(scored("70").grade()).isEqualTo("HOAN_THANH_TOT");
        assertThat(scored("69.99").grade()).isEqualTo("HOAN_THANH");
        assertThat(scored("50").grade()).isEqualTo("HOAN_THANH");
        assertThat(scored("49.99").grade()).isEqualTo("KHONG_HOAN_THANH");
        assertThat(scored("0").grade()).isEqualTo("KHONG_HOAN_THANH");
    }
}
