package org.thidua.service.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.thidua.core.Commendation;
import org.thidua.core.EvaluationResult;
import org.thidua.service.Json;
import org.thidua.service.report.CommendationCsv;
import org.thidua.service.report.CommendationExport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code thidua commendations}: evaluates a request with officials and prints (or writes) the proposed commendations. */
@Command(name = "commendations", mixinStandardHelpOptions = true,
        description = {"Danh sách đề nghị khen thưởng: tập thể, cá nhân đủ điều kiện danh hiệu, kèm căn cứ",
                "(the proposed commendations of a request that lists officials under \"members\").",
                "Mã thoát (exit codes): 0 thành công, 2 dữ liệu sai, 3 luật sai."})
public final class CommendationsCommand extends RulesCommand {
    enum Format { json, csv, xlsx }

    @Mixin
    InputOption input;

    @Mixin
    CampaignOption campaign;

    @Option(names = "--format", paramLabel = "json|csv|xlsx",
            description = "json: {campaign, ruleSetVersion, commendations}; csv: bảng UTF-8 có BOM, mở được bằng Excel;"
                    + " xlsx: bảng tính Excel (cần --out). Mặc định: theo đuôi của --out, còn lại là json.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Ghi vào tệp này thay vì in ra (write to this file; required for xlsx).")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Format chosen = OutputFormat.of(format, out, Format.json);
        if (chosen == Format.xlsx && out == null) {
            err.println("--format xlsx cần --out TỆP: bảng tính không in ra màn hình được (xlsx needs --out FILE)");
            return ExitCode.BAD_INPUT;
        }
        RequestEvaluation.Outcome outcome = RequestEvaluation.run(rules, input.file(), campaign.id(), err);
        if (outcome.failed()) {
            return outcome.exitCode();
        }
        EvaluationResult result = outcome.result();
        if (result.commendations() == null) {
            err.println("Yêu cầu không có danh sách cán bộ (members) nên chưa xét danh hiệu, khen thưởng:"
                    + " thêm \"members\" vào báo cáo của các đơn vị (the request lists no officials)");
            return ExitCode.BAD_INPUT;
        }
        List<Commendation> commendations = result.commendations();
        if (out == null) {
            stdout.print(text(chosen, result));
            stdout.flush();
            return ExitCode.OK;
        }
        try (OutputStream file = Files.newOutputStream(out)) {
            if (chosen == Format.xlsx) {
                CommendationExport.writeXlsx(commendations, file);
            } else {
                file.write(text(chosen, result).getBytes(StandardCharsets.UTF_8));
            }
        }
        err.println("Đã ghi " + out + " (" + commendations.size() + " đề nghị khen thưởng; written)");
        return ExitCode.OK;
    }

    private static String text(Format format, EvaluationResult result) throws IOException {
        if (format == Format.csv) {
            return CommendationCsv.render(result.commendations());
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("campaign", result.campaign());
        list.put("ruleSetVersion", result.ruleSetVersion());
        list.put("commendations", result.commendations());
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(list) + System.lineSeparator();
    }
}
