package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code thidua import dossiers|surveys}: a request file {@code thidua eval} can use, or exit 2 and nothing written. */
class ImportCommandTest {
    private static final String DOSSIERS = "Mã đơn vị,Mã hồ sơ,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả\n"
            + "xa-binh-yen,HS-1,01/03/2021,10/03/2021,09/03/2021\n"
            + "xa-binh-yen,HS-2,01/03/2021,10/03/2021,10/03/2021\n"
            + "phong-noi-vu,HS-3,01/03/2021,10/03/2021,10/03/2021\n";

    @Test
    void imported_dossier_counts_replace_the_dossiers_of_the_base_request_and_evaluate(@TempDir Path dir) throws Exception {
        Path records = Files.writeString(dir.resolve("hoso.csv"), DOSSIERS, StandardCharsets.UTF_8);
        Path out = dir.resolve("request.json");

        CommandLineRun run = CommandLineRun.of("import", "dossiers", records.toString(), "--period", "2021",
                "--into", "src/test/resources/requests/two-units.json", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Đã đọc 3 dòng, 2 đơn vị");
        JsonNode request = Json.MAPPER.readTree(out.toFile());
        assertThat(request.at("/reports/0/dossiers").toString()).isEqualTo("{\"early\":1,\"onTime\":1,\"late\":0,\"overdueInProgress\":0}");
        assertThat(request.at("/reports/0/satisfaction/surveyed").asInt()).isEqualTo(200);
        CommandLineRun eval = CommandLineRun.of("eval", "--input", out.toString());
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(Json.MAPPER.readTree(eval.out()).at("/evaluations/0/findings/1/status").asText()).isEqualTo("MET");
    }

    @Test
    void bad_rows_exit_2_listing_each_and_write_nothing(@TempDir Path dir) throws Exception {
        Path records = Files.writeString(dir.resolve("hoso.csv"), DOSSIERS + "xa-binh-yen,HS-4,10/03/2021,,05/03/2021\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("request.json");

        CommandLineRun run = CommandLineRun.of("import", "dossiers", records.toString(), "--period", "2021",
                "--into", "src/test/resources/requests/two-units.json", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("dòng 5, cột «Ngày hẹn trả»: thiếu ngày hẹn trả", "dòng 5, cột «Ngày trả kết quả»",
                "1 dòng sai trong 4 dòng", "--accept-bad-rows");
        assertThat(out).doesNotExist();
    }

    @Test
    void accept_bad_rows_skips_them_and_says_how_many(@TempDir Path dir) throws Exception {
        Path records = Files.writeString(dir.resolve("hoso.csv"), DOSSIERS + "xa-binh-yen,HS-4,10/03/2021,,05/03/2021\n",
                StandardCharsets.UTF_8);

        CommandLineRun run = CommandLineRun.of("import", "dossiers", records.toString(), "--period", "2021",
                "--into", "src/test/resources/requests/two-units.json", "--accept-bad-rows");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("bỏ qua 1 dòng sai");
        assertThat(Json.MAPPER.readTree(run.out()).at("/reports/0/dossiers/early").asInt()).isEqualTo(1);
    }

    @Test
    void survey_answers_become_satisfaction_and_units_named_in_the_records_become_reports(@TempDir Path dir) throws Exception {
        Path records = Files.writeString(dir.resolve("phieu.csv"), "\uFEFFMã đơn vị,Tên đơn vị,Loại đơn vị,Hài lòng chung\n"
                + "xa-dong-truc,UBND xã Đồng Trúc,Xã,5\nxa-dong-truc,,,4\nxa-dong-truc,,,2\n", StandardCharsets.UTF_8);

        CommandLineRun run = CommandLineRun.of("import", "surveys", records.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(run.out()).at("/reports/0");
        assertThat(report.at("/unit/name").asText()).isEqualTo("UBND xã Đồng Trúc");
        assertThat(report.at("/satisfaction").toString()).isEqualTo("{\"surveyed\":3,\"satisfied\":2}");
    }

    @Test
    void records_of_a_unit_with_no_name_or_kind_anywhere_are_refused(@TempDir Path dir) throws Exception {
        Path records = Files.writeString(dir.resolve("hoso.csv"), DOSSIERS, StandardCharsets.UTF_8);

        CommandLineRun run = CommandLineRun.of("import", "dossiers", records.toString(), "--period", "2021");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("đơn vị «xa-binh-yen» (dòng 2)", "«Tên đơn vị», «Loại đơn vị»");
    }
}
