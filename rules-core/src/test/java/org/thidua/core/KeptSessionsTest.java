package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A rule session that evaluated its units is emptied of its facts and kept for the next evaluation, instead of being
 * reset: nothing of one evaluation (its units, officials, standings, titles decided, a failure) shows in the next.
 */
class KeptSessionsTest {
    private static final Path CAMPAIGN = Path.of("../rules/campaigns/thach-that-cchc-2021");

    @Test
    void a_unit_evaluated_after_very_different_ones_gets_what_it_gets_in_a_rule_set_of_its_own() {
        List<UnitReport> units = List.of(communeWithOfficials("a", 12), agencyWithNothingReported("b"),
                communeWithOfficials("c", 3), wardWithOfficialsOnly("d"));
        List<EvaluationResult> alone = new ArrayList<>();
        for (UnitReport unit : units) {
            alone.add(RuleSet.load(CAMPAIGN).evaluate(List.of(unit))); // a new rule set: a session never used before
        }

        RuleSet rules = RuleSet.load(CAMPAIGN);
        int[] order = {0, 1, 2, 3, 0, 3, 1, 2, 2, 0, 1, 3};
        for (int i : order) {
            assertThat(rules.evaluate(List.of(units.get(i)))).as("unit %s", units.get(i).unit().id()).isEqualTo(alone.get(i));
        }
    }

    @Test
    void units_evaluated_one_per_call_get_the_findings_officials_and_titles_of_one_batch() {
        RuleSet rules = RuleSet.load(CAMPAIGN);
        List<UnitReport> units = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            units.add(switch (i % 4) {
                case 0 -> communeWithOfficials("c" + i, 1 + i % 13);
                case 1 -> agencyWithNothingReported("a" + i);
                case 2 -> wardWithOfficialsOnly("w" + i);
                default -> communeWithOfficials("d" + i, 0);
            });
        }
        List<Evaluation> batch = rules.evaluate(units).evaluations();

        for (int i = 0; i < units.size(); i++) {
            Evaluation one = rules.evaluate(List.of(units.get(i))).evaluations().get(0);
            assertThat(one.findings()).as("unit %d", i).isEqualTo(batch.get(i).findings());
            // a request without officials decides no titles at all: the units of the batch without officials are left out
            if (!units.get(i).members().isEmpty()) {
                assertThat(one.members()).as("unit %d", i).isEqualTo(batch.get(i).members());
                assertThat(one.titles()).as("unit %d", i).isEqualTo(batch.get(i).titles());
            }
            assertThat(one.score()).isEqualTo(batch.get(i).score());
        }
    }

    @Test
    void a_unit_evaluated_after_one_whose_officials_made_the_rules_loop_gets_what_it_gets_alone() {
        RuleSet rules = RuleSet.load(CAMPAIGN);
        UnitReport next = communeWithOfficials("next", 5);
        EvaluationResult alone = RuleSet.load(CAMPAIGN).evaluate(List.of(next));

        assertThatThrownBy(() -> rules.withLimits(new RuleSet.Limits(1, java.time.Duration.ofSeconds(30)))
                .evaluate(List.of(communeWithOfficials("many", 40)))).isInstanceOf(EvaluationException.class);

        assertThat(rules.evaluate(List.of(next))).isEqualTo(alone);
        assertThat(rules.evaluate(List.of(next))).isEqualTo(alone);
    }

    /** Every figure reported, and {@code n} officials of every role, grade and discipline. */
    private static UnitReport communeWithOfficials(String id, int n) {
        return UnitReport.of(new Unit(id, "UBND xã " + id, UnitKind.COMMUNE))
                .withSatisfaction(new Satisfaction(200 + n, 190 + n))
                .withDossiers(new Dossiers(n, 900 + n, n % 3, n % 2))
                .withFrontlineStaff(new StaffTraining(10, 10 - n % 2))
                .withCommuneOfficials(new CommuneOfficials(20, 20))
                .withPortalPage(n % 5 != 1)
                .withMembers(officials(id, n));
    }

    private static UnitReport agencyWithNothingReported(String id) {
        return UnitReport.of(new Unit(id, "Phòng " + id, UnitKind.AGENCY));
    }

    private static UnitReport wardWithOfficialsOnly(String id) {
        return UnitReport.of(new Unit(id, "UBND phường " + id, UnitKind.WARD)).withMembers(officials(id, 8));
    }

    private static List<Member> officials(String unit, int n) {
        List<Member> members = new ArrayList<>();
        MemberRole[] roles = MemberRole.values();
        TaskGrade[] grades = TaskGrade.values();
        Discipline[] disciplines = Discipline.values();
        for (int i = 0; i < n; i++) {
            Member member = Member.of(unit + "-" + i, "Cán bộ " + i, roles[i % roles.length])
                    .withTraining(i % 3 != 0, i % 4 != 0)
                    .withDossiers(new MemberDossiers(10 + i, i % 5 == 0 ? 1 : 0))
                    .withInitiative(i % 2 == 0);
            if (i % 7 != 6) {
                member = member.withTaskGrade(grades[i % grades.length]);
            }
            if (i % 9 == 8) {
                member = member.withDiscipline(disciplines[i % disciplines.length]);
            }
            members.add(member);
        }
        return members;
    }
}
