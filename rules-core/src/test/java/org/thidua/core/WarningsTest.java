package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What compiles but is probably wrong is warned about at its line, never refused. */
class WarningsTest {
    @TempDir
    Path rules;

    @Test
    void a_flat_penalty_and_a_penalty_in_the_maximum_are_warned_about() {
        RuleSet ruleSet = RuleSet.load(CampaignFolder.in(rules, "canh-bao", CampaignFolder.UNITS_ONLY_YAML.replace("grades:", """
                  - id: LATE_PENALTY
                    title: Điểm trừ hồ sơ trễ
                    points: 10
                grades:""")).drl("criteria/portal.drl", CampaignFolder.PORTAL_DRL).drl("criteria/late.drl", """
                package test;
                import org.thidua.core.UnitReport;
                global org.thidua.core.Judge judge;
                rule "LATE_PENALTY"
                when
                    $r : UnitReport( dossiers != null )
                then
                    judge.value($r, $r.dossiers().late()).points(-5);
                end
                """).write());

        assertThat(ruleSet.warnings()).extracting(RuleProblem::toString).containsExactly(
                "canh-bao/criteria/late.drl:8:1: Cảnh báo: luật \"LATE_PENALTY\" trừ điểm cố định -5 cho mọi đơn vị luật này chấm, kể cả"
                        + " đơn vị không vi phạm; viết điều kiện, ví dụ .points(soViPham > 0 ? -5 : 0), hoặc dùng dòng 'trừ điểm' trong bảng"
                        + " tiêu chí (warning: a flat penalty deducts even where its condition does not hold)",
                "canh-bao/criteria/late.drl:4:1: Cảnh báo: tiêu chí LATE_PENALTY trừ điểm nhưng có 10.0 điểm trong điểm tối đa; điểm trừ nên"
                        + " khai báo kind: PENALTY, points: 0 (warning: a penalty counted in the maximum)");
    }

    @Test
    void the_bundled_campaigns_have_no_warning() {
        RuleLibrary.load(Path.of("../rules/campaigns")).ruleSets().values().forEach(r -> assertThat(r.warnings()).as(r.campaign().id()).isEmpty());
    }
}
