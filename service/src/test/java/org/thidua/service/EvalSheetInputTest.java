package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.sheets.TestXlsx;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code thidua eval --input} takes a CSV or XLSX sheet of unit figures as well as JSON, by extension or content. */
class EvalSheetInputTest {
    private static final String JSON = "src/test/resources/requests/two-units.json";
    private static final String CSV = "src/test/resources/sheets/two-units-bom.csv";

    @Test
    void a_csv_sheet_is_evaluated_exactly_like_the_json_request() throws Exception {
        CommandLineRun fromCsv = CommandLineRun.of("eval", "--input", CSV);
        CommandLineRun fromJson = CommandLineRun.of("eval", "--input", JSON);

        assertThat(fromCsv.exitCode()).as(fromCsv.err()).isZero();
        assertThat(Json.MAPPER.readTree(fromCsv.out())).isEqualTo(Json.MAPPER.readTree(fromJson.out()));
    }

    @Test
    void an_xlsx_sheet_without_extension_is_recognised_by_its_content(@TempDir Path dir) throws Exception {
        Path file = TestXlsx.write(dir.resolve("units-download"), List.of(
                List.of("Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Số phiếu khảo sát", "Số phiếu hài lòng"),
                List.of("tt-lien-quan", "UBND thị trấn Liên Quan", "Thị trấn", 120, 118)));

        CommandLineRun run = CommandLineRun.of("eval", "--input", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode evaluation = Json.MAPPER.readTree(run.out()).get("evaluations").get(0);
        assertThat(evaluation.get("unitName").asText()).isEqualTo("UBND thị trấn Liên Quan");
        assertThat(evaluation.get("kind").asText()).isEqualTo("TOWN");
        assertThat(evaluation.get("findings").get(0).get("status").asText()).isEqualTo("MET");
    }

    @Test
    void a_sheet_with_bad_cells_exits_2_naming_each_by_row_and_column() throws Exception {
        CommandLineRun run = CommandLineRun.of("eval", "--input", "src/test/resources/sheets/bad-cells.csv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("8 lỗi", "dòng 2, cột «Số phiếu hài lòng»: ", "dòng 3, cột «Loại đơn vị»: ");
    }

    @Test
    void a_csv_that_is_not_utf8_exits_2_with_what_to_do(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("units.csv");
        Files.write(file, "Mã đơn vị,Tên đơn vị,Loại đơn vị\nxa-a,UBND xã A,Xã\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));

        CommandLineRun run = CommandLineRun.of("eval", "--input", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("CSV UTF-8");
    }
}
