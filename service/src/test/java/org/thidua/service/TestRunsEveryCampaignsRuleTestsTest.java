package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code thidua test DIR} reports each case ✓/✗ with file:line and the difference, as text or JSON. */
class TestRunsEveryCampaignsRuleTestsTest {
    private static final Path FAILING = CommandLineRun.resource("rules-dirs/failing-test");

    @Test
    void the_bundled_campaigns_pass_all_their_tests() {
        CommandLineRun run = CommandLineRun.of("test");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).last().asString().matches("ĐẠT: (\\d+) ca, \\1 đạt, 0 không đạt .*");
    }

    @Test
    void a_failing_case_is_marked_with_its_file_line_and_the_difference_and_exits_1() {
        CommandLineRun run = CommandLineRun.of("test", FAILING.toString());
        String file = FAILING.resolve("wrong-expectation/tests/satisfaction.yaml").toString();

        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(run.outLines()).containsSubsequence(
                "wrong-expectation",
                "  ✓ " + file + ":2 đúng 95% là đạt (exactly 95% is met)",
                "  ✗ " + file + ":10 kỳ vọng sai, để thấy báo cáo khác biệt (a wrong expectation, to see the difference)",
                "      xa-b: SATISFACTION cần MET nhưng là NOT_MET (expected MET, was NOT_MET): Chưa đạt: 94,5% (189/200), chỉ tiêu ≥ 95%",
                "      xa-b: điểm cần 60 nhưng là 50 (expected score 60, was 50)", // as people write numbers, not 50.0
                "KHÔNG ĐẠT: 2 ca, 1 đạt, 1 không đạt (2 cases, 1 passed, 1 failed)");
    }

    @Test
    void the_json_report_carries_each_case_for_machines() throws Exception {
        CommandLineRun run = CommandLineRun.of("test", FAILING.toString(), "--format", "json");

        JsonNode report = Json.MAPPER.readTree(run.out());
        assertThat(run.exitCode()).isEqualTo(Main.FAILED);
        assertThat(report.path("passed").asBoolean()).isFalse();
        assertThat(report.path("summary").path("failed").asInt()).isEqualTo(1);
        JsonNode failed = report.path("campaigns").get(0).path("cases").get(1);
        assertThat(failed.path("file").asText()).isEqualTo("tests/satisfaction.yaml");
        assertThat(failed.path("line").asInt()).isEqualTo(10);
        assertThat(failed.path("passed").asBoolean()).isFalse();
        assertThat(failed.path("failures").get(0).asText()).startsWith("xa-b: SATISFACTION cần MET nhưng là NOT_MET");
    }

    @Test
    void a_campaign_that_does_not_compile_exits_3_with_its_problems() {
        CommandLineRun run = CommandLineRun.of("test", CommandLineRun.resource("rules-dirs/broken").toString());

        assertThat(run.exitCode()).isEqualTo(Main.BAD_RULES);
        assertThat(run.out()).contains("misspelt: không biên dịch được, chưa chạy kiểm thử (does not compile; tests not run)",
                "satisfaction.drl:10:22: UnitReport không có trường 'satisfation'");
    }
}
