package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thidua.core.Fixtures.agency;
import static org.thidua.core.Fixtures.evaluate;
import static org.thidua.core.Fixtures.withIndicator;

import org.junit.jupiter.api.Test;

/** Units evaluated together are ranked by score, higher first; ties share a rank and the next rank skips (1, 2, 2, 4). */
class RankTest {
    private static final RuleSet SCORING = Fixtures.ruleSet("scoring");

    private static UnitReport earning(String id, String earned) {
        return withIndicator(agency(id), "earned", earned);
    }

    @Test
    void ties_share_a_rank_and_the_next_rank_skips() {
        EvaluationResult result = evaluate(SCORING,
                earning("c", "80"), earning("d", "40"), earning("a", "100"), earning("b", "80"));

        assertThat(result.evaluations()).extracting(Evaluation::unitId).containsExactly("c", "d", "a", "b");
        assertThat(result.evaluations()).extracting(Evaluation::rank).containsExactly(2, 4, 1, 2);
        assertThat(result.ranking()).extracting(Evaluation::unitId).containsExactly("a", "c", "b", "d");
    }

    @Test
    void equal_scores_out_of_different_maxima_share_a_rank() {
        UnitReport outOfOneHundred = earning("a", "45");
        UnitReport outOfTwoHundred = earning("b", "90").withSatisfaction(new Satisfaction(100, 1));

        EvaluationResult result = evaluate(SCORING, outOfOneHundred, outOfTwoHundred, earning("c", "44"));

        assertThat(result.evaluations()).extracting(Evaluation::score).containsExactly(45.0, 45.0, 44.0);
        assertThat(result.evaluations()).extracting(Evaluation::rank).containsExactly(1, 1, 3);
    }
}
