package org.thidua.service.cli;

import java.io.IOException;
import java.io.PrintWriter;

import org.thidua.core.Campaign;
import org.thidua.core.EvaluationResult;
import org.thidua.core.RuleLibrary;
import org.thidua.service.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code thidua eval}: evaluates a request file (JSON contract v1, or a CSV/XLSX sheet of unit figures) and prints the result. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Đánh giá các đơn vị trong một tệp yêu cầu JSON (evaluates the units of a JSON request).",
                "Mã thoát (exit codes): 0 thành công, 2 dữ liệu sai, 3 luật sai."})
public final class EvalCommand extends RulesCommand {
    enum Format { json, table }

    @Mixin
    InputOption input;

    @Mixin
    CampaignOption campaign;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|table",
            description = "json: kết quả theo hợp đồng JSON v1; table: bảng xếp hạng để đọc. Mặc định: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RequestEvaluation.Outcome outcome = RequestEvaluation.run(rules, input.file(), campaign.id(), err);
        if (outcome.failed()) {
            return outcome.exitCode();
        }
        RuleLibrary library = outcome.library();
        EvaluationResult result = outcome.result();
        if (format == Format.table) {
            Campaign described = library.ruleSet(result.campaign()).campaign();
            out.print(new RankingTable(described).render(result));
            if (result.commendations() != null) {
                out.print(new CommendationTable(described).render(result));
            }
        } else {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        }
        out.flush();
        return ExitCode.OK;
    }
}
