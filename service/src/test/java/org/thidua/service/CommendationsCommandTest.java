package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.Commendation;
import org.thidua.service.report.CsvTable;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code thidua commendations}: the proposed list, as JSON and as a CSV that Excel opens with Vietnamese intact. */
class CommendationsCommandTest {
    @Test
    void json_lists_every_title_qualified_for_in_the_campaigns_order_with_its_grounds() throws Exception {
        CommandLineRun run = CommandLineRun.of("commendations", "--input", EvalWithMembersTest.EXAMPLE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode list = Json.MAPPER.readTree(run.out());
        assertThat(EvalWithMembersTest.fieldNames(list)).containsExactly("campaign", "ruleSetVersion", "commendations");
        JsonNode commendations = list.get("commendations");
        assertThat(commendations).hasSize(41);
        JsonNode first = commendations.get(0);
        assertThat(EvalWithMembersTest.fieldNames(first)).containsExactly("title", "label", "subject", "unitId", "unitName",
                "memberId", "memberName", "explanation");
        assertThat(first.get("title").asText()).isEqualTo("TAP_THE_LAO_DONG_XUAT_SAC");
        assertThat(first.get("subject").asText()).isEqualTo("UNIT");
        assertThat(first.get("memberId").isNull()).isTrue();
        JsonNode chienSi = commendations.get(6);
        assertThat(chienSi.get("title").asText()).isEqualTo("CHIEN_SI_THI_DUA_CO_SO");
        assertThat(chienSi.get("memberName").asText()).isEqualTo("Nguyễn Văn Hùng");
        assertThat(chienSi.get("explanation").asText())
                .contains("Xếp thứ 1/2", "hạn mức 15% × 8 Lao động tiên tiến = 1,2 → 1 người (làm tròn xuống): trong hạn mức");
    }

    @Test
    void csv_is_utf8_with_a_byte_order_mark_one_row_per_commendation() {
        CommandLineRun run = CommandLineRun.of("commendations", "--input", EvalWithMembersTest.EXAMPLE, "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("\uFEFFSTT,\"Danh hiệu, hình thức khen thưởng\",Đối tượng,Đơn vị,Họ và tên,");
        List<String> rows = List.of(run.out().split("\r\n"));
        assertThat(rows).hasSize(1 + 41);
        assertThat(rows.get(1)).startsWith("1,Tập thể lao động xuất sắc,Tập thể,UBND xã Bình Yên,,TAP_THE_LAO_DONG_XUAT_SAC,xa-binh-yen,,");
        assertThat(rows.get(7)).startsWith("7,Chiến sĩ thi đua cơ sở,Cá nhân,UBND xã Bình Yên,Nguyễn Văn Hùng,CHIEN_SI_THI_DUA_CO_SO,xa-binh-yen,by-01,\"");
    }

    @Test
    void xlsx_written_with_out_reads_back_to_the_rows_of_the_json_list(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("de-nghi-khen-thuong.xlsx");
        CommandLineRun run = CommandLineRun.of("commendations", "--input", EvalWithMembersTest.EXAMPLE, "--format", "xlsx",
                "--out", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Đã ghi", "41 đề nghị khen thưởng");
        JsonNode json = Json.MAPPER.readTree(CommandLineRun.of("commendations", "--input", EvalWithMembersTest.EXAMPLE).out());
        List<Commendation> fromJson = new ArrayList<>();
        for (JsonNode item : json.get("commendations")) {
            fromJson.add(Json.MAPPER.treeToValue(item, Commendation.class));
        }
        List<List<String>> rows = CommendationsEndpointTest.sheetRows(Files.readAllBytes(file));
        assertThat(rows).hasSize(1 + 41).isEqualTo(CommendationsEndpointTest.expectedRows(fromJson));
        assertThat(rows.get(7)).startsWith("7", "Chiến sĩ thi đua cơ sở", "Cá nhân", "UBND xã Bình Yên", "Nguyễn Văn Hùng");
    }

    @Test
    void the_format_follows_the_files_extension_and_a_csv_file_holds_what_standard_output_would(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("khen-thuong.xlsx");
        Path csv = dir.resolve("khen-thuong.csv");

        assertThat(CommandLineRun.of("commendations", "--input", EvalWithMembersTest.EXAMPLE, "--out", xlsx.toString()).exitCode()).isZero();
        assertThat(CommandLineRun.of("commendations", "--input", EvalWithMembersTest.EXAMPLE, "--out", csv.toString()).exitCode()).isZero();

        assertThat(Files.readAllBytes(xlsx)).startsWith('P', 'K'); // a zip: the XLSX container
        assertThat(CommendationsEndpointTest.sheetRows(Files.readAllBytes(xlsx))).hasSize(42);
        assertThat(Files.readString(csv, StandardCharsets.UTF_8))
                .isEqualTo(CommandLineRun.of("commendations", "--input", EvalWithMembersTest.EXAMPLE, "--format", "csv").out());
    }

    @Test
    void xlsx_without_out_exits_2_before_evaluating() {
        CommandLineRun run = CommandLineRun.of("commendations", "--input", EvalWithMembersTest.EXAMPLE, "--format", "xlsx");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--out");
    }

    @Test
    void a_cell_with_a_comma_or_a_quote_is_quoted_and_a_formula_is_kept_as_text() {
        assertThat(CsvTable.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(CsvTable.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvTable.cell("=1+1")).isEqualTo("'=1+1");
    }

    @Test
    void a_request_without_members_exits_2_saying_that_officials_are_needed() {
        CommandLineRun run = CommandLineRun.of("commendations", "--input", "src/test/resources/requests/two-units.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("members");
    }

    @Test
    void bad_members_exit_2_naming_the_field_path() {
        CommandLineRun run = CommandLineRun.of("commendations", "--input", "src/test/resources/requests/bad-members.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("reports[0].members[1].dossiers.late: ", "reports[0].members[0].role: ");
    }
}
