package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thidua.core.Fixtures.agency;
import static org.thidua.core.Fixtures.commune;
import static org.thidua.core.Fixtures.evaluate;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Rules that compile but misbehave while evaluating fail the evaluation with an {@link EvaluationException} naming
 * the rules at fault; no partial result is returned, and the rule set stays usable.
 */
class RuleFailureTest {
    private static final Satisfaction SURVEYED = new Satisfaction(100, 99);

    /** At most 20 firings per unit; a time limit far beyond reach, so that only the firing limit can stop it. */
    private static RuleSet loopsForCommunes() {
        return Fixtures.ruleSet("failing-at-runtime/loops-for-communes").withLimits(new RuleSet.Limits(20, Duration.ofHours(1)));
    }

    @Test
    void a_criterion_judged_twice_for_a_unit_names_both_rules() {
        RuleSet judgedTwice = Fixtures.ruleSet("failing-at-runtime/judged-twice");

        assertThatThrownBy(() -> evaluate(judgedTwice, agency("a").withSatisfaction(SURVEYED)))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("criteria/satisfaction.drl: SATISFACTION")
                .hasMessageContaining("criteria/satisfaction-again.drl: Hài lòng (bản sao)");
    }

    @Test
    void a_rule_judging_a_criterion_that_campaign_yaml_does_not_declare_is_refused_at_load_naming_the_rule() {
        // caught before any unit is evaluated: the rule is named after no declared criterion
        assertThatThrownBy(() -> Fixtures.ruleSet("failing-at-runtime/judges-undeclared-criterion"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("criteria/portal.drl:9:")
                .hasMessageContaining("PORTAL_PAGE")
                .hasMessageContaining("campaign.yaml");
    }

    @Test
    void a_rule_that_keeps_triggering_itself_is_stopped_by_the_firing_limit() {
        assertThatThrownBy(() -> evaluate(loopsForCommunes(), commune("a"), agency("b")))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("KEEPS_UPDATING")
                .hasMessageContaining("20");
    }

    @Test
    void the_same_rule_set_evaluates_normally_after_a_loop_was_stopped() {
        RuleSet loops = loopsForCommunes();
        assertThatThrownBy(() -> evaluate(loops, commune("a"))).isInstanceOf(EvaluationException.class);

        EvaluationResult result = evaluate(loops, agency("b").withSatisfaction(SURVEYED));

        assertThat(result.evaluations()).singleElement()
                .satisfies(e -> assertThat(e.finding("SATISFACTION").orElseThrow().status()).isEqualTo(Status.MET));
    }
}
