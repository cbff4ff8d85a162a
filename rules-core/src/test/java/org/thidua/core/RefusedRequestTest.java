package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.thidua.core.Fixtures.pathsOf;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A request that does not fit JSON contract v1 or its campaign is refused whole, each refused value named by its
 * field path, every problem at once.
 */
class RefusedRequestTest {
    private static final RuleLibrary LIBRARY = Fixtures.campaigns2021();

    /** Single quotes stand for double quotes, to keep the requests readable. */
    private static String request(String... reports) {
        return ("{'campaign': 'thach-that-cchc-2021', 'reports': [" + String.join(", ", reports) + "]}").replace('\'', '"');
    }

    private static String report(String id, String measures) {
        return "{'unit': {'id': '" + id + "', 'name': 'UBND xã " + id + "', 'kind': 'COMMUNE'}"
                + (measures.isEmpty() ? "" : ", " + measures) + "}";
    }

    private static List<InputProblem> refusalOf(String json) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> LIBRARY.read(json));
        assertThat(refused).as("the request is refused").isNotNull();
        return refused.problems();
    }

    private static InputProblem onlyProblemOf(String json) {
        List<InputProblem> problems = refusalOf(json);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void a_well_formed_request_is_accepted() {
        EvaluationRequest accepted = LIBRARY.read(request(report("xa-a",
                "'satisfaction': {'surveyed': 200, 'satisfied': 191}, 'indicators': {'digitizedShare': 0.85}")));

        assertThat(accepted.reports()).hasSize(1);
        assertThat(accepted.ruleSet().campaign().id()).isEqualTo("thach-that-cchc-2021");
    }

    @Test
    void text_that_is_not_json_is_refused_as_malformed_with_its_line() {
        String json = "{\"reports\": [\n  {\"unit\": }\n]}";

        MalformedInputException refused = catchThrowableOfType(MalformedInputException.class, () -> LIBRARY.read(json));

        assertThat(refused).isNotNull();
        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$");
            assertThat(p.message()).contains("dòng 2");
        });
    }

    @Test
    void an_unknown_unit_kind_is_refused_at_its_path() {
        String json = request("{'unit': {'id': 'thon-a', 'name': 'Thôn A', 'kind': 'VILLAGE'}}");

        InputProblem problem = onlyProblemOf(json);

        assertThat(problem.path()).isEqualTo("reports[0].unit.kind");
        assertThat(problem.message()).contains("VILLAGE", "COMMUNE");
    }

    @Test
    void a_negative_count_is_refused_at_its_path() {
        InputProblem problem = onlyProblemOf(request(report("xa-a", "'dossiers': {'early': 1, 'onTime': 2, 'late': -1}")));

        assertThat(problem.path()).isEqualTo("reports[0].dossiers.late");
        assertThat(problem.message()).contains("-1");
    }

    @Test
    void a_count_that_is_not_a_whole_number_is_refused_at_its_path() {
        InputProblem problem = onlyProblemOf(request(report("xa-a", "'frontlineStaff': {'total': 12.5, 'trained': 3}")));

        assertThat(problem.path()).isEqualTo("reports[0].frontlineStaff.total");
    }

    @Test
    void a_count_above_two_to_the_31_minus_one_is_refused_and_the_largest_allowed_is_accepted() {
        String tooLarge = request(report("xa-a", "'dossiers': {'early': 2147483648, 'onTime': 0, 'late': 0}"));
        String largest = request(report("xa-a", "'dossiers': {'early': 2147483647, 'onTime': 0, 'late': 0}"));

        InputProblem problem = onlyProblemOf(tooLarge);

        assertThat(problem.path()).isEqualTo("reports[0].dossiers.early");
        assertThat(LIBRARY.read(largest).reports().get(0).dossiers().early()).isEqualTo(2_147_483_647L);
    }

    @Test
    void more_satisfied_than_surveyed_is_refused_at_satisfied() {
        InputProblem problem = onlyProblemOf(request(report("xa-a", "'satisfaction': {'surveyed': 200, 'satisfied': 201}")));

        assertThat(problem.path()).isEqualTo("reports[0].satisfaction.satisfied");
    }

    @Test
    void more_trained_than_staff_is_refused_at_trained() {
        InputProblem problem = onlyProblemOf(request(report("xa-a", "'frontlineStaff': {'total': 12, 'trained': 13}")));

        assertThat(problem.path()).isEqualTo("reports[0].frontlineStaff.trained");
    }

    @Test
    void more_officials_trained_on_indices_than_officials_is_refused_at_trained_on_indices() {
        InputProblem problem = onlyProblemOf(request(report("xa-a", "'communeOfficials': {'total': 20, 'trainedOnIndices': 21}")));

        assertThat(problem.path()).isEqualTo("reports[0].communeOfficials.trainedOnIndices");
    }

    @Test
    void an_indicator_the_campaign_does_not_declare_is_refused_by_its_name() {
        InputProblem problem = onlyProblemOf(request(report("xa-a", "'indicators': {'paperlessShare': 0.5}")));

        assertThat(problem.path()).isEqualTo("reports[0].indicators.paperlessShare");
        assertThat(problem.message()).contains("digitizedShare");
    }

    @Test
    void an_indicator_outside_its_declared_range_is_refused() {
        List<InputProblem> problems = refusalOf(request(
                report("xa-a", "'indicators': {'digitizedShare': 1.01}"),
                report("xa-b", "'indicators': {'digitizedShare': -0.01}"),
                report("xa-c", "'indicators': {'digitizedShare': 1}")));

        assertThat(pathsOf(problems)).containsExactly("reports[0].indicators.digitizedShare", "reports[1].indicators.digitizedShare");
        assertThat(problems.get(0).message()).contains("1.01", "[0, 1]");
    }

    @Test
    void a_misspelt_measure_is_refused_instead_of_becoming_no_data() {
        InputProblem problem = onlyProblemOf(request(report("xa-a", "'satisfation': {'surveyed': 200, 'satisfied': 191}")));

        assertThat(problem.path()).isEqualTo("reports[0].satisfation");
        assertThat(problem.message()).contains("satisfaction");
    }

    @Test
    void a_unit_without_id_or_name_is_refused_at_each_missing_field() {
        List<InputProblem> problems = refusalOf(request("{'unit': {'kind': 'COMMUNE'}}"));

        assertThat(pathsOf(problems)).containsExactlyInAnyOrder("reports[0].unit.id", "reports[0].unit.name");
    }

    @Test
    void a_unit_reported_twice_is_refused_at_the_second_report() {
        InputProblem problem = onlyProblemOf(request(report("xa-a", ""), report("xa-b", ""), report("xa-a", "")));

        assertThat(problem.path()).isEqualTo("reports[2].unit.id");
        assertThat(problem.message()).contains("reports[0]");
    }

    @Test
    void an_unknown_campaign_is_refused_at_campaign() {
        String json = request(report("xa-a", "")).replace("thach-that-cchc-2021", "thach-that-cchc-2099");

        InputProblem problem = onlyProblemOf(json);

        assertThat(problem.path()).isEqualTo("campaign");
        assertThat(problem.message()).contains("thach-that-cchc-2099", "thach-that-cchc-2021");
    }

    @Test
    void an_empty_list_of_reports_is_refused_at_reports() {
        InputProblem problem = onlyProblemOf(request());

        assertThat(problem.path()).isEqualTo("reports");
    }

    @Test
    void every_problem_of_a_request_is_reported_at_once_and_nothing_is_evaluated() {
        String json = request(
                report("xa-a", "'satisfaction': {'surveyed': 100, 'satisfied': 101}"),
                report("xa-b", "'satisfaction': {'surveyed': 100, 'satisfied': 99}"),
                report("xa-c", "'portalPage': true"),
                report("xa-d", "'dossiers': {'early': 1, 'onTime': -2, 'late': 0}, 'indicators': {'digitizedShare': 2}"));

        List<InputProblem> problems = refusalOf(json);

        assertThat(pathsOf(problems)).containsExactlyInAnyOrder(
                "reports[0].satisfaction.satisfied",
                "reports[3].dossiers.onTime",
                "reports[3].indicators.digitizedShare");
    }

    @Test
    void an_unknown_campaign_does_not_hide_the_problems_of_the_reports() {
        String json = request(report("xa-a", "'frontlineStaff': {'total': 1, 'trained': 2}"))
                .replace("thach-that-cchc-2021", "khong-co");

        assertThat(pathsOf(refusalOf(json))).containsExactlyInAnyOrder("campaign", "reports[0].frontlineStaff.trained");
    }

    @Test
    void reports_read_for_one_campaign_are_checked_again_by_a_rule_set_of_another() {
        // read and checked once for thach-that-cchc-2021; the scoring campaign does not declare digitizedShare
        EvaluationRequest read = LIBRARY.read(request(report("xa-a", "'indicators': {'digitizedShare': 0.85}")));
        RuleSet other = Fixtures.ruleSet("scoring");

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> other.evaluate(read.reports()));

        assertThat(refused).as("the proof of a check holds for the campaign it was made against only").isNotNull();
        assertThat(pathsOf(refused.problems())).containsExactly("reports[0].indicators.digitizedShare");
        assertThat(read.evaluate().evaluations()).hasSize(1);
    }
}
