package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.cli.TerminalTable;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code thidua eval}: the contract JSON, the ranking table, and the exit codes of each kind of failure. */
class EvalCommandTest {
    private static final String TWO_UNITS = "src/test/resources/requests/two-units.json";

    @Test
    void json_output_is_the_contract_response_field_for_field() throws Exception {
        CommandLineRun run = CommandLineRun.of("eval", "--input", TWO_UNITS);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode response = Json.MAPPER.readTree(run.out());
        // the bundled campaign declares the plan's area targets: the scorecard comes before the evaluations
        assertThat(fieldNames(response)).containsExactly("campaign", "ruleSetVersion", "area", "evaluations");
        assertThat(response.get("campaign").asText()).isEqualTo("thach-that-cchc-2021");
        assertThat(response.get("ruleSetVersion").asText()).matches("sha256:[0-9a-f]{64}");
        JsonNode commune = response.get("evaluations").get(0);
        assertThat(fieldNames(commune)).containsExactly("unitId", "unitName", "kind", "score", "grade", "rank", "findings");
        assertThat(commune.get("unitName").asText()).isEqualTo("UBND xã Bình Yên");
        assertThat(commune.get("score").asDouble()).isEqualTo(60.0);
        assertThat(commune.get("grade").asText()).isEqualTo("HOAN_THANH");
        JsonNode onTime = commune.get("findings").get(1);
        assertThat(fieldNames(onTime)).containsExactly("criterion", "status", "actual", "target", "points", "maxPoints",
                "title", "message", "rule");
        assertThat(onTime.get("criterion").asText()).isEqualTo("ON_TIME_DOSSIERS");
        assertThat(onTime.get("status").asText()).isEqualTo("NOT_MET");
        assertThat(onTime.get("actual").asDouble()).isEqualTo(0.99671);
        assertThat(onTime.get("target").asDouble()).isEqualTo(1.0);
        assertThat(onTime.get("maxPoints").asDouble()).isEqualTo(20);
        assertThat(onTime.get("title").asText()).isEqualTo("Hồ sơ TTHC trả kết quả đúng hạn, trước hạn");
        assertThat(onTime.get("message").asText()).isEqualTo("5 trong 1.520 hồ sơ trễ hạn");
        assertThat(onTime.get("rule").asText()).isEqualTo("criteria/on-time.drl: ON_TIME_DOSSIERS");
    }

    @Test
    void table_output_ranks_the_units_with_vietnamese_intact() {
        CommandLineRun run = CommandLineRun.of("eval", "--input", TWO_UNITS, "--format", "table");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Phong trào thi đua \"Cải cách hành chính\" trên địa bàn huyện Thạch Thất năm 2021");
        String[] lines = run.out().split("\\R");
        int first = indexOfLineContaining(lines, "Phòng Nội vụ");
        int second = indexOfLineContaining(lines, "UBND xã Bình Yên");
        assertThat(first).isLessThan(second);
        assertThat(lines[first]).matches("\\s+1\\s+Phòng Nội vụ\\s+.*100,00\\s+Hoàn thành xuất sắc.*");
        assertThat(lines[second]).matches("\\s+2\\s+UBND xã Bình Yên\\s+.*60,00\\s+Hoàn thành\\s+✓\\s+✗\\s+✓\\s+✗\\s+Có"); // PORTAL_PAGE is a yes/no row of the sheet
        // columns stay aligned although the names differ in length and in diacritics
        assertThat(displayColumnOf(lines[first], "Hoàn thành")).isEqualTo(displayColumnOf(lines[second], "Hoàn thành"));
        assertThat(displayColumnOf(lines[first], "100,00") + 1).isEqualTo(displayColumnOf(lines[second], "60,00"));
    }

    @Test
    void the_example_district_is_ranked_in_a_table_with_every_grade() {
        CommandLineRun run = CommandLineRun.of("eval", "--input", "../examples/data/thach-that-2021.json", "--format", "table");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^\\s+1\\s+Văn phòng HĐND và UBND huyện\\s")
                .contains("UBND thị trấn Liên Quan", "UBND xã Đồng Trúc")
                .contains("Tổng hợp: 33 đơn vị · Hoàn thành xuất sắc: 9 · Hoàn thành tốt: 8 · Hoàn thành: 11 · Không hoàn thành: 5");
    }

    @Test
    void reads_the_request_from_standard_input_when_given_a_dash() throws Exception {
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(Path.of(TWO_UNITS))));
            CommandLineRun run = CommandLineRun.of("eval", "--input", "-");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("\"unitName\" : \"Phòng Nội vụ\"");
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void bad_input_exits_2_naming_every_refused_field_by_its_path() {
        CommandLineRun run = CommandLineRun.of("eval", "--input", "src/test/resources/requests/bad-values.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("reports[0].satisfaction.satisfied: ", "reports[1].unit.kind: ",
                "reports[2].dossiers.early: ");
    }

    @Test
    void malformed_json_exits_2_with_line_and_column(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"reports\": [\n  {\"unit\": }\n]}", StandardCharsets.UTF_8);

        CommandLineRun run = CommandLineRun.of("eval", "--input", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("dòng 2");
    }

    @Test
    void a_missing_input_file_exits_2() {
        CommandLineRun run = CommandLineRun.of("eval", "--input", "no/such/file.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no/such/file.json");
    }

    @Test
    void rules_that_do_not_compile_exit_3_with_file_line_and_column() {
        CommandLineRun run = CommandLineRun.of("eval", "--input", TWO_UNITS, "--rules", "src/test/resources/rules-broken",
                "--campaign", "broken-campaign");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).containsPattern("rules-broken/broken-campaign/criteria/portal\\.drl:10:\\d+: ")
                .doesNotContain("Parser returned a null Package");
    }

    @Test
    void campaign_option_overrides_the_request_and_an_unknown_one_is_bad_input() {
        CommandLineRun run = CommandLineRun.of("eval", "--input", TWO_UNITS, "--campaign", "khong-co");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("campaign: ", "khong-co", "thach-that-cchc-2021");
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int displayColumnOf(String line, String text) {
        return TerminalTable.width(line.substring(0, line.indexOf(text)));
    }

    private static int indexOfLineContaining(String[] lines, String text) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line contains " + text);
    }
}
