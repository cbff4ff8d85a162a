package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

/** Loads a {@code check/*.drl} fixture as the only rule file of a test campaign and returns what loading reported. */
final class CheckFixtures {
    private CheckFixtures() {
    }

    static List<RuleProblem> problemsOf(Path root, String fixture) {
        Path folder = TestCampaigns.write(root, "fixture", fixture + ".drl", TestCampaigns.resource("check/" + fixture + ".drl"));
        List<RuleProblem>[] problems = new List[1];
        assertThatThrownBy(() -> RuleSet.load(folder))
                .isInstanceOfSatisfying(RuleSetException.class, e -> problems[0] = e.problems());
        return problems[0];
    }
}
