package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thidua.service.sheets.SheetFormat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Spreadsheets as a new user sends them: an empty or broken XLSX is said to be no readable XLSX (never "an empty
 * CSV"); LibreOffice's {@code .ods} is read for unit sheets and record files; the blank template is blank, and the
 * command line writes the very bytes the service serves.
 */
class SpreadsheetUploadsTest {
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
        List<String> arguments = new java.util.ArrayList<>(List.of("template", "--out", written.toString()));
        if (nameAndQuery.length > 1) {
            arguments.addAll(List.of("--campaign", nameAndQuery[1]));
        }

        assertThat(CommandLineRun.of(arguments.toArray(String[]::new)).exitCode()).isZero();
        Api.Answer served = api.get("/api/v1/templates/" + download);

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.bytes()).isEqualTo(Files.readAllBytes(written));
    }

    @Test
    void the_blank_templates_are_blank_a_header_row_and_nothing_else() throws Exception {
        byte[] csv = api.get("/api/v1/templates/units.csv").bytes();
        try (var rows = org.thidua.service.sheets.Sheets.open(new java.io.ByteArrayInputStream(csv), csv.length)) {
            assertThat(rows.header()).contains("Mã đơn vị", "Tên đơn vị");
            assertThat(rows.next()).isNull();
        }
        byte[] xlsx = api.get("/api/v1/templates/units.xlsx").bytes();
        try (var rows = org.thidua.service.sheets.Sheets.open(new java.io.ByteArrayInputStream(xlsx), xlsx.length)) {
            assertThat(rows.header()).contains("Mã đơn vị", "Tên đơn vị");
            assertThat(rows.next()).isNull();
        }
    }
}
