package org.thidua.service.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.thidua.core.Campaign;
import org.thidua.core.EvaluationResult;
import org.thidua.core.RuleLibrary;
import org.thidua.service.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code thidua eval}: evaluates a request file (JSON contract v1, or a CSV/XLSX sheet of unit figures) and prints the result. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Đánh giá các đơn vị trong một tệp yêu cầu JSON (evaluates the units of a JSON request).",
                "Mã thoát (exit codes): 0 thành công, 2 dữ liệu sai, 3 luật sai."})
public final class EvalCommand implements Callable<Integer> {
    enum Format { json, table }

    @Option(names = "--input", required = true, paramLabel = "FILE|-",
            description = "Tệp yêu cầu JSON, bảng số liệu đơn vị .csv/.xlsx, hoặc - để đọc từ đầu vào chuẩn (request file: JSON, CSV or XLSX; - for standard input).")
    String input;

    @Option(names = "--campaign", paramLabel = "ID",
            description = "Chiến dịch dùng để đánh giá, thay cho chiến dịch nêu trong tệp (overrides the request's campaign).")
    String campaign;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|table",
            description = "json: kết quả theo hợp đồng JSON v1; table: bảng xếp hạng để đọc. Mặc định: ${DEFAULT-VALUE}.")
    Format format;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RequestEvaluation.Outcome outcome = RequestEvaluation.run(rules, input, campaign, err);
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
