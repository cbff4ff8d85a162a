package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thidua.core.BrokenRulesTest.onlyProblemOf;
import static org.thidua.core.BrokenRulesTest.problemsOf;

import org.junit.jupiter.api.Test;

/** A campaign.yaml that staff got wrong is refused with each problem at its line and column. */
class CampaignDescriptionProblemsTest {
    @Test
    void an_unknown_key_is_reported_at_its_line_with_the_keys_that_exist() {
        assertThat(problemsOf("unknown-key-in-campaign")).map(RuleProblem::toString)
                .filteredOn(problem -> problem.contains("'titel'"))
                .singleElement().asString()
                .startsWith("unknown-key-in-campaign/campaign.yaml:3:1: ").contains("title", "unitKinds", "grades");
    }

    @Test
    void an_id_that_is_not_the_folder_name_is_reported_at_the_id() {
        assertThat(onlyProblemOf("id-not-folder-name")).asString()
                .startsWith("id-not-folder-name/campaign.yaml:2:5: ").contains("thach-that-cchc-2022", "'id-not-folder-name'");
    }

    @Test
    void an_unknown_unit_kind_is_reported_at_its_item() {
        assertThat(onlyProblemOf("unknown-unit-kind")).asString()
                .startsWith("unknown-unit-kind/campaign.yaml:6:5: ").contains("VILLAGE", "COMMUNE");
    }

    @Test
    void missing_grades_are_reported_at_the_start_of_the_description() {
        assertThat(onlyProblemOf("missing-grades")).asString()
                .startsWith("missing-grades/campaign.yaml:2:").contains("grades");
    }
}
