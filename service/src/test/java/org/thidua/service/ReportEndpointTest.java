package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.http.RequestBody;
import org.thidua.service.sheets.SheetRow;
import org.thidua.service.sheets.SheetRows;
import org.thidua.service.sheets.Sheets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /reports/{campaign}} (HTML), {@code .csv} and {@code .xlsx} on a real server seeded with the example
 * district, and {@code thidua report --db} on the same file: all show the ranking {@code GET …/ranking} answers.
 */
class ReportEndpointTest {
    private static final Path EXAMPLE = Path.of("../examples/data/thach-that-2021.json");
    private static final String REPORT = "/reports/" + Requests.CAMPAIGN;

    @TempDir
    static Path dir;
    private static RunningService running;
    private static Api api;
    private static List<String> ranking;

    @BeforeAll
    static void seed() throws Exception {
        running = RunningService.start(dir.resolve("thidua.db"));
        api = running.api;
        assertThat(api.post("/api/v1/evaluations", Files.readString(EXAMPLE)).status()).isEqualTo(200);
        // A later evaluation of one unit replaces its earlier one in the report, as in the ranking.
        assertThat(api.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-binh-yen", "UBND xã Bình Yên", 5)))
                .status()).isEqualTo(200);
        ranking = new ArrayList<>();
        api.get("/api/v1/campaigns/" + Requests.CAMPAIGN + "/ranking").json().get("units")
                .forEach(u -> ranking.add(u.get("unitId").asText()));
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void the_html_report_ranks_the_latest_evaluation_of_each_unit_as_the_ranking_endpoint_does() {
        Api.Answer page = api.get(REPORT);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html").containsIgnoringCase("charset=utf-8");
        String html = page.body();
        assertThat(all(html, "<tr data-unit=\"([^\"]+)\" data-rank=")).hasSize(33).containsExactlyElementsOf(ranking);
        assertThat(html).contains("<tr data-unit=\"xa-binh-yen\" data-rank=\"1\">");
        assertThat(html).contains("<svg id=\"score-chart\"", "UBND xã Bình Yên", "Văn phòng HĐND và UBND huyện")
                .doesNotContain("<script", "<link", "url(http")
                .doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Test
    void the_csv_and_xlsx_exports_hold_the_same_ranking() throws Exception {
        Api.Answer csv = api.get(REPORT + ".csv");
        Api.Answer xlsx = api.get(REPORT + ".xlsx");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.bytes()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(csv.header("Content-Disposition")).contains("xep-hang-" + Requests.CAMPAIGN + ".csv");
        assertThat(unitColumn(csv.bytes())).containsExactlyElementsOf(ranking);
        assertThat(csv.body()).contains("UBND xã Bình Yên,Xã");

        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo(RequestBody.XLSX_TYPE);
        assertThat(unitColumn(xlsx.bytes())).containsExactlyElementsOf(ranking);
    }

    @Test
    void an_unknown_campaign_is_404_and_so_is_one_with_nothing_stored() {
        assertThat(api.get("/reports/khong-co").status()).isEqualTo(404);
        assertThat(api.get("/reports/khong-co.csv").json().get("type").asText()).isEqualTo("urn:thidua:problem:not-found");
        try (RunningService empty = RunningService.start(dir.resolve("empty.db"))) {
            Api.Answer answer = empty.api.get(REPORT);
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json().get("detail").asText()).contains("chưa có kết quả");
        }
    }

    @Test
    void thidua_report_with_db_writes_what_the_service_serves() throws Exception {
        Path html = dir.resolve("report.html");
        Path csv = dir.resolve("xep-hang.csv");
        List<String> db = StoreBackend.arguments(running.db); // --db FILE, or a PostgreSQL address and its password file

        CommandLineRun run = CommandLineRun.of(arguments(List.of("report", "--campaign", Requests.CAMPAIGN, "--out", html.toString()), db));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("33 đơn vị");
        assertThat(CommandLineRun.of(arguments(List.of("report", "--out", csv.toString()), db)).exitCode()).isZero();

        assertThat(Files.readString(html, StandardCharsets.UTF_8)).isEqualTo(api.get(REPORT).body());
        assertThat(Files.readAllBytes(csv)).isEqualTo(api.get(REPORT + ".csv").bytes());
    }

    private static String[] arguments(List<String> command, List<String> db) {
        List<String> all = new java.util.ArrayList<>(command);
        all.addAll(db);
        return all.toArray(String[]::new);
    }

    @Test
    void thidua_report_needs_input_or_db_and_says_so() {
        CommandLineRun neither = CommandLineRun.of("report", "--out", dir.resolve("x.html").toString());
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--input", "--db");

        CommandLineRun missing = CommandLineRun.of("report", "--db", dir.resolve("khong-co.db").toString(), "--out",
                dir.resolve("y.html").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Không có tệp");
        assertThat(dir.resolve("khong-co.db")).doesNotExist();
    }

    /** The unit ids (second column) of a ranking sheet, CSV or XLSX (its "Xếp hạng" sheet), in row order. */
    static List<String> unitColumn(byte[] sheet) throws Exception {
        List<String> ids = new ArrayList<>();
        if (sheet.length > 1 && sheet[0] == 'P' && sheet[1] == 'K') { // the area's scorecard is the workbook's first sheet
            try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                    new ByteArrayInputStream(sheet))) {
                List<org.dhatim.fastexcel.reader.Row> rows = workbook.findSheet("Xếp hạng").orElseThrow().read();
                assertThat(rows.get(0).getCellText(1)).isEqualTo("Mã đơn vị");
                rows.subList(1, rows.size()).forEach(row -> ids.add(row.getCellText(1)));
                return ids;
            }
        }
        try (SheetRows rows = Sheets.open(new ByteArrayInputStream(sheet), sheet.length)) {
            assertThat(rows.header().get(1)).isEqualTo("Mã đơn vị");
            for (SheetRow row = rows.next(); row != null; row = rows.next()) {
                ids.add(row.cell(1).text());
            }
        }
        return ids;
    }

    static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
