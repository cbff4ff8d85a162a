package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the loader and the engine check about individual criteria and titles, and what they leave unchanged. */
class TitleRulesTest {
    @TempDir
    Path rules;

    @Test
    void a_campaign_without_member_criteria_or_titles_loads_and_answers_as_before() {
        RuleSet ruleSet = RuleSet.load(CampaignFolder.in(rules, "units-only", CampaignFolder.UNITS_ONLY_YAML)
                .drl("criteria/portal.drl", CampaignFolder.PORTAL_DRL).write());

        EvaluationResult result = ruleSet.evaluate(List.of(UnitReport.of(new Unit("u", "U", UnitKind.AGENCY)).withPortalPage(true)));

        assertThat(ruleSet.campaign().memberCriteria()).isEmpty();
        assertThat(ruleSet.campaign().titles()).isEmpty();
        assertThat(result.commendations()).isNull();
        assertThat(result.evaluations().get(0).members()).isNull();
        assertThat(result.evaluations().get(0).titles()).isNull();
    }

    @Test
    void a_title_that_no_rule_decides_is_reported_at_its_line_in_campaign_yaml() {
        RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> RuleSet.load(
                CampaignFolder.in(rules, "no-title-rule", CampaignFolder.MEMBERS_YAML)
                        .drl("criteria/portal.drl", CampaignFolder.PORTAL_DRL)
                        .drl("titles/members.drl", CampaignFolder.MEMBERS_DRL.replace("rule \"TAP_THE_TIEN_TIEN\"", "rule \"OTHER\""))
                        .write()));

        assertThat(refused.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("campaign.yaml");
            assertThat(p.line()).isEqualTo(16);
            assertThat(p.message()).contains("Danh hiệu TAP_THE_TIEN_TIEN chưa có luật nào xét");
        });
    }

    @Test
    void a_rule_naming_an_undeclared_title_is_reported_at_its_line() {
        String drl = CampaignFolder.MEMBERS_DRL + """
                rule "typo"
                    @title(TAP_THE_XUAT_SAC)
                when
                    $r : UnitReport()
                then
                    judge.title($r);
                end
                """;
        RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> RuleSet.load(
                CampaignFolder.in(rules, "unknown-title", CampaignFolder.MEMBERS_YAML)
                        .drl("criteria/portal.drl", CampaignFolder.PORTAL_DRL).drl("titles/members.drl", drl).write()));

        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("titles/members.drl");
            assertThat(p.line()).isEqualTo(29); // the line of rule "typo", just after MEMBERS_DRL
            assertThat(p.message()).contains("TAP_THE_XUAT_SAC");
        });
    }

    @Test
    void a_collective_title_decided_for_an_official_fails_the_evaluation_naming_the_rule() {
        RuleSet ruleSet = RuleSet.load(CampaignFolder.in(rules, "wrong-subject", CampaignFolder.MEMBERS_YAML)
                .drl("criteria/portal.drl", CampaignFolder.PORTAL_DRL)
                .drl("titles/members.drl", CampaignFolder.MEMBERS_DRL.replace("judge.title($r).moreThan", "judge.title($r, $r.members().get(0)).moreThan"))
                .write());
        UnitReport report = UnitReport.of(new Unit("u", "U", UnitKind.AGENCY))
                .withMembers(List.of(Member.of("a", "A", MemberRole.OTHER).withTaskGrade(TaskGrade.HOAN_THANH)));

        EvaluationException failed = catchThrowableOfType(EvaluationException.class, () -> ruleSet.evaluate(List.of(report)));

        assertThat(failed.getMessage()).contains("Danh hiệu TAP_THE_TIEN_TIEN dành cho tập thể: dùng judge.title($r)",
                "titles/members.drl: TAP_THE_TIEN_TIEN");
    }

    @Test
    void a_title_decided_again_by_the_same_rule_keeps_the_latest_decision() {
        RuleSet ruleSet = RuleSet.load(CampaignFolder.in(rules, "refire", CampaignFolder.MEMBERS_YAML)
                .drl("criteria/portal.drl", CampaignFolder.PORTAL_DRL)
                // without salience the collective rule may fire before every official is decided, then again
                .drl("titles/members.drl", CampaignFolder.MEMBERS_DRL.replace("salience 10", "salience -10"))
                .write());
        UnitReport report = UnitReport.of(new Unit("u", "U", UnitKind.AGENCY)).withMembers(List.of(
                Member.of("a", "A", MemberRole.OTHER).withTaskGrade(TaskGrade.HOAN_THANH_TOT),
                Member.of("b", "B", MemberRole.OTHER).withTaskGrade(TaskGrade.HOAN_THANH_TOT),
                Member.of("c", "C", MemberRole.OTHER).withTaskGrade(TaskGrade.HOAN_THANH)));

        Evaluation unit = ruleSet.evaluate(List.of(report)).evaluations().get(0);

        assertThat(unit.title("TAP_THE_TIEN_TIEN")).hasValueSatisfying(t -> {
            assertThat(t.status()).isEqualTo(Status.MET);
            assertThat(t.explanation()).isEqualTo("2/3 Lao động tiên tiến = 66,67% > 50%");
        });
    }
}
