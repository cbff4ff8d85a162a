package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The safety gate refuses DRL that reaches outside the fact model and the judge, at the file, line and column. */
class DrlReachingOutsideTheFactModelIsRefusedTest {

    @ParameterizedTest(name = "gate/{0}.drl is refused at line {1}, column {2}, naming {3}")
    @CsvSource(delimiter = '|', textBlock = """
            system-exit                   | 11 |  5 | 'System'
            qualified-system-exit         | 11 |  5 | 'java.lang.System'
            qualified-name-with-spaces    | 11 |  5 | 'java.lang.System.exit'
            runtime-exec                  | 11 |  5 | 'Runtime'
            process-builder               | 11 |  9 | 'ProcessBuilder'
            new-thread                    | 11 |  9 | 'Thread'
            executor                      | 11 |  5 | 'java.util.concurrent.Executors.newSingleThreadExecutor'
            read-file                     | 11 |  5 | 'java.nio.file.Files.readString'
            delete-file                   | 11 |  9 | 'java.io.File'
            open-url                      | 11 |  9 | 'java.net.URL'
            class-for-name                | 11 | 16 | 'Class'
            get-class-invoke              | 11 | 19 | 'getClass'
            get-class-in-pattern          |  9 | 27 | 'getClass'
            mvel-property-class           |  9 | 27 | 'class'
            eval-with-system              | 10 | 11 | 'System'
            engine-internals              | 11 |  5 | 'kcontext'
            endless-loop                  | 11 |  5 | 'while'
            import-off-allow-list         |  4 |  8 | 'java.nio.file.Files'
            import-function               |  4 |  1 | 'import function'
            import-wildcard               |  4 |  8 | 'org.thidua.core.*'
            import-library-class          |  4 |  8 | 'org.thidua.core.RuleLibrary'
            mvel-dialect                  |  8 |  5 | dialect "mvel"
            reserved-package              |  1 |  9 | 'org.thidua.core'
            unicode-escape                | 11 |  5 | '\\u0053'
            string-across-lines           | 11 | 16 | must close on the line
            metadata-expression           |  8 | 17 | 'Runtime'
            """)
    void a_file_that_reaches_outside_is_refused_where_it_does(String fixture, int line, int column, String named) {
        List<RuleProblem> refused = SafetyGate.check("fixture", "criteria/" + fixture + ".drl",
                TestCampaigns.resource("gate/" + fixture + ".drl"));

        assertThat(refused).first().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("criteria/" + fixture + ".drl");
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.column()).isEqualTo(column);
            assertThat(problem.message()).contains(named);
        });
    }

    @Test
    void forbidden_words_in_comments_and_messages_are_not_refused() {
        List<RuleProblem> refused = SafetyGate.check("fixture", "criteria/words.drl",
                TestCampaigns.resource("gate/words-in-comments-and-strings.drl"));

        assertThat(refused).isEmpty();
    }

    @Test
    void a_fully_qualified_name_is_reported_once_not_once_per_word() {
        List<RuleProblem> refused = SafetyGate.check("fixture", "criteria/x.drl",
                TestCampaigns.resource("gate/qualified-system-exit.drl"));

        assertThat(refused).hasSize(1);
    }

    @Test
    void every_load_path_is_gated_and_a_refused_file_is_never_compiled(@TempDir Path root) {
        Path folder = TestCampaigns.write(root, "gated", "satisfaction.drl", TestCampaigns.resource("gate/system-exit.drl"));

        assertThatThrownBy(() -> RuleSet.load(folder))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems())
                        .extracting(RuleProblem::toString)
                        .singleElement().asString()
                        .startsWith("gated/criteria/satisfaction.drl:11:5: Không được dùng 'System'"));
    }

    @Test
    void a_campaign_within_the_fact_model_passes_the_gate_and_compiles(@TempDir Path root) {
        Path folder = TestCampaigns.write(root, "allowed", "satisfaction.drl",
                TestCampaigns.resource("gate/words-in-comments-and-strings.drl"));

        assertThat(RuleSet.load(folder).campaign().id()).isEqualTo("allowed");
    }
}
