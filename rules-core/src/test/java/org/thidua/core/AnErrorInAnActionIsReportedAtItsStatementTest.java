package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drools reports an action's compile errors at the rule line; each is moved to the line of its own statement. */
class AnErrorInAnActionIsReportedAtItsStatementTest {
    @TempDir
    Path root;

    @Test
    void an_unknown_method_is_reported_at_the_line_that_calls_it() {
        List<RuleProblem> problems = CheckFixtures.problemsOf(root, "action-with-unknown-method");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("criteria/action-with-unknown-method.drl");
            assertThat(p.line()).isEqualTo(15);
            assertThat(p.column()).isEqualTo(11);
            assertThat(p.message()).contains("Luật \"SATISFACTION\"", "không có phương thức atLeats(double)",
                    "The method atLeats(double) is undefined for the type Judgement");
        });
    }

    @Test
    void several_errors_in_one_action_are_each_reported_at_their_own_line() {
        List<RuleProblem> problems = CheckFixtures.problemsOf(root, "action-with-three-errors");

        assertThat(problems).extracting(RuleProblem::line, RuleProblem::column).containsExactly(
                tuple(13, 36), tuple(14, 5), tuple(17, 19));
        assertThat(problems.get(0).message()).contains("surveyd()");
        assertThat(problems.get(1).message()).contains("Sai kiểu", "double", "String");
        assertThat(problems.get(2).message()).contains("Không biết tên 'message'");
    }

    @Test
    void a_missing_semicolon_is_reported_at_the_end_of_the_unfinished_statement() {
        List<RuleProblem> problems = CheckFixtures.problemsOf(root, "action-missing-semicolon");

        assertThat(problems).first().satisfies(p -> {
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.column()).isEqualTo(39);
            assertThat(p.message()).contains("Thiếu ';'");
        });
    }
}
