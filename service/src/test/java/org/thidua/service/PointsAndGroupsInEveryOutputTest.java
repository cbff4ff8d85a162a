package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A points-based campaign whose criteria are a sheet with groups (the bundled par-index-xa-2023): the JSON carries
 * each group's subtotal; the table and the report show points per criterion (12,42/15), Có/Không, bonus and penalty
 * points apart from ✓/✗, and the group subtotals.
 */
class PointsAndGroupsInEveryOutputTest {
    private static final String INPUT = "../examples/data/par-index-xa-2023.json";

    @TempDir
    Path dir;

    @Test
    void the_json_result_carries_each_groups_subtotal() throws Exception {
        CommandLineRun run = CommandLineRun.of("eval", "--input", INPUT);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode binhYen = Json.MAPPER.readTree(run.out()).get("evaluations").get(0);
        JsonNode groups = binhYen.get("groups");
        assertThat(groups).hasSize(3);
        assertThat(groups.get(0).get("group").asText()).isEqualTo("I. Tự chấm: thủ tục hành chính, chuyển đổi số (70 điểm)");
        assertThat(groups.get(0).get("maxPoints").asDouble()).isEqualTo(70);
        assertThat(groups.get(2).get("maxPoints").asDouble()).as("bonus and penalty are outside every maximum").isZero();
        assertThat(groups.get(2).get("points").asDouble()).isEqualTo(2);
    }

    @Test
    void the_table_shows_points_yes_no_bonus_and_subtotals() {
        CommandLineRun run = CommandLineRun.of("eval", "--input", INPUT, "--format", "table");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String binhYen = run.outLines().stream().filter(l -> l.contains("UBND xã Bình Yên")).findFirst().orElseThrow();
        assertThat(binhYen).contains("20/20", "13,8/15", "Có", "+2", "0 ", "28,2/30");
        assertThat(run.out()).contains("N1  I. Tự chấm: thủ tục hành chính, chuyển đổi số (70 điểm)", "Có/Không");
    }

    @Test
    void the_html_report_shows_points_per_criterion_and_group_subtotals() throws Exception {
        org.thidua.core.RuleLibrary bundled = org.thidua.core.RuleLibrary.bundled();
        org.thidua.core.EvaluationRequest request = org.thidua.core.json.ContractV1.read(bundled,
                Json.MAPPER.readTree(read(Path.of(INPUT))), null);
        org.thidua.core.RuleSet rules = bundled.ruleSet("par-index-xa-2023");

        String html = new org.thidua.service.report.RankingReportPage(rules.campaign(), java.time.LocalDate.of(2026, 12, 1))
                .render(rules.evaluate(request.reports()));

        assertThat(html).contains("data-criterion=\"DIGITIZED_RECORDS\" data-status=\"NOT_MET\">13,8/15</td>",
                "data-criterion=\"PORTAL_PAGE\" data-status=\"MET\">Có</td>", "data-group=\"II. Khảo sát hài lòng (30 điểm)\">28,2/30</td>",
                "<td class=\"status MET BONUS\" data-criterion=\"INITIATIVE_BONUS\" data-status=\"MET\">+2</td>");
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
