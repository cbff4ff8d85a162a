package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.core.RuleTests;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code thidua test} runs each campaign's rule tests as soon as that campaign has compiled, beside the others' compiles
 * (largest first), so campaigns finish in another order than their names. The report stays the one a run of one
 * campaign after another gives: campaigns in name order, each with its cases in file order, those that do not compile
 * after them ({@code RuleTestsOfADirectoryTest} in rules-core repeats the run).
 */
class TestReportsInCampaignOrderTest {
    private static final Path FAILING = CommandLineRun.resource("rules-dirs/failing-test/wrong-expectation");
    private static final Path BROKEN = CommandLineRun.resource("rules-dirs/broken/misspelt");

    /**
     * The bundled campaigns (2021 the largest, compiled first and finished last) with a small campaign whose rule test
     * fails and one that does not compile, named so that neither name order nor size order is the order they finish in.
     */
    private static Path rulesDirectory(Path target) throws IOException {
        Path root = UnavailableCampaignTest.copyOfBundledCampaigns(target);
        UnavailableCampaignTest.copyFolder(FAILING, root.resolve("wrong-expectation"));
        UnavailableCampaignTest.copyFolder(BROKEN, root.resolve("misspelt"));
        return root;
    }

    /** What the report says of each campaign that compiles, from its rule tests run one campaign after another. */
    private static List<String> campaignsOneAfterAnother(Path root) {
        List<String> lines = new ArrayList<>();
        for (RuleSet ruleSet : RuleLibrary.load(root).ruleSets().values()) {
            RuleTests.Report report = RuleTests.run(ruleSet);
            lines.add(report.campaign());
            for (RuleTests.CaseResult c : report.cases()) {
                lines.add("  " + (c.passed() ? "✓ " : "✗ ") + root.resolve(report.campaign() + "/" + c.file()) + ":" + c.line() + " " + c.name());
                c.failures().forEach(f -> lines.add("      " + f));
            }
        }
        return lines;
    }

    @Test
    void campaigns_are_reported_in_name_order_with_the_failing_and_the_broken_one_as_alone(@TempDir Path temp) throws IOException {
        Path root = rulesDirectory(temp);
        List<String> expected = campaignsOneAfterAnother(root);

        CommandLineRun run = CommandLineRun.of("test", root.toString());

        assertThat(run.exitCode()).isEqualTo(Main.BAD_RULES);
        assertThat(expected.stream().filter(line -> !line.startsWith(" ")))
                .containsExactly("chi-so-cchc-xa-2025", "par-index-xa-2023", "thach-that-cchc-2021", "wrong-expectation");
        assertThat(expected).contains("  ✗ " + root.resolve("wrong-expectation/tests/satisfaction.yaml")
                + ":10 kỳ vọng sai, để thấy báo cáo khác biệt (a wrong expectation, to see the difference)");
        List<String> lines = run.outLines();
        assertThat(lines.subList(0, expected.size())).containsExactlyElementsOf(expected);
        assertThat(lines.get(expected.size()))
                .isEqualTo("misspelt: không biên dịch được, chưa chạy kiểm thử (does not compile; tests not run)");
        assertThat(lines.subList(expected.size() + 1, lines.size() - 1)).isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("  " + root.resolve("misspelt") + "/"));
        long cases = expected.stream().filter(line -> line.startsWith("  ✓ ") || line.startsWith("  ✗ ")).count();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("KHÔNG ĐẠT: " + cases + " ca, " + (cases - 1) + " đạt, 1 không đạt,"
                + " 1 chiến dịch không biên dịch được (" + cases + " cases, " + (cases - 1) + " passed, 1 failed,"
                + " 1 campaigns do not compile)");
    }

    @Test
    void the_json_report_lists_the_campaigns_in_the_same_order(@TempDir Path temp) throws Exception {
        Path root = rulesDirectory(temp);

        CommandLineRun run = CommandLineRun.of("test", root.toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(Main.BAD_RULES);
        JsonNode report = Json.MAPPER.readTree(run.out());
        List<JsonNode> campaigns = new ArrayList<>();
        report.path("campaigns").forEach(campaigns::add);
        assertThat(campaigns).extracting(c -> c.path("campaign").asText()).containsExactly("chi-so-cchc-xa-2025",
                "par-index-xa-2023", "thach-that-cchc-2021", "wrong-expectation", "misspelt");
        assertThat(campaigns).extracting(c -> c.path("passed").asBoolean()).containsExactly(true, true, true, false, false);
        List<String> summary = new ArrayList<>();
        report.path("summary").fieldNames().forEachRemaining(summary::add);
        assertThat(summary).containsExactly("cases", "passed", "failed");
        assertThat(report.path("summary").path("failed").asInt()).isEqualTo(1);
    }
}
