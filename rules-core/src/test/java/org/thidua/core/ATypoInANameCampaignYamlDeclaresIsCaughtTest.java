package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Criterion ids and indicators are declared in campaign.yaml; a DRL name that misses them is caught at its line. */
class ATypoInANameCampaignYamlDeclaresIsCaughtTest {
    @TempDir
    Path root;

    @Test
    void a_judging_rule_named_after_no_criterion_is_caught_with_the_id_meant() {
        List<RuleProblem> problems = CheckFixtures.problemsOf(root, "rule-name-not-a-criterion");

        assertThat(problems).filteredOn(p -> p.file().endsWith(".drl")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.column()).isEqualTo(7);
            assertThat(p.message()).contains("\"SATISFACTON\"", "Có phải ý là SATISFACTION?");
        });
    }

    @Test
    void an_undeclared_indicator_is_caught_at_each_use_with_the_declared_ones() {
        List<RuleProblem> problems = CheckFixtures.problemsOf(root, "undeclared-indicator");

        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p.message())
                .startsWith("Chỉ số 'digitalShare' chưa khai báo")
                .contains("các chỉ số đã khai báo: digitizedShare", "Có phải ý là 'digitizedShare'?"));
        assertThat(problems).extracting(RuleProblem::line).containsExactly(11, 13);
    }
}
