package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thidua.core.Fixtures.commune;
import static org.thidua.core.Fixtures.withIndicator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The criteria sheet: one row per criterion, compiled to DRL through the same compiler and safety gate as
 * hand-written DRL; each scoring method judged as the row says; every problem at its cell.
 */
class CriteriaSheetTest {
    static final String YAML = """
            id: %s
            title: Chiến dịch thử
            unitKinds: [AGENCY, COMMUNE]
            indicators:
              - {id: digitizedShare, title: Tỷ lệ số hóa, min: 0, max: 1}
              - {id: received, title: Đơn nhận, min: 0}
              - {id: onTime, title: Đơn đúng hạn, min: 0}
              - {id: initiatives, title: Sáng kiến, min: 0}
              - {id: violations, title: Vi phạm, min: 0}
              - {id: hasPlan, title: Có kế hoạch, min: 0, max: 1}
            grades:
              - {code: DAT, label: Đạt, minScore: 50}
              - {code: CHUA_DAT, label: Chưa đạt, minScore: 0}
            """;
    static final String HEADER = "Mã,Nhóm,Tiêu chí,Số liệu,Cách chấm,Chỉ tiêu,Mức,Điểm tối đa,Điểm mỗi đơn vị,Áp dụng cho,"
            + "Khi thiếu số liệu,Khi đạt,Khi không đạt\n";
    static final String ROWS = HEADER + """
            SATISFACTION,I. Hài lòng,Hài lòng đạt tối thiểu {target},satisfaction,ngưỡng,95%,,20,,,,"{part}/{whole} hài lòng, đạt {targetPercent}","{part}/{whole} hài lòng ({percent}), chưa đạt"
            ON_TIME,I. Hài lòng,Hồ sơ đúng hạn,dossiers,mức,,≥100%: 100%; ≥95%: 50%,20,,,,,"{rest} trễ{overdueNote}"
            DIGITIZED,II. Số hóa,Số hóa,indicators.digitizedShare,tỷ lệ,,,10,,xã,không tính,,
            COMPLAINTS,II. Số hóa,Đơn đúng hạn,indicators.onTime / indicators.received,ngưỡng,100%,,10,,,,,
            PORTAL,II. Số hóa,Có trang,portalPage,có/không,,,10,,,,Có trang,Chưa có trang
            PLAN,II. Số hóa,Có kế hoạch,indicators.hasPlan,có/không,,,10,,,,,
            BONUS,III. Thưởng,Sáng kiến,indicators.initiatives,cộng điểm,,,5,1,,,"cộng {points} (mỗi {each}, tối đa {cap})",
            PENALTY,III. Thưởng,Vi phạm,indicators.violations,trừ điểm,≥ 1,,10,2,,,,"{actual} vi phạm: {points} điểm"
            """;

    @TempDir
    Path root;

    private Path campaign(String sheetName, String sheet) throws IOException {
        Path folder = root.resolve("thu");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("campaign.yaml"), YAML.formatted("thu"));
        Files.writeString(folder.resolve(sheetName), sheet);
        return folder;
    }

    private RuleSet compiled() throws IOException {
        return RuleSet.load(campaign("criteria.csv", ROWS));
    }

    private static List<String> problems(Path folder) {
        try {
            RuleSet.load(folder);
        } catch (RuleSetException e) {
            return e.problems().stream().map(RuleProblem::toString).toList();
        }
        throw new AssertionError("expected problems");
    }

    private static Finding finding(RuleSet rules, UnitReport report, String id) {
        return rules.evaluate(List.of(report)).evaluations().get(0).finding(id).orElseThrow();
    }

    @Test
    void a_sheet_declares_the_criteria_and_becomes_drl_that_reviewers_can_read() throws IOException {
        RuleSet rules = compiled();

        assertThat(rules.campaign().criteria()).extracting(Campaign.Criterion::id)
                .containsExactly("SATISFACTION", "ON_TIME", "DIGITIZED", "COMPLAINTS", "PORTAL", "PLAN", "BONUS", "PENALTY");
        assertThat(rules.campaign().criterion("SATISFACTION").orElseThrow().title()).isEqualTo("Hài lòng đạt tối thiểu 95%");
        assertThat(rules.campaign().criterion("DIGITIZED").orElseThrow().appliesTo()).containsExactly(UnitKind.COMMUNE);
        assertThat(rules.campaign().criterion("DIGITIZED").orElseThrow().countsNoData()).isFalse();
        assertThat(rules.campaign().criterion("BONUS").orElseThrow().points()).as("a bonus is outside the maximum").isZero();
        assertThat(rules.generatedDrl()).containsOnlyKeys("criteria.csv.drl");
        assertThat(rules.generatedDrl().get("criteria.csv.drl")).contains("rule \"SATISFACTION\"", ".atLeast(0.95)",
                "global org.thidua.core.Judge judge;");
        assertThat(rules.ruleFiles()).containsKey("criteria.csv").doesNotContainKey("criteria.csv.drl");
        assertThat(finding(rules, commune("a").withPortalPage(true), "PORTAL").rule()).isEqualTo("criteria.csv: PORTAL");
    }

    @Test
    void a_threshold_is_met_at_the_target_and_not_just_below() throws IOException {
        RuleSet rules = compiled();
        Finding at = finding(rules, commune("a").withSatisfaction(new Satisfaction(200, 190)), "SATISFACTION");
        Finding below = finding(rules, commune("a").withSatisfaction(new Satisfaction(10_000, 9_499)), "SATISFACTION");

        assertThat(at.status()).isEqualTo(Status.MET);
        assertThat(at.points()).isEqualTo(20);
        assertThat(at.message()).isEqualTo("190/200 hài lòng, đạt 95%");
        assertThat(below.status()).isEqualTo(Status.NOT_MET);
        assertThat(below.message()).isEqualTo("9.499/10.000 hài lòng (94,99%), chưa đạt");
        assertThat(finding(rules, commune("a").withSatisfaction(new Satisfaction(0, 0)), "SATISFACTION").status())
                .as("no one surveyed is no data").isEqualTo(Status.NO_DATA);
    }

    @Test
    void bands_proportional_ratio_and_yes_no_score_as_their_rows_say() throws IOException {
        RuleSet rules = compiled();

        assertThat(finding(rules, commune("a").withDossiers(new Dossiers(0, 96, 4, 0)), "ON_TIME").points()).isEqualTo(10);
        assertThat(finding(rules, commune("a").withDossiers(new Dossiers(0, 94, 5, 1)), "ON_TIME").message())
                .isEqualTo("6 trễ (trong đó 1 hồ sơ đang giải quyết đã quá hạn)");
        assertThat(finding(rules, commune("a").withDossiers(new Dossiers(0, 100, 0, 0)), "ON_TIME").points()).isEqualTo(20);
        assertThat(finding(rules, withIndicator(commune("a"), "digitizedShare", "0.8"), "DIGITIZED").points()).isEqualTo(8);
        assertThat(finding(rules, commune("a").withIndicators(Map.of("onTime", BigDecimal.valueOf(4), "received", BigDecimal.valueOf(5))),
                "COMPLAINTS").status()).isEqualTo(Status.NOT_MET);
        assertThat(finding(rules, commune("a").withIndicators(Map.of("onTime", BigDecimal.ZERO, "received", BigDecimal.ZERO)),
                "COMPLAINTS").status()).as("nothing received: vacuously met").isEqualTo(Status.MET);
        assertThat(finding(rules, commune("a").withPortalPage(false), "PORTAL").message()).isEqualTo("Chưa có trang");
        assertThat(finding(rules, withIndicator(commune("a"), "hasPlan", "1"), "PLAN").points()).isEqualTo(10);
        assertThat(finding(rules, withIndicator(commune("a"), "hasPlan", "0"), "PLAN").status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void a_bonus_adds_up_to_its_cap_and_a_penalty_deducts_only_when_its_condition_holds() throws IOException {
        RuleSet rules = compiled();

        Finding three = finding(rules, withIndicator(commune("a"), "initiatives", "3"), "BONUS");
        assertThat(three.points()).isEqualTo(3);
        assertThat(three.message()).isEqualTo("cộng 3 (mỗi 1, tối đa 5)");
        assertThat(finding(rules, withIndicator(commune("a"), "initiatives", "9"), "BONUS").points()).isEqualTo(5);
        assertThat(finding(rules, withIndicator(commune("a"), "initiatives", "0"), "BONUS").status()).isEqualTo(Status.NOT_MET);

        Finding none = finding(rules, withIndicator(commune("a"), "violations", "0"), "PENALTY");
        assertThat(none.points()).isZero();
        assertThat(none.status()).isEqualTo(Status.MET);
        Finding two = finding(rules, withIndicator(commune("a"), "violations", "2"), "PENALTY");
        assertThat(two.points()).isEqualTo(-4);
        assertThat(two.status()).isEqualTo(Status.NOT_MET);
        assertThat(two.message()).isEqualTo("2 vi phạm: -4 điểm");
        assertThat(finding(rules, withIndicator(commune("a"), "violations", "7"), "PENALTY").points()).isEqualTo(-10);
    }

    @Test
    void headers_may_be_english_keys_or_both_languages_in_any_order() throws IOException {
        Path folder = campaign("criteria.csv", """
                points,Cách chấm (method),measure,title,id,target
                20,ngưỡng,satisfaction,Hài lòng,SATISFACTION,0.95
                """);

        RuleSet rules = RuleSet.load(folder);

        assertThat(rules.campaign().criterion("SATISFACTION").orElseThrow().points()).isEqualTo(20);
        assertThat(rules.generatedDrl().get("criteria.csv.drl")).contains(".atLeast(0.95)");
    }

    @Test
    void every_problem_is_reported_at_its_cell_in_vietnamese_first() throws IOException {
        Path folder = campaign("criteria.csv", HEADER + """
                SATISFACTION,,Hài lòng,satisfaction,ngưỡng,95,,20,,,,,
                lower_case,,Sai mã,dossiers,ngưỡng,100%,,20,,,,,
                DIGITIZED,,Số hóa,indicators.digitisedShare,tỷ lệ,,,10,,,,,
                PORTAL,,Có trang,portalPage,có hay không,,,10,,,,,
                KINDS,,Loại,portalPage,có/không,,,10,,huyện,,{parts},
                NO_TARGET,,Thiếu chỉ tiêu,dossiers,ngưỡng,,,abc,,,,,
                """);

        assertThat(problems(folder)).containsExactly(
                "thu/criteria.csv:2:6: Tỷ lệ 9500% lớn hơn 100%: có phải ý là 95%? Viết 95% hoặc 0,95 (a share above 100%: did you mean 95%?)",
                "thu/criteria.csv:3:1: Mã 'lower_case' chỉ gồm chữ IN HOA không dấu, chữ số và dấu _, ví dụ SATISFACTION"
                        + " (the id takes capital letters, digits and _)",
                "thu/criteria.csv:4:4: Chỉ số 'digitisedShare' chưa khai báo trong phần indicators của campaign.yaml; các chỉ số đã khai báo:"
                        + " digitizedShare, received, onTime, initiatives, violations, hasPlan. Có phải ý là 'digitizedShare'? (undeclared indicator)",
                "thu/criteria.csv:5:5: Không biết cách chấm 'có hay không'; chọn một trong: ngưỡng, tỷ lệ, mức, có/không, cộng điểm, trừ điểm"
                        + " (unknown method; one of threshold, proportional, bands, yes/no, bonus, penalty)",
                "thu/criteria.csv:6:10: Không biết loại đơn vị 'huyện'; viết: cơ quan, xã, phường, thị trấn, đặc khu (hoặc [AGENCY, COMMUNE, WARD, TOWN, SPECIAL_ZONE])"
                        + " (unknown unit kind)",
                "thu/criteria.csv:6:12: Không biết chỗ điền {parts}. Có phải ý là {part}? Các chỗ điền: {part} {whole} {rest} {percent} {actual}"
                        + " {target} {targetPercent} {points} {maxPoints} {each} {cap} {overdueNote} (unknown placeholder)",
                "thu/criteria.csv:7:8: Điểm tối đa phải là một số điểm, ví dụ 20 hoặc 7,5, không phải 'abc' (points must be a number)",
                "thu/criteria.csv:7:6: Cách chấm 'ngưỡng' cần Chỉ tiêu, ví dụ 95% (a threshold needs a target)");
    }

    @Test
    void a_message_cannot_break_out_of_its_string_into_the_rule() throws IOException {
        Path folder = campaign("criteria.csv", HEADER + """
                PORTAL,,Có trang,portalPage,có/không,,,10,,,,"x""); System.exit(0); judge.holds($r, true).whenMet(""y",
                """);

        RuleSet rules = RuleSet.load(folder);

        assertThat(finding(rules, commune("a").withPortalPage(true), "PORTAL").message())
                .isEqualTo("x\"); System.exit(0); judge.holds($r, true).whenMet(\"y");
    }

    @Test
    void a_sheet_and_campaign_yaml_may_not_both_declare_a_criterion() throws IOException {
        Path folder = campaign("criteria.csv", ROWS);
        Files.writeString(folder.resolve("campaign.yaml"), YAML.formatted("thu") + """
                criteria:
                  - {id: PORTAL, title: Có trang, points: 10}
                """);

        assertThat(problems(folder)).anyMatch(p -> p.startsWith("thu/criteria.csv:6:5: Tiêu chí 'PORTAL' đã khai báo trong campaign.yaml"));
    }

    @Test
    void the_column_luat_keeps_the_name_results_gave_a_rule_before_it_moved_into_the_sheet() throws IOException {
        Path folder = campaign("criteria.csv", """
                Mã,Tiêu chí,Số liệu,Cách chấm,Điểm tối đa,Luật
                PORTAL,Có trang,portalPage,có/không,10,criteria/portal.drl: PORTAL
                PLAN,Có kế hoạch,indicators.hasPlan,có/không,10,
                """);
        RuleSet rules = RuleSet.load(folder);

        assertThat(finding(rules, commune("a").withPortalPage(true), "PORTAL").rule()).isEqualTo("criteria/portal.drl: PORTAL");
        assertThat(finding(rules, withIndicator(commune("a"), "hasPlan", "1"), "PLAN").rule()).isEqualTo("criteria.csv: PLAN");

        Files.writeString(folder.resolve("criteria.csv"), """
                Mã,Tiêu chí,Số liệu,Cách chấm,Điểm tối đa,Luật
                PORTAL,Có trang,portalPage,có/không,10,"criteria/portal.drl: PLAN"
                """);
        assertThat(problems(folder)).containsExactly("thu/criteria.csv:2:6: Luật viết 'tệp: PORTAL', ví dụ 'criteria/on-time.drl:"
                + " PORTAL' (tên kết quả đã dùng trước khi tiêu chí chuyển vào bảng), không phải 'criteria/portal.drl: PLAN'"
                + " (write the rule as 'file: PORTAL')");
    }
}
