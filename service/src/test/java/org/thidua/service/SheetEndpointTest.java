package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thidua.service.http.AccessTokens;
import org.thidua.service.http.EvaluationService;
import org.thidua.service.http.RequestBody;
import org.thidua.service.sheets.SheetFormat;
import org.thidua.service.sheets.SheetRows;
import org.thidua.service.sheets.Sheets;
import org.thidua.service.sheets.TestXlsx;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/evaluations} with a unit sheet (CSV with and without BOM, XLSX) on a real server and SQLite
 * file: evaluated and stored like JSON, Vietnamese intact; a bad sheet refused whole by row and column, nothing stored;
 * an empty or broken XLSX said to be no readable XLSX (never "an empty CSV"); LibreOffice's ODS read for unit sheets and
 * record files; and the templates served, blank, the very bytes {@code thidua template} writes.
 */
class SheetEndpointTest {
    static final String XLSX = RequestBody.XLSX_TYPE;
    private static final Path SHEETS = Path.of("src/test/resources/sheets");

    @TempDir
    static Path dir;
    private static RunningService running;
    private static Api api;

    @BeforeAll
    static void start() {
        running = RunningService.start(dir.resolve("thidua.db"));
        api = running.api;
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void a_csv_with_bom_is_evaluated_and_stored_with_its_vietnamese_names() throws Exception {
        byte[] csv = Files.readAllBytes(SHEETS.resolve("two-units-bom.csv"));
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);

        Api.Answer answer = api.post("/api/v1/evaluations", csv, "text/csv; charset=utf-8");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("campaign").asText()).isEqualTo(Requests.CAMPAIGN);
        JsonNode first = answer.json().get("evaluations").get(0);
        assertThat(first.get("unitName").asText()).isEqualTo("UBND xã Bình Yên");
        JsonNode stored = api.get("/api/v1/evaluations/" + first.get("id").asText()).json();
        assertThat(stored.get("report").get("unit").get("name").asText()).isEqualTo("UBND xã Bình Yên");
        assertThat(stored.get("report").get("dossiers").get("onTime").asInt()).isEqualTo(1215);
        assertThat(stored.get("report").get("indicators").get("digitizedShare").asDouble()).isEqualTo(0.85);
        assertThat(answer.json().get("evaluations").get(1).get("unitName").asText()).isEqualTo("Phòng Nội vụ");
    }

    @Test
    void a_csv_without_bom_and_a_campaign_parameter_is_evaluated_too() {
        String csv = """
                Mã đơn vị;Tên đơn vị;Loại đơn vị;Số phiếu khảo sát;Số phiếu hài lòng
                xa-tan-xa;UBND xã Tân Xã;Xã;100;99
                """;

        Api.Answer answer = api.post("/api/v1/evaluations?campaign=" + Requests.CAMPAIGN, csv.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode evaluation = answer.json().get("evaluations").get(0);
        assertThat(evaluation.get("unitName").asText()).isEqualTo("UBND xã Tân Xã");
        assertThat(evaluation.get("findings").get(0).get("status").asText()).isEqualTo("MET");
        assertThat(api.get("/api/v1/units/xa-tan-xa/evaluations").json().get("evaluations").get(0).get("unitName").asText())
                .isEqualTo("UBND xã Tân Xã");
    }

    @Test
    void an_xlsx_sheet_is_evaluated_and_stored() throws Exception {
        Path xlsx = TestXlsx.write(dir.resolve("units.xlsx"), List.of(
                List.of("Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Số phiếu khảo sát", "Số phiếu hài lòng", "Có trang TTĐT thành phần"),
                List.of("tt-lien-quan", "UBND thị trấn Liên Quan", "Thị trấn", 300, 290, "Có"),
                List.of("xa-dai-dong", "UBND xã Đại Đồng", "Xã", 150, 120, "Không")));

        Api.Answer answer = api.post("/api/v1/evaluations", Files.readAllBytes(xlsx), XLSX);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("evaluations")).extracting(e -> e.get("unitName").asText())
                .containsExactly("UBND thị trấn Liên Quan", "UBND xã Đại Đồng");
        String id = answer.json().get("evaluations").get(1).get("id").asText();
        JsonNode stored = api.get("/api/v1/evaluations/" + id).json();
        assertThat(stored.get("kind").asText()).isEqualTo("COMMUNE");
        assertThat(stored.get("report").get("portalPage").asBoolean()).isFalse();
    }

    @Test
    void a_bad_sheet_is_refused_with_every_bad_cell_by_row_and_header_and_nothing_is_stored() throws Exception {
        byte[] csv = Files.readAllBytes(SHEETS.resolve("bad-cells.csv"));

        Api.Answer answer = api.post("/api/v1/evaluations", csv, "text/csv");

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problems = answer.json().get("problems");
        assertThat(problems.size()).isGreaterThanOrEqualTo(6);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.get("path").asText()).isEqualTo("dòng 3, cột «Loại đơn vị»");
            assertThat(p.get("row").asInt()).isEqualTo(3);
            assertThat(p.get("column").asText()).isEqualTo("Loại đơn vị");
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.get("path").asText()).isEqualTo("dòng 2, cột «Số phiếu hài lòng»"));
        assertThat(problems).anySatisfy(p -> assertThat(p.get("path").asText()).isEqualTo("dòng 4, cột «Số phiếu khảo sát»"));
        for (String unit : List.of("xa-a", "xa-e")) {
            assertThat(api.get("/api/v1/units/" + unit + "/evaluations").status()).as(unit).isEqualTo(404);
        }
    }

    @Test
    void a_body_that_is_no_sheet_is_400_an_old_xls_says_how_to_save_it_and_other_types_stay_415() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
        Api.Answer old = api.post("/api/v1/evaluations", xls, XLSX);
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json().get("type").asText()).isEqualTo("urn:thidua:problem:malformed-sheet");
        assertThat(old.json().get("detail").asText()).contains(".xlsx");

        byte[] latin1 = "Mã đơn vị,Tên đơn vị,Loại đơn vị\nxa-a,UBND xã A,Xã\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(api.post("/api/v1/evaluations", latin1, "text/csv").json().get("detail").asText()).contains("UTF-8");

        Api.Answer plain = api.post("/api/v1/evaluations", "x".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.header("Accept-Post")).contains("text/csv", XLSX, "application/json");
        assertThat(api.post("/api/v1/evaluations", "a,b".getBytes(StandardCharsets.UTF_8), "text/csv; charset=windows-1258").status())
                .isEqualTo(415);
    }

    @Test
    void a_sheet_over_the_body_limit_is_413() throws Exception {
        try (RunningService small = RunningService.start(dir.resolve("small.db"),
                new EvaluationService.Settings("127.0.0.1", 0, 1024, AccessTokens.none()))) {
            byte[] big = ("Mã đơn vị,Tên đơn vị,Loại đơn vị\n" + "xa-a,UBND xã A,Xã\n".repeat(200)).getBytes(StandardCharsets.UTF_8);
            assertThat(small.api.post("/api/v1/evaluations", big, "text/csv").status()).isEqualTo(413);
        }
    }

    @Test
    void the_templates_download_as_shipped_and_read_back_as_blank_unit_sheets() throws Exception {
        for (String name : List.of("units.csv", "units.xlsx")) {
            Api.Answer answer = api.get("/api/v1/templates/" + name);
            assertThat(answer.status()).isEqualTo(200);
            String shipped = "thidua/templates/so-lieu-don-vi." + (name.endsWith("csv") ? "csv" : "xlsx");
            try (var in = getClass().getClassLoader().getResourceAsStream(shipped)) {
                assertThat(answer.bytes()).as(name).isEqualTo(in.readAllBytes());
            }
            assertThat(answer.header("Content-Disposition")).contains("so-lieu-don-vi");
            try (SheetRows rows = Sheets.open(new ByteArrayInputStream(answer.bytes()), answer.bytes().length)) {
                assertThat(rows.header()).startsWith("Mã đơn vị", "Tên đơn vị", "Loại đơn vị");
                assertThat(rows.next()).as("blank").isNull();
            }
        }
        assertThat(api.get("/api/v1/templates/units.csv").contentType()).startsWith("text/csv");
        assertThat(api.get("/api/v1/templates/units.xlsx").contentType()).isEqualTo(XLSX);
        Api.Answer generated = api.get("/api/v1/templates/units.xlsx?campaign=" + Requests.CAMPAIGN);
        assertThat(generated.status()).isEqualTo(200);
        assertThat(generated.bytes()).startsWith('P', 'K', 3, 4);
        assertThat(api.get("/api/v1/templates/units.csv?campaign=khong-co").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/evaluations", "/api/v1/imports/surveys", "/api/v1/imports/dossiers?period=2021"})
    void an_empty_or_broken_xlsx_upload_is_said_to_be_no_readable_xlsx(String path) {
        for (byte[] body : List.of(new byte[0], "Mã đơn vị\nxa-a\n".getBytes(StandardCharsets.UTF_8))) {
            Api.Answer answer = api.post(path, body, SheetFormat.XLSX.mediaType());

            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().get("type").asText()).isEqualTo("urn:thidua:problem:malformed-sheet");
            assertThat(answer.json().get("detail").asText()).contains("not a readable XLSX workbook").doesNotContain("CSV");
        }
    }

    @Test
    void a_unit_sheet_saved_by_libreoffice_is_evaluated_and_stored() throws Exception {
        Api.Answer answer = api.post("/api/v1/evaluations", Files.readAllBytes(SHEETS.resolve("two-units.ods")), SheetFormat.ODS.mediaType());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode first = answer.json().get("evaluations").get(0);
        assertThat(first.get("unitName").asText()).isEqualTo("UBND xã Bình Yên");
        JsonNode stored = api.get("/api/v1/evaluations/" + first.get("id").asText()).json();
        assertThat(stored.get("report").get("indicators").get("digitizedShare").decimalValue()).isEqualByComparingTo("0.85");
    }

    @Test
    void survey_answers_saved_by_libreoffice_are_imported() throws Exception {
        Api.Answer answer = api.post("/api/v1/imports/surveys?period=2021",
                Files.readAllBytes(SHEETS.resolve("surveys-saved-from-xlsx.ods")), SheetFormat.ODS.mediaType());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("rows").asInt()).isEqualTo(6);
        assertThat(answer.json().get("units").get(0).get("counts").toString()).isEqualTo("{\"surveyed\":4,\"satisfied\":3}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"units.xlsx", "units.csv", "units.xlsx?campaign=thach-that-cchc-2021", "units.csv?campaign=par-index-xa-2023"})
    void thidua_template_writes_the_bytes_the_service_serves(String download) throws Exception {
        String[] nameAndQuery = download.split("\\?campaign=");
        Path written = dir.resolve("template-" + nameAndQuery[0]);
        List<String> arguments = new ArrayList<>(List.of("template", "--out", written.toString()));
        if (nameAndQuery.length > 1) {
            arguments.addAll(List.of("--campaign", nameAndQuery[1]));
        }

        assertThat(CommandLineRun.of(arguments.toArray(String[]::new)).exitCode()).isZero();
        Api.Answer served = api.get("/api/v1/templates/" + download);

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.bytes()).isEqualTo(Files.readAllBytes(written));
    }
}
