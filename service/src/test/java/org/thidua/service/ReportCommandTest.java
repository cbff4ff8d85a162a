package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code thidua report}: the HTML page, or the ranking as CSV or XLSX, chosen by --format or the file's extension. */
class ReportCommandTest {
    private static final String EXAMPLE = "../examples/data/thach-that-2021.json";

    @Test
    void writes_the_html_report_of_a_request_file(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report.html");

        CommandLineRun run = CommandLineRun.of("report", "--input", EXAMPLE, "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("33 đơn vị");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>")
                .contains("<h2>Bảng xếp hạng</h2>", "<svg id=\"score-chart\"", "<h2>Kết quả theo tiêu chí</h2>");
    }

    @Test
    void the_extension_chooses_csv_or_xlsx_and_format_overrides_it(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("xep-hang.csv");
        Path xlsx = dir.resolve("xep-hang.xlsx");
        Path forced = dir.resolve("xep-hang.dat");

        assertThat(CommandLineRun.of("report", "--input", EXAMPLE, "--out", csv.toString()).exitCode()).isZero();
        assertThat(CommandLineRun.of("report", "--input", EXAMPLE, "--out", xlsx.toString()).exitCode()).isZero();
        assertThat(CommandLineRun.of("report", "--input", EXAMPLE, "--out", forced.toString(), "--format", "csv").exitCode()).isZero();

        assertThat(Files.readAllBytes(csv)).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(Files.readAllBytes(xlsx)).startsWith('P', 'K', 3, 4);
        assertThat(Files.readAllBytes(forced)).isEqualTo(Files.readAllBytes(csv));
    }

    @Test
    void a_unit_sheet_is_reported_from_too_and_bad_input_exits_2(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report.html");

        assertThat(CommandLineRun.of("report", "--input", "src/test/resources/sheets/two-units-bom.csv", "--out", out.toString())
                .exitCode()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("UBND xã Bình Yên");

        CommandLineRun bad = CommandLineRun.of("report", "--input", "src/test/resources/sheets/bad-cells.csv", "--out",
                dir.resolve("bad.html").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("dòng 3, cột «Loại đơn vị»");
        assertThat(dir.resolve("bad.html")).doesNotExist();
    }
}
