package org.thidua.service;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.thidua.core.EvaluationResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code thidua commendations}: evaluates a request with officials and prints the proposed commendations. */
@Command(name = "commendations", mixinStandardHelpOptions = true,
        description = {"Danh sách đề nghị khen thưởng: tập thể, cá nhân đủ điều kiện danh hiệu, kèm căn cứ",
                "(the proposed commendations of a request that lists officials under \"members\").",
                "Mã thoát (exit codes): 0 thành công, 2 dữ liệu sai, 3 luật sai."})
final class CommendationsCommand implements Callable<Integer> {
    enum Format { json, csv }

    @Option(names = "--input", required = true, paramLabel = "FILE|-",
            description = "Tệp yêu cầu JSON có danh sách cán bộ (members), hoặc - để đọc từ đầu vào chuẩn.")
    String input;

    @Option(names = "--campaign", paramLabel = "ID",
            description = "Chiến dịch dùng để đánh giá, thay cho chiến dịch nêu trong tệp (overrides the request's campaign).")
    String campaign;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|csv",
            description = "json: {campaign, ruleSetVersion, commendations}; csv: bảng UTF-8 có BOM, mở được bằng Excel."
                    + " Mặc định: ${DEFAULT-VALUE}.")
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
        EvaluationResult result = outcome.result();
        if (result.commendations() == null) {
            err.println("Yêu cầu không có danh sách cán bộ (members) nên chưa xét danh hiệu, khen thưởng:"
                    + " thêm \"members\" vào báo cáo của các đơn vị (the request lists no officials)");
            return Main.BAD_INPUT;
        }
        if (format == Format.csv) {
            out.print(CommendationCsv.render(result.commendations()));
        } else {
            Map<String, Object> list = new LinkedHashMap<>();
            list.put("campaign", result.campaign());
            list.put("ruleSetVersion", result.ruleSetVersion());
            list.put("commendations", result.commendations());
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(list));
        }
        out.flush();
        return Main.OK;
    }
}
