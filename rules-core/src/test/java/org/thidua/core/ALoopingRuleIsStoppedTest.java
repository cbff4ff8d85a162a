package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule that loops is stopped within the evaluation's bounds, reported by name, and the rule set goes on serving. */
class ALoopingRuleIsStoppedTest {
    private static final UnitReport LOOPING = UnitReport.of(new Unit("xa-lap-vo-tan", "UBND xã Lặp", UnitKind.COMMUNE));
    private static final UnitReport GOOD = UnitReport.of(new Unit("xa-binh-yen", "UBND xã Bình Yên", UnitKind.COMMUNE))
            .withSatisfaction(new Satisfaction(200, 191));

    @TempDir
    Path root;

    /** A campaign whose title negates itself: rules cannot loop by update/insert (the gate refuses), but can like this. */
    private RuleSet looping() {
        Path folder = TestCampaigns.write(root, "looping", "loop.drl", TestCampaigns.resource("limits/looping-rule.drl"));
        try {
            Files.writeString(folder.resolve("campaign.yaml"), TestCampaigns.CAMPAIGN_YAML.formatted("looping")
                    .replace("grades:", "titles:\n  - id: NGHICH_LY\n    label: Danh hiệu tự phủ định\n    for: UNIT\ngrades:"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return RuleSet.load(folder);
    }

    @Test
    void a_rule_that_fires_past_the_firing_limit_is_stopped_and_named() {
        RuleSet rules = looping().withLimits(new RuleSet.Limits(50, Duration.ofSeconds(30)));

        assertThatThrownBy(() -> rules.evaluate(List.of(LOOPING)))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("vượt giới hạn 50 lần mỗi đơn vị")
                .hasMessageContaining("LOOPS_FOR_ONE_UNIT")
                .hasMessageContaining("a rule may loop");
    }

    @Test
    void a_rule_that_runs_past_the_time_limit_is_stopped() {
        RuleSet rules = looping().withLimits(new RuleSet.Limits(Integer.MAX_VALUE, Duration.ofMillis(200)));
        long started = System.nanoTime();

        assertThatThrownBy(() -> rules.evaluate(List.of(LOOPING)))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("vượt quá thời gian cho phép 200 ms")
                .hasMessageContaining("LOOPS_FOR_ONE_UNIT");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void the_same_rule_set_goes_on_serving_after_a_loop_was_stopped() {
        RuleSet rules = looping().withLimits(new RuleSet.Limits(50, Duration.ofSeconds(30)));
        assertThatThrownBy(() -> rules.evaluate(List.of(LOOPING))).isInstanceOf(EvaluationException.class);

        EvaluationResult result = rules.evaluate(List.of(GOOD));

        assertThat(result.evaluations()).singleElement()
                .satisfies(e -> assertThat(e.findings()).singleElement()
                        .satisfies(f -> assertThat(f.status()).isEqualTo(Status.MET)));
    }
}
