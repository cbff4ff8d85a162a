package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A running service reloads one campaign at a time: {@link RuleLibrary#with} gives a new library with that
 * campaign's rule set replaced, and leaves the library it came from (and whoever still holds it) as it was.
 */
class ReplacingOneCampaignOfALibraryTest {
    private static RuleLibrary library() {
        return RuleLibrary.load(Fixtures.fixture("libraries/one-good-one-broken"));
    }

    @Test
    void with_replaces_one_rule_set_in_a_new_library_and_leaves_the_old_one_as_it_was() {
        RuleLibrary before = library();
        RuleSet first = before.ruleSets().get("good");
        RuleSet reloaded = RuleSet.load(Fixtures.fixture("libraries/one-good-one-broken/good"));

        RuleLibrary after = before.with(reloaded);

        assertThat(after.ruleSets().get("good")).isSameAs(reloaded);
        assertThat(before.ruleSets().get("good")).isSameAs(first);
        assertThat(after.problems()).isEqualTo(before.problems());
        assertThat(after.source()).isEqualTo(before.source());
        assertThat(after.defaultCampaign()).isEqualTo(before.defaultCampaign());
    }

    @Test
    void with_problems_lists_or_forgets_a_campaign_without_a_rule_set() {
        RuleLibrary before = library();
        RuleProblem problem = new RuleProblem("new", "campaign.yaml", 1, 1, "sai (wrong)");

        RuleLibrary added = before.withProblems("new", List.of(problem));
        RuleLibrary forgotten = before.withProblems("broken", List.of());

        assertThat(added.problems()).containsOnlyKeys("broken", "new");
        assertThat(added.problems().get("new")).containsExactly(problem);
        assertThat(forgotten.problems()).isEmpty();
        assertThat(before.problems()).containsOnlyKeys("broken");
    }

    @Test
    void a_campaign_with_a_rule_set_is_never_taken_down_by_its_problems() {
        RuleProblem problem = new RuleProblem("good", "campaign.yaml", 1, 1, "sai (wrong)");

        assertThatThrownBy(() -> library().withProblems("good", List.of(problem)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
