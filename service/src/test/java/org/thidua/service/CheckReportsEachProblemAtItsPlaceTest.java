package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;

/** {@code thidua check DIR} prints each problem as file:line:column: message and exits 3; a clean directory exits 0. */
class CheckReportsEachProblemAtItsPlaceTest {
    private static final Path BROKEN = CommandLineRun.resource("rules-dirs/broken");

    @Test
    void the_bundled_campaigns_are_clean_and_summarised_one_line_each() {
        CommandLineRun run = CommandLineRun.of("check");
        RuleSet bundled = RuleLibrary.bundled().ruleSet("thach-that-cchc-2021");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).contains("OK thach-that-cchc-2021 " + bundled.version().substring(0, "sha256:".length() + 12)
                + " " + bundled.ruleCount() + " luật (rules)");
        assertThat(run.outLines()).noneMatch(line -> line.contains(".drl:"));
    }

    @Test
    void every_mistake_of_a_misspelt_campaign_is_printed_at_its_file_line_and_column() {
        CommandLineRun run = CommandLineRun.of("check", BROKEN.toString());
        String file = BROKEN.resolve("misspelt/criteria/satisfaction.drl").toString();

        assertThat(run.exitCode()).isEqualTo(Main.BAD_RULES);
        assertThat(run.outLines()).filteredOn(line -> line.startsWith(file)).satisfiesExactly(
                unknownField -> assertThat(unknownField).startsWith(file + ":10:22: UnitReport không có trường 'satisfation'")
                        .contains("Có phải ý là 'satisfaction'?"),
                actionError -> assertThat(actionError).startsWith(file + ":12:82: Luật \"SATISFACTION\", phần then")
                        .contains("atLeats(double)"),
                criterionTypo -> assertThat(criterionTypo).startsWith(file + ":16:7: Luật \"DIGITISED_RECORDS\"")
                        .contains("Có phải ý là DIGITIZED_RECORDS?"),
                undeclaredIndicator -> assertThat(undeclaredIndicator).startsWith(file + ":18:32: Chỉ số 'digitalShare' chưa khai báo")
                        .contains("undeclared indicator"));
        assertThat(run.outLines()).contains("LỖI misspelt: 4 lỗi (4 problems)");
    }

    @Test
    void a_campaign_refused_by_the_safety_gate_is_reported_at_the_refused_line() {
        CommandLineRun run = CommandLineRun.of("check", BROKEN.toString());

        assertThat(run.outLines()).contains(BROKEN.resolve("unsafe/criteria/satisfaction.drl")
                + ":11:22: Luật \"SATISFACTION\": Không được dùng 'System.exit': phần then chỉ gọi judge, đọc dữ kiện và tính"
                + " toán với số, chuỗi (Math, String, BigDecimal…) (System.exit is off the allow-list)");
        assertThat(run.outLines()).last().asString().startsWith("Đã kiểm tra 2 chiến dịch: 0 đạt, 2 có lỗi");
    }

    @Test
    void a_directory_that_does_not_exist_is_bad_input() {
        CommandLineRun run = CommandLineRun.of("check", BROKEN.resolve("no-such-folder").toString());

        assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("no such rules directory");
    }
}
