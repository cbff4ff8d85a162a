package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Commendation#proposed}: the list an evaluation result carries, made again from evaluations kept elsewhere
 * (the service rebuilds it from stored evaluations of several requests).
 */
class ProposedCommendationsTest {
    @TempDir
    static Path rules;
    static RuleSet ruleSet;

    @BeforeAll
    static void campaign() {
        CampaignFolder.in(rules, "with-members", CampaignFolder.MEMBERS_YAML)
                .drl("criteria/portal.drl", CampaignFolder.PORTAL_DRL).drl("titles/members.drl", CampaignFolder.MEMBERS_DRL).write();
        ruleSet = RuleLibrary.load(rules).ruleSet("with-members");
    }

    private static UnitReport unit(String id, String name, TaskGrade... grades) {
        List<Member> members = new java.util.ArrayList<>();
        for (int i = 0; i < grades.length; i++) {
            members.add(Member.of(id + "-" + i, "Cán bộ " + (i + 1) + " của " + name, MemberRole.OTHER).withTaskGrade(grades[i]));
        }
        return UnitReport.of(new Unit(id, name, UnitKind.AGENCY)).withPortalPage(true).withMembers(members);
    }

    @Test
    void from_the_evaluations_of_a_result_it_is_the_results_own_list() {
        EvaluationResult result = ruleSet.evaluate(List.of(
                unit("a", "Phòng Nội vụ", TaskGrade.HOAN_THANH_TOT, TaskGrade.HOAN_THANH),
                unit("b", "Phòng Tư pháp", TaskGrade.HOAN_THANH_XUAT_SAC, TaskGrade.HOAN_THANH_TOT)));

        assertThat(Commendation.proposed(ruleSet.campaign(), result.evaluations())).isEqualTo(result.commendations());
        assertThat(result.commendations()).extracting(Commendation::title, Commendation::unitId, Commendation::memberId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("TAP_THE_TIEN_TIEN", "b", null),
                        org.assertj.core.groups.Tuple.tuple("LAO_DONG_TIEN_TIEN", "a", "a-0"),
                        org.assertj.core.groups.Tuple.tuple("LAO_DONG_TIEN_TIEN", "b", "b-0"),
                        org.assertj.core.groups.Tuple.tuple("LAO_DONG_TIEN_TIEN", "b", "b-1"));
    }

    @Test
    void evaluations_of_separate_requests_are_listed_in_the_order_given_and_those_without_members_propose_nothing() {
        Evaluation a = ruleSet.evaluate(List.of(unit("a", "Phòng Nội vụ", TaskGrade.HOAN_THANH_TOT))).evaluations().get(0);
        Evaluation b = ruleSet.evaluate(List.of(unit("b", "Phòng Tư pháp", TaskGrade.HOAN_THANH_TOT))).evaluations().get(0);
        Evaluation unitsOnly = ruleSet.evaluate(List.of(UnitReport.of(new Unit("c", "UBND xã C", UnitKind.COMMUNE))
                .withPortalPage(true))).evaluations().get(0);
        assertThat(unitsOnly.members()).isNull();

        List<Commendation> proposed = Commendation.proposed(ruleSet.campaign(), List.of(b, unitsOnly, a));

        assertThat(proposed).extracting(Commendation::title, Commendation::unitId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("TAP_THE_TIEN_TIEN", "b"),
                org.assertj.core.groups.Tuple.tuple("TAP_THE_TIEN_TIEN", "a"),
                org.assertj.core.groups.Tuple.tuple("LAO_DONG_TIEN_TIEN", "b"),
                org.assertj.core.groups.Tuple.tuple("LAO_DONG_TIEN_TIEN", "a"));
        assertThat(proposed.get(2).memberName()).isEqualTo("Cán bộ 1 của Phòng Tư pháp");
        assertThat(proposed.get(0).explanation()).isEqualTo(b.title("TAP_THE_TIEN_TIEN").orElseThrow().explanation());
    }
}
