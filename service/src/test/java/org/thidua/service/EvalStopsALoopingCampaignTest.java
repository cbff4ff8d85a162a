package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** {@code thidua eval} on rules that loop stops them within the firing limit and exits 3 naming the rule. */
class EvalStopsALoopingCampaignTest {
    @Test
    void a_looping_rule_is_stopped_and_reported_as_a_rules_error() {
        Path rules = CommandLineRun.resource("rules-dirs/looping");

        CommandLineRun run = CommandLineRun.of("eval", "--rules", rules.toString(), "--input", rules.resolve("request.json").toString());

        assertThat(run.exitCode()).isEqualTo(Main.BAD_RULES);
        assertThat(run.err()).contains("vượt giới hạn 1000 lần mỗi đơn vị", "LOOPS_FOREVER", "a rule may loop");
        assertThat(run.out()).isEmpty();
    }
}
