package org.thidua.service.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleProblem;
import org.thidua.core.RuleSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code thidua check [DIR]}: compiles every campaign of a rules directory through the safety gate and prints
 * each problem as {@code file:line:column: message}, the way a compiler does, so an editor can jump to it.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Kiểm tra mọi chiến dịch trong thư mục luật: biên dịch, cổng an toàn, mã tiêu chí, chỉ số"
                + " (checks every campaign: compiles it, passes it through the safety gate, checks criterion ids and indicators).",
                "Mã thoát (exit codes): 0 không có lỗi, 2 không có thư mục, 3 có lỗi trong luật."})
public final class CheckCommand implements Callable<Integer> {
    private static final Comparator<RuleProblem> IN_FILE_ORDER = Comparator
            .comparing((RuleProblem p) -> p.campaign() == null ? "" : p.campaign())
            .thenComparing(RuleProblem::file).thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column);

    @Mixin
    RulesDirectoryArgument rules;

    @picocli.CommandLine.Option(names = "--show-drl",
            description = "In DRL sinh từ bảng tiêu chí (criteria.xlsx/.ods/.csv) của mỗi chiến dịch (prints the DRL each criteria sheet became).")
    boolean showDrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuleLibrary library = rules.loadOrSay(spec.commandLine().getErr());
        if (library == null) {
            return ExitCode.BAD_INPUT;
        }
        for (RuleSet ruleSet : library.ruleSets().values()) {
            out.println("OK " + ruleSet.campaign().id() + " " + shortVersion(ruleSet.version()) + " "
                    + ruleSet.ruleCount() + " luật (rules)");
            ruleSet.warnings().forEach(w -> out.println(rules.describe(w)));
            if (showDrl) {
                ruleSet.generatedDrl().forEach((path, drl) -> {
                    out.println("── " + ruleSet.campaign().id() + "/" + path + " (DRL sinh từ bảng tiêu chí; generated from the criteria sheet) ──");
                    out.print(drl);
                });
            }
        }
        int problems = 0;
        for (Map.Entry<String, List<RuleProblem>> campaign : library.problems().entrySet()) {
            List<RuleProblem> sorted = campaign.getValue().stream().sorted(IN_FILE_ORDER).toList();
            sorted.forEach(p -> out.println(rules.describe(p)));
            out.println("LỖI " + campaign.getKey() + ": " + sorted.size() + " lỗi (" + sorted.size() + " problems)");
            problems += sorted.size();
        }
        out.println("Đã kiểm tra " + (library.ruleSets().size() + library.problems().size()) + " chiến dịch: "
                + library.ruleSets().size() + " đạt, " + library.problems().size() + " có lỗi (checked "
                + (library.ruleSets().size() + library.problems().size()) + " campaigns: " + library.ruleSets().size() + " ok, "
                + library.problems().size() + " with " + problems + " problems)");
        out.flush();
        return library.problems().isEmpty() ? ExitCode.OK : ExitCode.BAD_RULES;
    }

    /** {@code sha256:} and the first 12 hex digits: enough to tell versions apart on screen. */
    static String shortVersion(String version) {
        return version.length() > 19 ? version.substring(0, 19) : version;
    }
}
