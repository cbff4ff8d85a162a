package org.thidua.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.thidua.core.Dossiers;
import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationResult;
import org.thidua.core.Finding;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.core.Satisfaction;
import org.thidua.core.Status;
import org.thidua.core.Unit;
import org.thidua.core.UnitKind;
import org.thidua.core.UnitReport;

/** The report page: self-contained, Vietnamese formats, names escaped, every unit's findings, print layout for A4. */
class RankingReportPageTest {
    private static final RuleSet RULES = RuleLibrary.bundled().ruleSet("thach-that-cchc-2021");
    private static final EvaluationResult RESULT = RULES.evaluate(List.of(
            UnitReport.of(new Unit("xa-binh-yen", "UBND xã Bình Yên", UnitKind.COMMUNE))
                    .withSatisfaction(new Satisfaction(200, 191)).withDossiers(new Dossiers(300, 1215, 5, 0)).withPortalPage(true),
            UnitReport.of(new Unit("phong-<x>", "Phòng \"Thử\" <b>& Co</b>", UnitKind.AGENCY))
                    .withSatisfaction(new Satisfaction(100, 99))));
    private static final String PAGE = new RankingReportPage(RULES.campaign(), LocalDate.of(2021, 11, 30)).render(RESULT);

    @Test
    void the_page_needs_nothing_from_outside_itself() {
        assertThat(PAGE).doesNotContain("<script", "<link", "src=\"http", "href=\"http", "@import", "url(");
        assertThat(PAGE.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://", "https://");
        assertThat(PAGE).contains("<meta charset=\"utf-8\">", "<svg id=\"score-chart\"");
    }

    @Test
    void numbers_and_dates_are_written_the_vietnamese_way() {
        assertThat(PAGE).contains("Kỳ đánh giá: 01/01/2021 – 30/11/2021", "Ngày lập: 30/11/2021")
                .contains("5 trong 1.520 hồ sơ trễ hạn")        // the rule's message, kept as written
                .contains("<td class=\"num\">99,67%</td>")        // the on-time share
                .contains("<td class=\"num\">95%</td>")           // the satisfaction target
                .contains(">40,00<");                             // a score
    }

    @Test
    void a_share_is_shown_rounded_once_from_its_counts() {
        // Given 1.507 of 1.520 dossiers on time: 0,99144736…, which the JSON's 5-decimal actual holds as 0,99145
        EvaluationResult result = RULES.evaluate(List.of(UnitReport.of(new Unit("xa-binh-yen", "UBND xã Bình Yên", UnitKind.COMMUNE))
                .withDossiers(new Dossiers(300, 1207, 13, 0))));

        // When the report is made, then the figure is 99,14%, not 99,15%
        String page = new RankingReportPage(RULES.campaign(), LocalDate.of(2021, 11, 30)).render(result);
        assertThat(page).contains("<td class=\"num\">99,14%</td>").doesNotContain("99,15%");
    }

    @Test
    void points_read_as_the_message_writes_them() {
        // Given points the library keeps exactly (9.3 of 15), as a stored result gives them back
        Finding finding = new Finding("ON_TIME_DOSSIERS", Status.NOT_MET, 0.99145, 1.0, 9.3, 15, "Hồ sơ đúng hạn",
                "Được 9,3/15 điểm", "criteria/on-time.drl: ON_TIME_DOSSIERS", 1507L, 1520L);
        EvaluationResult result = new EvaluationResult("thach-that-cchc-2021", "sha256:x",
                List.of(new Evaluation("xa-binh-yen", "UBND xã Bình Yên", UnitKind.COMMUNE, 62, "HOAN_THANH", 1, List.of(finding))));

        // When the report is made, then the points column says 9,3/15 as the message does, and the share 99,14%
        String page = new RankingReportPage(RULES.campaign(), LocalDate.of(2021, 11, 30)).render(result);
        assertThat(page).contains("<td class=\"num\">9,3/15</td>", "<td class=\"num\">99,14%</td>").doesNotContain("9,30/15");
    }

    @Test
    void unit_names_are_escaped_not_interpreted() {
        assertThat(PAGE).contains("Phòng &quot;Thử&quot; &lt;b&gt;&amp; Co&lt;/b&gt;", "data-unit=\"phong-&lt;x&gt;\"")
                .doesNotContain("<b>& Co</b>");
    }

    @Test
    void every_unit_has_its_findings_with_status_figure_and_message() {
        assertThat(PAGE).contains("<article class=\"unit\" id=\"unit-xa-binh-yen\">")
                .contains("<td class=\"status NOT_MET\">Không đạt</td>", "<td class=\"status NOT_APPLICABLE\">Không áp dụng</td>",
                        "<td class=\"status NO_DATA\">Chưa có số liệu</td>")
                .contains("<td class=\"num\">20/20</td>", "<td class=\"num\">0/20</td>");
    }

    @Test
    void the_page_is_laid_out_for_a4_paper() {
        assertThat(PAGE).contains("@page { size: A4;", "@media print", "print-color-adjust: exact", "break-inside: avoid");
    }
}
