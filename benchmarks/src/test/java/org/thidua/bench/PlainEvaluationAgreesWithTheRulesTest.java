package org.thidua.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.thidua.core.EvaluationResult;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.core.Status;
import org.thidua.core.UnitKind;
import org.thidua.core.UnitReport;

/**
 * The plain-Java evaluation is only a fair limit if it does the same work: it must give exactly the results the
 * rules give, finding by finding, message by message, score, grade and rank.
 */
class PlainEvaluationAgreesWithTheRulesTest {
    private static final RuleSet RULES = RuleLibrary.bundled().ruleSet(null);

    @Test
    void ten_thousand_generated_units_get_the_same_results_from_plain_java_as_from_the_rules() {
        List<UnitReport> reports = ReportGenerator.generate(2021, 10_000);

        EvaluationResult byRules = RULES.evaluate(reports);
        EvaluationResult byHand = new PlainEvaluation(RULES.campaign(), RULES.version(), false).evaluate(reports);
        EvaluationResult byHandInParallel = new PlainEvaluation(RULES.campaign(), RULES.version(), true).evaluate(reports);

        assertThat(byHand).isEqualTo(byRules);
        assertThat(byHandInParallel).isEqualTo(byRules);
    }

    @Test
    void the_generated_units_cover_every_status_and_grade() {
        EvaluationResult result = RULES.evaluate(ReportGenerator.generate(7, 10_000));

        Map<String, Long> grades = result.evaluations().stream()
                .collect(Collectors.groupingBy(e -> e.grade(), Collectors.counting()));
        Map<Status, Long> statuses = result.evaluations().stream().flatMap(e -> e.findings().stream())
                .collect(Collectors.groupingBy(f -> f.status(), Collectors.counting()));
        assertThat(grades).containsKeys("HOAN_THANH_XUAT_SAC", "HOAN_THANH_TOT", "HOAN_THANH", "KHONG_HOAN_THANH");
        assertThat(grades.values()).allMatch(count -> count >= 500);
        assertThat(statuses).containsKeys(Status.values());
        assertThat(result.evaluations().stream().map(e -> e.kind()).distinct()).containsExactlyInAnyOrder(UnitKind.AGENCY, UnitKind.COMMUNE,
                UnitKind.WARD, UnitKind.TOWN); // every kind the generator makes (the 2021 campaign has no SPECIAL_ZONE)
    }

    @Test
    void edge_cases_agree_too_empty_periods_huge_counts_and_rounding() {
        List<UnitReport> reports = EdgeCases.reports();

        EvaluationResult byRules = RULES.evaluate(reports);

        assertThat(new PlainEvaluation(RULES.campaign(), RULES.version(), false).evaluate(reports)).isEqualTo(byRules);
    }
}
