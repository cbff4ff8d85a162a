package org.thidua.service.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleProblem;
import org.thidua.core.RuleTests;
import org.thidua.service.Json;

import com.fasterxml.jackson.core.JsonProcessingException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code thidua test [DIR]}: runs every campaign's rule tests ({@code tests/*.yaml}) and reports each case. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Chạy các ca kiểm thử luật (tests/*.yaml) của mọi chiến dịch trong thư mục luật"
                + " (runs every campaign's rule tests).",
                "Mã thoát (exit codes): 0 mọi ca đạt, 1 có ca không đạt, 2 không có thư mục, 3 có chiến dịch không biên dịch được."})
public final class TestCommand implements Callable<Integer> {
    enum Format { text, json }

    @Mixin
    RulesDirectoryArgument rules;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text: báo cáo để đọc; json: cho máy đọc (for machines). Mặc định: ${DEFAULT-VALUE}.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        RuleTests.Run run = rules.loadAndTestOrSay(spec.commandLine().getErr());
        if (run == null) {
            return ExitCode.BAD_INPUT;
        }
        RuleLibrary library = run.library();
        List<RuleTests.Report> reports = run.reports();
        if (format == Format.json) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(library, reports)));
        } else {
            printText(out, library, reports);
        }
        out.flush();
        if (!library.problems().isEmpty()) {
            return ExitCode.BAD_RULES;
        }
        return reports.stream().allMatch(RuleTests.Report::passed) ? ExitCode.OK : ExitCode.FAILED;
    }

    private void printText(PrintWriter out, RuleLibrary library, List<RuleTests.Report> reports) {
        for (RuleTests.Report report : reports) {
            out.println(report.campaign());
            for (RuleTests.CaseResult c : report.cases()) {
                out.println("  " + (c.passed() ? "✓ " : "✗ ") + rules.path(report.campaign(), c.file()) + ":" + c.line() + " " + c.name());
                c.failures().forEach(f -> out.println("      " + f));
            }
            report.problems().forEach(p -> out.println("  ✗ " + rules.describe(p)));
        }
        library.problems().forEach((campaign, problems) -> {
            out.println(campaign + ": không biên dịch được, chưa chạy kiểm thử (does not compile; tests not run)");
            problems.forEach(p -> out.println("  " + rules.describe(p)));
        });
        long cases = reports.stream().mapToLong(r -> r.cases().size()).sum();
        long failed = reports.stream().mapToLong(RuleTests.Report::failedCount).sum();
        long fileProblems = reports.stream().mapToLong(r -> r.problems().size()).sum();
        out.println((failed == 0 && fileProblems == 0 && library.problems().isEmpty() ? "ĐẠT" : "KHÔNG ĐẠT") + ": "
                + cases + " ca, " + (cases - failed) + " đạt, " + failed + " không đạt"
                + (fileProblems == 0 ? "" : ", " + fileProblems + " lỗi tệp kiểm thử")
                + (library.problems().isEmpty() ? "" : ", " + library.problems().size() + " chiến dịch không biên dịch được")
                + " (" + cases + " cases, " + (cases - failed) + " passed, " + failed + " failed"
                + (fileProblems == 0 ? "" : ", " + fileProblems + " test-file problems")
                + (library.problems().isEmpty() ? "" : ", " + library.problems().size() + " campaigns do not compile") + ")");
    }

    private Map<String, Object> json(RuleLibrary library, List<RuleTests.Report> reports) {
        List<Map<String, Object>> campaigns = new ArrayList<>();
        for (RuleTests.Report report : reports) {
            Map<String, Object> campaign = new LinkedHashMap<>();
            campaign.put("campaign", report.campaign());
            campaign.put("version", library.ruleSets().get(report.campaign()).version());
            campaign.put("compiled", true);
            campaign.put("passed", report.passed());
            campaign.put("cases", report.cases().stream().map(c -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("file", c.file());
                one.put("line", c.line());
                one.put("name", c.name());
                one.put("passed", c.passed());
                one.put("failures", c.failures());
                return one;
            }).toList());
            campaign.put("problems", report.problems().stream().map(TestCommand::problem).toList());
            campaigns.add(campaign);
        }
        library.problems().forEach((id, problems) -> {
            Map<String, Object> campaign = new LinkedHashMap<>();
            campaign.put("campaign", id);
            campaign.put("compiled", false);
            campaign.put("passed", false);
            campaign.put("cases", List.of());
            campaign.put("problems", problems.stream().map(TestCommand::problem).toList());
            campaigns.add(campaign);
        });
        long cases = reports.stream().mapToLong(r -> r.cases().size()).sum();
        long failed = reports.stream().mapToLong(RuleTests.Report::failedCount).sum();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("passed", library.problems().isEmpty() && reports.stream().allMatch(RuleTests.Report::passed));
        Map<String, Object> summary = new LinkedHashMap<>(); // Map.of would write its keys in another order on each run
        summary.put("cases", cases);
        summary.put("passed", cases - failed);
        summary.put("failed", failed);
        root.put("summary", summary);
        root.put("campaigns", campaigns);
        return root;
    }

    private static Map<String, Object> problem(RuleProblem p) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("file", p.file());
        one.put("line", p.line());
        one.put("column", p.column());
        one.put("message", p.message());
        return one;
    }
}
