package org.thidua.service;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;

import org.thidua.core.EvaluationException;
import org.thidua.core.EvaluationRequest;
import org.thidua.core.EvaluationResult;
import org.thidua.core.InvalidInputException;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSetException;
import org.thidua.service.sheets.SheetFormatException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code thidua eval}: evaluates a request file (JSON contract v1, or a CSV/XLSX sheet of unit figures) and prints the result. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Đánh giá các đơn vị trong một tệp yêu cầu JSON (evaluates the units of a JSON request).",
                "Mã thoát (exit codes): 0 thành công, 2 dữ liệu sai, 3 luật sai."})
final class EvalCommand implements Callable<Integer> {
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
        RuleLibrary library;
        try {
            library = rules.load();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        }
        EvaluationResult result;
        try {
            EvaluationRequest request = RequestInput.read(library, input, campaign);
            result = request.evaluate();
        } catch (NoSuchFileException e) {
            err.println("Không có tệp " + input + " (no such file)");
            return Main.BAD_INPUT;
        } catch (InvalidInputException e) {
            err.println("Yêu cầu bị từ chối, " + e.problems().size() + " lỗi (request refused):");
            e.problems().forEach(p -> err.println(p.path() + ": " + p.message()));
            return Main.BAD_INPUT;
        } catch (SheetFormatException e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        } catch (RuleSetException e) {
            err.println("Bộ luật có lỗi, chưa dùng được (the rules do not compile):");
            rules.print(e.problems(), err);
            return Main.BAD_RULES;
        } catch (EvaluationException e) {
            err.println("Bộ luật gặp lỗi khi đánh giá (the rules failed): " + e.getMessage());
            return Main.BAD_RULES;
        }
        if (format == Format.table) {
            out.print(new RankingTable(library.ruleSet(result.campaign()).campaign()).render(result));
        } else {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        }
        out.flush();
        return Main.OK;
    }
}
