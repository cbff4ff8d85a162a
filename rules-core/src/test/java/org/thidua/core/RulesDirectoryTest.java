package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.thidua.core.Fixtures.pathsOf;

import org.junit.jupiter.api.Test;

/**
 * A rules directory is a folder of campaign folders: each compiled on its own, so one broken campaign keeps its
 * problems without hiding the good ones; {@code thidua.yaml} names the campaign used when a request names none.
 */
class RulesDirectoryTest {
    private static final String REQUEST = """
            {%s"reports": [{"unit": {"id": "a", "name": "Phòng Nội vụ", "kind": "AGENCY"},
                            "satisfaction": {"surveyed": 20, "satisfied": 19}}]}""";

    private static String requestFor(String campaign) {
        return REQUEST.formatted(campaign == null ? "" : "\"campaign\": \"" + campaign + "\", ");
    }

    private static RuleLibrary library(String name) {
        return RuleLibrary.load(Fixtures.fixture("libraries/" + name));
    }

    @Test
    void a_broken_campaign_keeps_its_problems_and_the_good_one_is_usable() {
        RuleLibrary library = library("one-good-one-broken");

        assertThat(library.ruleSets()).containsOnlyKeys("good");
        assertThat(library.problems()).containsOnlyKeys("broken");
        assertThat(library.allProblems()).singleElement().satisfies(problem -> {
            assertThat(problem.campaign()).isEqualTo("broken");
            assertThat(problem.file()).isEqualTo("criteria/satisfaction.drl");
            assertThat(problem.line()).isEqualTo(10);
        });
        Evaluation evaluation = library.read(requestFor("good")).evaluate().evaluations().get(0);
        assertThat(evaluation.finding("SATISFACTION").orElseThrow().status()).isEqualTo(Status.MET);
    }

    @Test
    void campaigns_compiled_side_by_side_are_the_campaigns_compiled_alone() {
        // A directory's campaigns compile on several threads at once; each must come out as if compiled by itself.
        java.nio.file.Path directory = Fixtures.fixture("libraries/default-named");
        RuleSet firstAlone = RuleSet.load(directory.resolve("first"));
        RuleSet secondAlone = RuleSet.load(directory.resolve("second"));
        EvaluationResult firstResult = firstAlone.evaluate(library("default-named").read(requestFor("first")).reports());
        EvaluationResult secondResult = secondAlone.evaluate(library("default-named").read(requestFor("second")).reports());

        for (int round = 0; round < 5; round++) {
            RuleLibrary library = library("default-named");

            assertThat(library.problems()).isEmpty();
            assertThat(library.ruleSet("first").version()).isEqualTo(firstAlone.version());
            assertThat(library.ruleSet("second").version()).isEqualTo(secondAlone.version());
            assertThat(library.ruleSet("first").ruleCount()).isEqualTo(firstAlone.ruleCount());
            assertThat(library.read(requestFor("first")).evaluate()).isEqualTo(firstResult);
            assertThat(library.read(requestFor("second")).evaluate()).isEqualTo(secondResult);
        }
    }

    @Test
    void asking_for_the_broken_campaign_gives_its_problems() {
        RuleLibrary library = library("one-good-one-broken");

        assertThatThrownBy(() -> library.read(requestFor("broken")))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("broken/criteria/satisfaction.drl:10:");
    }

    @Test
    void without_thidua_yaml_several_campaigns_have_no_default_and_a_request_must_name_one() {
        RuleLibrary library = library("one-good-one-broken");

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> library.read(requestFor(null)));

        assertThat(library.defaultCampaign()).isEmpty();
        assertThat(pathsOf(refused.problems())).containsExactly("campaign");
    }

    @Test
    void the_default_campaign_named_in_thidua_yaml_serves_requests_that_name_none() {
        RuleLibrary library = library("default-named");

        assertThat(library.defaultCampaign()).contains("second");
        assertThat(library.read(requestFor(null)).evaluate().campaign()).isEqualTo("second");
        assertThat(library.read(requestFor("first")).evaluate().campaign()).isEqualTo("first");
    }

    @Test
    void a_default_campaign_that_does_not_exist_is_reported_in_thidua_yaml_at_its_line() {
        RuleLibrary library = library("unknown-default");

        assertThat(library.defaultCampaign()).isEmpty();
        assertThat(library.ruleSets()).containsOnlyKeys("only");
        assertThat(library.problems().get("thidua.yaml")).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("thidua.yaml");
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).contains("khong-co");
        });
    }
}
