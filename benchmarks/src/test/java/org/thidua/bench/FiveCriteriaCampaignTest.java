package org.thidua.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.thidua.core.EvaluationResult;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.core.UnitReport;

/**
 * {@code thidua-five-criteria} in {@link PeerComparison} runs the bundled campaign without its officials' criteria and
 * titles, so that thidua decides what the peers decide: on units without officials it must give exactly the bundled
 * campaign's results, and decide nothing else.
 */
class FiveCriteriaCampaignTest {
    @Test
    void the_campaign_with_five_criteria_gives_the_bundled_campaigns_results_on_generated_units() {
        RuleSet bundled = RuleLibrary.bundled().ruleSet(Campaigns.DEFAULT);
        RuleSet five = RuleSet.load(Campaigns.fiveCriteriaFolder());
        List<UnitReport> reports = ReportGenerator.generate(2021, 5_000);

        EvaluationResult expected = bundled.evaluate(reports);
        EvaluationResult actual = five.evaluate(reports);

        assertThat(actual.evaluations()).isEqualTo(expected.evaluations());
        assertThat(actual.area()).isEqualTo(expected.area());
        assertThat(five.campaign().criteria()).hasSize(5).isEqualTo(bundled.campaign().criteria());
        assertThat(five.campaign().memberCriteria()).isEmpty();
        assertThat(five.campaign().titles()).isEmpty();
        assertThat(five.ruleFiles().keySet()).noneMatch(path -> path.startsWith("titles/") || path.endsWith("members.drl"));
    }
}
