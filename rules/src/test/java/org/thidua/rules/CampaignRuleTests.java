package org.thidua.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleTests;

/** Every campaign in rules/campaigns compiles, and every one of its rule tests passes: one JUnit test per case. */
class CampaignRuleTests {
    private static final RuleLibrary CAMPAIGNS = RuleLibrary.load(Path.of("campaigns"));

    @Test
    void every_campaign_compiles_and_the_default_is_set() {
        assertThat(CAMPAIGNS.allProblems()).isEmpty();
        assertThat(CAMPAIGNS.ruleSets()).containsKeys("thach-that-cchc-2021", "par-index-xa-2023");
        assertThat(CAMPAIGNS.defaultCampaign()).contains("thach-that-cchc-2021");
    }

    @Test
    void tests_run_as_each_campaign_compiles_report_what_tests_run_one_campaign_after_another_report() {
        // RuleTests.runAll runs a campaign's tests on the thread that compiled it, beside the other compiles.
        List<RuleTests.Report> oneAfterAnother = CAMPAIGNS.ruleSets().values().stream().map(RuleTests::run).toList();

        RuleTests.Run run = RuleTests.runAll(Path.of("campaigns"));

        assertThat(run.library().ruleSets().keySet()).containsExactlyElementsOf(CAMPAIGNS.ruleSets().keySet());
        assertThat(run.library().problems()).isEmpty();
        assertThat(run.reports()).extracting(RuleTests.Report::campaign).containsExactlyElementsOf(CAMPAIGNS.ruleSets().keySet());
        assertThat(run.reports()).containsExactlyElementsOf(oneAfterAnother);
    }

    @TestFactory
    Stream<DynamicTest> every_rule_test_of_every_campaign_passes() {
        return CAMPAIGNS.ruleSets().values().stream().flatMap(ruleSet -> {
            RuleTests.Report report = RuleTests.run(ruleSet);
            assertThat(report.problems()).as("problems in the test files of %s", ruleSet.campaign().id()).isEmpty();
            return report.cases().stream().map(c -> DynamicTest.dynamicTest(
                    ruleSet.campaign().id() + "/" + c.file() + ":" + c.line() + " " + c.name(),
                    () -> assertThat(c.failures()).as(c.name()).isEmpty()));
        });
    }
}
