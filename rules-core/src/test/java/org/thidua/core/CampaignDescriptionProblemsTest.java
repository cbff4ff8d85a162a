package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thidua.core.BrokenRulesTest.onlyProblemOf;
import static org.thidua.core.BrokenRulesTest.problemsOf;

import org.junit.jupiter.api.Test;

/** A campaign.yaml that staff got wrong is refused with each problem at its line and column. */
class CampaignDescriptionProblemsTest {
    private static final String FILE = "campaign.yaml";

    @Test
    void an_unknown_key_is_reported_at_its_line_with_the_keys_that_exist() {
        assertThat(problemsOf("unknown-key-in-campaign"))
                .filteredOn(p -> p.message().contains("titel"))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.file()).isEqualTo(FILE);
                    assertThat(problem.line()).isEqualTo(3);
                    assertThat(problem.column()).isEqualTo(1);
                    assertThat(problem.message()).contains("title", "unitKinds", "grades");
                });
    }

    @Test
    void an_id_that_is_not_the_folder_name_is_reported_at_the_id() {
        RuleProblem problem = onlyProblemOf("id-not-folder-name");

        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(5);
        assertThat(problem.message()).contains("thach-that-cchc-2022", "id-not-folder-name");
    }

    @Test
    void an_unknown_unit_kind_is_reported_at_its_item() {
        RuleProblem problem = onlyProblemOf("unknown-unit-kind");

        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.column()).isEqualTo(5);
        assertThat(problem.message()).contains("VILLAGE", "COMMUNE");
    }

    @Test
    void missing_grades_are_reported_at_the_start_of_the_description() {
        RuleProblem problem = onlyProblemOf("missing-grades");

        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("grades");
    }
}
