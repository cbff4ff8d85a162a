package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thidua.core.Fixtures.commune;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Groups get subtotals; a bonus and a penalty are kinds of their own, outside the maximum and outside "met n/m";
 * {@code bonusPenalty: raw} adds their points to the score as they are, {@code scaled} (the default) to the points.
 */
class GroupsBonusAndPenaltyTest {
    private static final String TITLE_DRL = """
            package thidua.thu;
            import org.thidua.core.UnitReport;
            import org.thidua.core.Standing;
            global org.thidua.core.Judge judge;
            rule "TAP_THE"
            when
                $r : UnitReport()
                $s : Standing( report == $r, member == null )
            then
                judge.title($r).require($s.isAllMet(), "Đạt cả " + $s.met() + "/" + $s.applicable() + " tiêu chí",
                        "Đạt " + $s.met() + "/" + $s.applicable() + " tiêu chí");
            end
            """;

    @TempDir
    Path root;

    private RuleSet campaign(String id, String extraYaml) throws IOException {
        Path folder = root.resolve(id);
        Files.createDirectories(folder.resolve("titles"));
        Files.writeString(folder.resolve("campaign.yaml"), CriteriaSheetTest.YAML.formatted(id) + extraYaml);
        Files.writeString(folder.resolve("criteria.csv"), CriteriaSheetTest.ROWS);
        if (extraYaml.contains("titles:")) {
            Files.writeString(folder.resolve("titles/unit.drl"), TITLE_DRL.replace("thidua.thu", "thidua." + id));
        }
        return RuleSet.load(folder);
    }

    /** 40/40 in group I, 28/40 in group II (8 of 10 digitized, no plan), a bonus of 3 and a penalty of 4 in group III. */
    private static UnitReport report() {
        return commune("a").withSatisfaction(new Satisfaction(200, 190)).withDossiers(new Dossiers(0, 100, 0, 0))
                .withPortalPage(true).withIndicators(Map.of("digitizedShare", new BigDecimal("0.8"), "onTime", BigDecimal.valueOf(5),
                        "received", BigDecimal.valueOf(5), "hasPlan", BigDecimal.ZERO, "initiatives", BigDecimal.valueOf(3),
                        "violations", BigDecimal.valueOf(2)));
    }

    @Test
    void each_group_has_its_subtotal_and_a_bonus_or_penalty_never_adds_to_a_maximum() throws IOException {
        Evaluation e = campaign("thu", "").evaluate(List.of(report())).evaluations().get(0);

        assertThat(e.groups()).containsExactly(new GroupTotal("I. Hài lòng", 40, 40), new GroupTotal("II. Số hóa", 28, 40),
                new GroupTotal("III. Thưởng", -1, 0));
        assertThat(e.score()).as("scaled: 100 × (68 − 1) / 80").isEqualTo(83.75);
    }

    @Test
    void raw_bonus_and_penalty_points_are_added_to_the_score_as_they_are() throws IOException {
        RuleSet raw = campaign("tho", "bonusPenalty: raw\n");

        Evaluation e = raw.evaluate(List.of(report())).evaluations().get(0);

        assertThat(raw.campaign().bonusPenalty()).isEqualTo(Campaign.BonusPenalty.RAW);
        assertThat(e.score()).as("raw: 100 × 68 / 80 + 3 − 4").isEqualTo(84);
    }

    @Test
    void a_bonus_or_a_penalty_is_not_a_criterion_to_meet() throws IOException {
        UnitReport withMember = report().withMembers(List.of(Member.of("m", "Cán bộ M", MemberRole.OTHER)));

        Evaluation e = campaign("thu", """
                titles:
                  - {id: TAP_THE, label: Tập thể, for: UNIT}
                """).evaluate(List.of(withMember)).evaluations().get(0);

        assertThat(e.title("TAP_THE").orElseThrow().explanation()).as("6 criteria apply, not 8; 2 of them are not met")
                .isEqualTo("Đạt 4/6 tiêu chí");
    }

    @Test
    void a_campaign_without_groups_answers_without_them() {
        Evaluation e = Fixtures.campaigns2021().ruleSet("thach-that-cchc-2021")
                .evaluate(List.of(commune("a").withPortalPage(true))).evaluations().get(0);

        assertThat(e.groups()).isNull();
    }
}
