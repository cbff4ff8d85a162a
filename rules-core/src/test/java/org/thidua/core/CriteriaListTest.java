package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thidua.core.Fixtures.commune;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The criteria sheet's rows written as campaign.yaml's {@code criteria:} list: the same rows, the same DRL; each
 * problem at its line, naming its key in Vietnamese first; a list of rows beside a sheet is refused.
 */
class CriteriaListTest {
    /** {@link CriteriaSheetTest#ROWS}, as a list: Vietnamese keys, English keys, block and flow style. */
    static final String LIST = """
            criteria:
              - Mã: SATISFACTION
                Nhóm: I. Hài lòng
                Tiêu chí: Hài lòng đạt tối thiểu {target}
                Số liệu: satisfaction
                Cách chấm: ngưỡng
                Chỉ tiêu: 95%
                Điểm tối đa: 20
                Khi đạt: "{part}/{whole} hài lòng, đạt {targetPercent}"
                Khi không đạt: "{part}/{whole} hài lòng ({percent}), chưa đạt"
              - id: ON_TIME
                group: I. Hài lòng
                title: Hồ sơ đúng hạn
                measure: dossiers
                method: mức
                bands: "≥100%: 100%; ≥95%: 50%"
                points: 20
                whenNotMet: "{rest} trễ{overdueNote}"
              - id: DIGITIZED
                group: II. Số hóa
                title: Số hóa
                measure: indicators.digitizedShare
                method: tỷ lệ
                points: 10
                appliesTo: xã
                whenNoData: không tính
              - {id: COMPLAINTS, group: II. Số hóa, title: Đơn đúng hạn, measure: indicators.onTime / indicators.received, method: ngưỡng, target: 100%, points: 10}
              - {id: PORTAL, group: II. Số hóa, title: Có trang, measure: portalPage, method: có/không, points: 10, whenMet: Có trang, whenNotMet: Chưa có trang}
              - {id: PLAN, group: II. Số hóa, title: Có kế hoạch, measure: indicators.hasPlan, method: có/không, points: 10}
              - id: BONUS
                group: III. Thưởng
                title: Sáng kiến
                measure: indicators.initiatives
                method: cộng điểm
                points: 5
                pointsEach: 1
                whenMet: "cộng {points} (mỗi {each}, tối đa {cap})"
              - {id: PENALTY, group: III. Thưởng, title: Vi phạm, measure: indicators.violations, method: trừ điểm, target: ≥ 1, points: 10, pointsEach: 2, whenNotMet: "{actual} vi phạm: {points} điểm"}
            """;

    @TempDir
    Path root;

    private Path campaign(String id, String yaml) throws IOException {
        Path folder = root.resolve(id);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("campaign.yaml"), CriteriaSheetTest.YAML.formatted(id) + yaml);
        return folder;
    }

    private static List<String> problems(Path folder) {
        try {
            RuleSet.load(folder);
        } catch (RuleSetException e) {
            return e.problems().stream().map(RuleProblem::toString).toList();
        }
        throw new AssertionError("expected problems");
    }

    /** The generated DRL without its first line (which names its source) and with the source's name made the same. */
    private static String drl(RuleSet rules, String path, String source) {
        String text = rules.generatedDrl().get(path);
        return text.substring(text.indexOf('\n') + 1).replace("// " + source + ": ", "// SOURCE: ");
    }

    @Test
    void a_list_in_campaign_yaml_and_the_same_rows_as_a_csv_sheet_give_the_same_drl() throws IOException {
        RuleSet listed = RuleSet.load(campaign("danh-sach", LIST));
        Path sheetFolder = campaign("bang", "");
        Files.writeString(sheetFolder.resolve("criteria.csv"), CriteriaSheetTest.ROWS);
        RuleSet sheet = RuleSet.load(sheetFolder);

        assertThat(listed.generatedDrl()).containsOnlyKeys("campaign.yaml.drl");
        assertThat(drl(listed, "campaign.yaml.drl", "campaign.yaml").replace("danh_sach", "bang"))
                .isEqualTo(drl(sheet, "criteria.csv.drl", "criteria.csv"));
        assertThat(listed.campaign().criteria()).isEqualTo(sheet.campaign().criteria());
        Finding satisfaction = listed.evaluate(List.of(commune("xa-a").withSatisfaction(new Satisfaction(100, 95)))).evaluations().get(0).finding("SATISFACTION")
                .orElseThrow();
        assertThat(satisfaction.status()).isEqualTo(Status.MET);
        assertThat(satisfaction.message()).isEqualTo("95/100 hài lòng, đạt 95%");
        assertThat(satisfaction.rule()).isEqualTo("campaign.yaml: SATISFACTION");
    }

    @Test
    void items_without_a_measure_still_declare_criteria_that_hand_written_drl_judges() throws IOException {
        Path folder = campaign("tron", """
                criteria:
                  - {id: PORTAL, title: Có trang, points: 10}
                  - {Mã: SATISFACTION, Tiêu chí: Hài lòng, Số liệu: satisfaction, Cách chấm: ngưỡng, Chỉ tiêu: 95%, Điểm tối đa: 20}
                """);
        Files.createDirectories(folder.resolve("criteria"));
        Files.writeString(folder.resolve("criteria/portal.drl"), """
                package thidua.tron;
                import org.thidua.core.UnitReport;
                global org.thidua.core.Judge judge;
                rule "PORTAL"
                when
                    $r : UnitReport( portalPage != null )
                then
                    judge.holds($r, $r.portalPage());
                end
                """);

        RuleSet rules = RuleSet.load(folder);

        assertThat(rules.campaign().criteria()).extracting(Campaign.Criterion::id).containsExactly("PORTAL", "SATISFACTION");
        Evaluation unit = rules.evaluate(List.of(commune("xa-a").withSatisfaction(new Satisfaction(100, 96)).withPortalPage(true))).evaluations().get(0);
        assertThat(unit.finding("SATISFACTION").orElseThrow().rule()).isEqualTo("campaign.yaml: SATISFACTION");
        assertThat(unit.finding("PORTAL").orElseThrow().rule()).isEqualTo("criteria/portal.drl: PORTAL");
    }

    @Test
    void every_problem_of_the_list_is_at_its_line_with_its_key_vietnamese_first() throws IOException {
        Path folder = campaign("loi", """
                criteria:
                  - Mã: SATISFACTION
                    Tiêu chí: Hài lòng
                    Số liệu: satisfaction
                    Cách chấm: ngưỡng
                    Chỉ tiêu: 95
                    Điểm tối đa: 20
                  - id: ON_TIME
                    title: Hồ sơ đúng hạn
                    measure: dossier
                    method: ngưong
                    points: 20
                    Khi dat: Đạt
                    whenMet: {part}
                """);
        int first = CriteriaSheetTest.YAML.formatted("loi").split("\n", -1).length; // the line of "criteria:"

        assertThat(problems(folder)).containsExactly(
                "loi/campaign.yaml:" + (first + 12) + ":5: Không biết khóa 'Khi dat' của một tiêu chí. Có phải ý là 'khi đạt'?"
                        + " Các khóa: Mã (id), Nhóm (group), Tiêu chí (title), Số liệu (measure), Cách chấm (method), Chỉ tiêu (target),"
                        + " Mức (bands), Điểm tối đa (points), Điểm mỗi đơn vị (pointsEach), Áp dụng cho (appliesTo),"
                        + " Khi thiếu số liệu (whenNoData), Lời khi thiếu số liệu (noDataMessage), Khi không phát sinh (whenEmpty),"
                        + " Khi đạt (whenMet), Khi không đạt (whenNotMet), Luật (rule) (unknown key 'Khi dat')",
                "loi/campaign.yaml:" + (first + 13) + ":14: Khi đạt (whenMet): Giá trị phải là một chữ hay một số; lời có dấu { ở đầu"
                        + " hay dấu : thì đặt trong dấu ngoặc kép, ví dụ \"{part}/{whole} hồ sơ đúng hạn\" (the value must be text or a"
                        + " number; quote text that starts with {)",
                "loi/campaign.yaml:" + (first + 5) + ":15: Chỉ tiêu (target): Tỷ lệ 9500% lớn hơn 100%: có phải ý là 95%? Viết 95%"
                        + " hoặc 0,95 (a share above 100%: did you mean 95%?)",
                "loi/campaign.yaml:" + (first + 10) + ":13: Cách chấm (method): Không biết cách chấm 'ngưong'; chọn một trong: ngưỡng,"
                        + " tỷ lệ, mức, có/không, cộng điểm, trừ điểm (unknown method; one of threshold, proportional, bands, yes/no,"
                        + " bonus, penalty)",
                "loi/campaign.yaml:" + (first + 9) + ":14: Số liệu (measure): Không biết số liệu 'dossier'; viết một trong:"
                        + " communeOfficials, dossiers, frontlineStaff, portalPage, satisfaction, indicators.TÊN (một chỉ số khai báo"
                        + " trong campaign.yaml), indicators.A / indicators.B (unknown measure)");
    }

    @Test
    void rows_in_the_list_beside_a_sheet_are_refused_keep_one() throws IOException {
        Path folder = campaign("ca-hai", LIST);
        Files.writeString(folder.resolve("criteria.csv"), CriteriaSheetTest.ROWS);
        int first = CriteriaSheetTest.YAML.formatted("ca-hai").split("\n", -1).length;

        assertThat(problems(folder)).containsExactly("ca-hai/campaign.yaml:" + (first + 1) + ":5: Tiêu chí viết ở cả hai nơi: bảng"
                + " criteria.csv và danh sách criteria: của campaign.yaml (mục có Số liệu, Cách chấm…); giữ một nơi: xóa bảng hoặc"
                + " chuyển các dòng của nó vào danh sách (the criteria are given both as a sheet and as rows in campaign.yaml: keep one)");
    }

    @Test
    void a_criterion_both_in_the_list_and_declared_for_drl_is_refused_at_its_row() throws IOException {
        Path folder = campaign("trung", """
                criteria:
                  - {id: PORTAL, title: Có trang, points: 10}
                  - {id: PORTAL, title: Có trang, measure: portalPage, method: có/không, points: 10}
                """);

        assertThat(problems(folder)).anyMatch(p -> p.startsWith("trung/campaign.yaml:")
                && p.contains("Tiêu chí 'PORTAL' đã khai báo trong campaign.yaml"));
    }
}
