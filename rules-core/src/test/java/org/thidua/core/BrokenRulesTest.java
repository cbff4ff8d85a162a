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
 * {@code invalid/} named after what is wrong in it.
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
        assertThat(problems.get(0).campaign()).isEqualTo(fixture);
        return problems.get(0);
    }

    @Test
    void a_syntax_error_is_reported_where_the_parser_stopped() {
        RuleProblem problem = onlyProblemOf("syntax-error");

        assertThat(problem.file()).isEqualTo(RULES);
        assertThat(problem.line()).isEqualTo(10);
        assertThat(problem.column()).isEqualTo(1);
        assertThat(problem.message()).contains("'then'");
    }

    @Test
    void an_unknown_fact_type_is_reported_at_its_line() {
        RuleProblem problem = onlyProblemOf("unknown-fact-type");

        assertThat(problem.file()).isEqualTo(RULES);
        assertThat(problem.line()).isEqualTo(10);
        assertThat(problem.message()).contains("BaoCao");
    }

    @Test
    void an_unknown_field_in_a_pattern_is_reported_at_the_column_of_its_pattern_counted_from_one() {
        RuleProblem problem = onlyProblemOf("unknown-field-in-pattern");

        assertThat(problem.file()).isEqualTo(RULES);
        assertThat(problem.line()).isEqualTo(9);
        assertThat(problem.column()).as("'$r : UnitReport(…)' starts after four spaces").isEqualTo(5);
        assertThat(problem.message()).contains("satisfation");
    }

    @Test
    void an_error_inside_a_rule_action_is_reported_at_the_rule_line() {
        RuleProblem problem = onlyProblemOf("error-in-action");

        assertThat(problem.file()).isEqualTo(RULES);
        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.message()).contains("atLeats");
    }

    @Test
    void a_criterion_that_campaign_yaml_does_not_declare_is_reported_at_its_rule() {
        RuleProblem problem = onlyProblemOf("criterion-not-declared");

        assertThat(problem.file()).isEqualTo(RULES);
        assertThat(problem.line()).isEqualTo(14);
        assertThat(problem.message()).contains("@criterion(PORTAL_PAGE)", "SATISFACTION");
    }

    @Test
    void a_declared_criterion_that_no_rule_judges_is_reported_at_its_declaration() {
        RuleProblem problem = onlyProblemOf("declared-criterion-without-rule");

        assertThat(problem.file()).isEqualTo("campaign.yaml");
        assertThat(problem.line()).isEqualTo(9);
        assertThat(problem.message()).contains("PORTAL_PAGE");
    }

    @Test
    void rules_without_the_judge_global_are_told_the_line_to_add() {
        RuleProblem problem = onlyProblemOf("missing-judge-global");

        assertThat(problem.file()).isEqualTo(RULES);
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.message()).contains("global org.thidua.core.Judge judge;");
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
