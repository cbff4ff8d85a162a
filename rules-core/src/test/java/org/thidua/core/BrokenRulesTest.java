package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * DRL that does not compile, or does not fit its campaign.yaml, is refused with every problem at its file and line
 * (and column where Drools gives one), in plain words. Each fixture is a campaign folder under
 * {@code invalid/} named after what is wrong in it; a problem reads {@code campaign/file:line:column: message}.
 */
class BrokenRulesTest {
    private static final String RULES = "criteria/satisfaction.drl";

    static List<RuleProblem> problemsOf(String fixture) {
        RuleSetException refused = catchThrowableOfType(RuleSetException.class,
                () -> RuleSet.load(Fixtures.fixture("invalid/" + fixture)));
        assertThat(refused).as("the campaign %s is refused", fixture).isNotNull();
        return refused.problems();
    }

    static RuleProblem onlyProblemOf(String fixture) {
        List<RuleProblem> problems = problemsOf(fixture);
        assertThat(problems).as(fixture).hasSize(1);
        return problems.get(0);
    }

    @Test
    void a_syntax_error_is_reported_where_the_parser_stopped() {
        assertThat(onlyProblemOf("syntax-error")).asString()
                .startsWith("syntax-error/" + RULES + ":10:1: ").contains("'then'");
    }

    @Test
    void an_unknown_fact_type_is_reported_at_its_line() {
        assertThat(onlyProblemOf("unknown-fact-type")).asString()
                .startsWith("unknown-fact-type/" + RULES + ":10:").contains("BaoCao");
    }

    @Test
    void an_unknown_field_in_a_pattern_is_reported_at_the_field_counted_from_one_with_the_fields_there_are() {
        assertThat(onlyProblemOf("unknown-field-in-pattern")).asString()
                .as("'satisfation' starts at column 22 of '    $r : UnitReport( satisfation != null )'")
                .startsWith("unknown-field-in-pattern/" + RULES + ":9:22: ")
                .contains("satisfation", "satisfaction, dossiers", "Có phải ý là 'satisfaction'?");
    }

    @Test
    void an_error_inside_a_rule_action_is_reported_at_the_statement_line() {
        assertThat(onlyProblemOf("error-in-action")).asString()
                .startsWith("error-in-action/" + RULES + ":12:11: ").contains("atLeats", "phần then");
    }

    @Test
    void a_criterion_that_campaign_yaml_does_not_declare_is_reported_at_its_rule() {
        assertThat(onlyProblemOf("criterion-not-declared")).asString()
                .startsWith("criterion-not-declared/" + RULES + ":14:").contains("(PORTAL_PAGE)", "SATISFACTION");
    }

    @Test
    void a_declared_criterion_that_no_rule_judges_is_reported_at_its_declaration() {
        assertThat(onlyProblemOf("declared-criterion-without-rule")).asString()
                .startsWith("declared-criterion-without-rule/campaign.yaml:9:").contains("PORTAL_PAGE");
    }

    @Test
    void rules_without_the_judge_global_are_told_the_line_to_add() {
        assertThat(onlyProblemOf("missing-judge-global")).asString()
                .startsWith("missing-judge-global/" + RULES + ":1:").contains("global org.thidua.core.Judge judge;");
    }

    @Test
    void drools_echo_of_a_syntax_error_is_never_shown() throws IOException {
        try (Stream<Path> fixtures = Files.list(Fixtures.fixture("invalid"))) {
            for (Path fixture : fixtures.toList()) {
                assertThat(problemsOf(fixture.getFileName().toString()))
                        .extracting(RuleProblem::message)
                        .noneMatch(message -> message.contains("Parser returned a null Package"));
            }
        }
    }
}
