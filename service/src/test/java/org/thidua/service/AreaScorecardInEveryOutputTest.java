package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.VietnameseNumbers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The 2021 plan sets its targets for the district ("mức độ hài lòng … của Huyện đạt tối thiểu 95%"): the JSON result,
 * the table and the report (page and XLSX, from a request file or from the history) open with the area's scorecard,
 * its figures the sums of the units' counts, the same whether worked out at evaluation or read back from the database.
 */
class AreaScorecardInEveryOutputTest {
    private static final String EXAMPLE = "../examples/data/thach-that-2021.json";
    private static final String SATISFACTION_TITLE = "Mức độ hài lòng của người dân, tổ chức và doanh nghiệp về giải quyết TTHC của Huyện"
            + " đạt tối thiểu 95%";

    @TempDir
    Path dir;

    /** Σ of a count over the example's reports that carry it, worked out here from the file, not by the rules. */
    private static long sum(String measure, String count) {
        long sum = 0;
        for (JsonNode report : Json.read(District.json()).get("reports")) {
            if (report.has(measure)) {
                sum += report.get(measure).get(count).asLong();
            }
        }
        return sum;
    }

    /** Units of the example that answered portalPage with {@code answer}. */
    private static int portalPages(boolean answer) {
        int units = 0;
        for (JsonNode report : Json.read(District.json()).get("reports")) {
            if (report.has("portalPage") && report.get("portalPage").asBoolean() == answer) {
                units++;
            }
        }
        return units;
    }

    /** The satisfaction figure as the scorecard must write it: from Σsatisfied and Σsurveyed. */
    private static String satisfactionFigure() {
        long satisfied = sum("satisfaction", "satisfied");
        long surveyed = sum("satisfaction", "surveyed");
        return VietnameseNumbers.percent(satisfied, surveyed) + " (" + VietnameseNumbers.count(satisfied) + "/"
                + VietnameseNumbers.count(surveyed) + ")";
    }

    @Test
    void the_json_result_opens_with_the_area_scorecard_summed_from_the_units_counts() {
        CommandLineRun run = CommandLineRun.of("eval", "--input", EXAMPLE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = Json.read(run.out());
        List<String> fields = new ArrayList<>();
        result.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("campaign", "ruleSetVersion", "area", "evaluations");
        JsonNode area = result.get("area");
        assertThat(area).hasSize(5);
        JsonNode satisfaction = area.get(0);
        assertThat(satisfaction.get("criterion").asText()).isEqualTo("SATISFACTION");
        assertThat(satisfaction.get("basis").asText()).isEqualTo("COUNTS");
        assertThat(satisfaction.get("part").asLong()).isEqualTo(sum("satisfaction", "satisfied"));
        assertThat(satisfaction.get("whole").asLong()).isEqualTo(sum("satisfaction", "surveyed"));
        assertThat(satisfaction.get("unitsWithoutData").asInt()).as("two units reported no survey").isEqualTo(2);
        JsonNode portal = area.get(4);
        assertThat(portal.get("criterion").asText()).isEqualTo("PORTAL_PAGE");
        assertThat(portal.get("basis").asText()).isEqualTo("UNITS");
        assertThat(portal.get("part").asInt()).as("communes and the town with a page").isEqualTo(portalPages(true));
        assertThat(portal.get("whole").asInt()).as("communes and the town that said yes or no").isEqualTo(21)
                .isEqualTo(portalPages(true) + portalPages(false));
        assertThat(portal.get("status").asText()).isEqualTo("NOT_MET");
        assertThat(portal.get("message").asText()).isEqualTo("17/21 đơn vị đạt = 80,95%, chưa đạt chỉ tiêu 100%;"
                + " 1 đơn vị chưa có số liệu, không tính");
    }

    @Test
    void the_table_shows_the_scorecard_before_the_ranking_in_vietnamese() {
        CommandLineRun run = CommandLineRun.of("eval", "--input", EXAMPLE, "--format", "table");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).contains("Chỉ tiêu chung của cả địa bàn: đạt ", SATISFACTION_TITLE, satisfactionFigure(),
                "17/21 đơn vị (80,95%)", "1 đơn vị chưa có số liệu, không tính", "≥ 95%", "Không đạt");
        assertThat(out.indexOf("Chỉ tiêu chung của cả địa bàn")).isLessThan(out.indexOf("Hạng"));
    }

    @Test
    void the_report_from_the_database_shows_the_scorecard_the_evaluation_gave() throws Exception {
        Path db = dir.resolve("thidua.db");
        JsonNode evaluated;
        String section;
        try (RunningService running = RunningService.start(db)) {
            Api.Answer posted = running.api.post("/api/v1/evaluations", District.json());
            assertThat(posted.status()).as(posted.body()).isEqualTo(200);
            evaluated = posted.json().get("area");
            assertThat(evaluated).hasSize(5);

            String page = running.api.get("/reports/" + Requests.CAMPAIGN).body();
            assertThat(page.indexOf("<section id=\"area\">")).isPositive().isLessThan(page.indexOf("<section id=\"ranking\">"));
            section = page.substring(page.indexOf("<section id=\"area\">"), page.indexOf("</section>", page.indexOf("<section id=\"area\">")));
            assertThat(section).contains(SATISFACTION_TITLE, satisfactionFigure(), "≥ 95%");
            for (JsonNode target : evaluated) { // every figure of the evaluation, read back from the stored findings
                String figure = target.get("basis").asText().equals("COUNTS")
                        ? VietnameseNumbers.percent(target.get("part").asLong(), target.get("whole").asLong()) + " ("
                                + VietnameseNumbers.count(target.get("part").asLong()) + "/" + VietnameseNumbers.count(target.get("whole").asLong()) + ")"
                        : target.get("part").asLong() + "/" + target.get("whole").asLong() + " đơn vị";
                assertThat(section).contains("data-criterion=\"" + target.get("criterion").asText() + "\" data-status=\""
                        + target.get("status").asText() + "\"").contains(figure);
            }

            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                    running.api.download("/reports/" + Requests.CAMPAIGN + ".xlsx", null).bytes()))) {
                assertThat(workbook.getFirstSheet().getName()).isEqualTo("Chỉ tiêu chung");
                List<Row> rows = workbook.getFirstSheet().read();
                assertThat(rows.get(0).getCellText(0)).isEqualTo("Chỉ tiêu");
                assertThat(rows.get(1).getCellText(0)).isEqualTo(SATISFACTION_TITLE);
                assertThat(rows.get(1).getCellText(2)).isEqualTo(satisfactionFigure());
                assertThat(workbook.getSheets().map(s -> s.getName()).toList()).containsExactly("Chỉ tiêu chung", "Xếp hạng");
            }
        }
        try (RunningService again = RunningService.start(db)) { // the history alone, after a restart
            String page = again.api.get("/reports/" + Requests.CAMPAIGN).body();
            assertThat(page).contains(section);
        }
        Path html = dir.resolve("bao-cao.html");
        CommandLineRun report = CommandLineRun.of("report", "--db", db.toString(), "--out", html.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains(section);
    }
}
