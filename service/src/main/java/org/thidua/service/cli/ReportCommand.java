package org.thidua.service.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.thidua.core.Campaign;
import org.thidua.core.EvaluationResult;
import org.thidua.core.InvalidInputException;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSetException;
import org.thidua.service.report.RankingExport;
import org.thidua.service.report.RankingReportPage;
import org.thidua.service.report.StoredResults;
import org.thidua.service.report.VietnamTime;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.StoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thidua report}: writes the ranking report (HTML) or the ranking (CSV, XLSX) of a request file it evaluates
 * ({@code --input}), or of the latest stored evaluation of each unit in a service's database ({@code --db}), the
 * same as {@code GET /reports/{campaign}} serves.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Lập báo cáo xếp hạng: trang HTML (bảng xếp hạng, ma trận tiêu chí, biểu đồ, chi tiết), hoặc bảng CSV/XLSX.",
                "Mã thoát (exit codes): 0 thành công, 2 dữ liệu sai, 3 luật sai."})
public final class ReportCommand extends RulesCommand {
    enum Format { html, csv, xlsx }

    @Option(names = "--input", paramLabel = "FILE",
            description = "Tệp yêu cầu: JSON v1, hoặc bảng số liệu đơn vị .csv/.xlsx (hoặc dùng --db).")
    String input;

    @Mixin
    DatabaseOption db;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Tệp cần ghi (report.html, xep-hang.csv, xep-hang.xlsx).")
    Path out;

    @Option(names = "--format", paramLabel = "html|csv|xlsx",
            description = "Mặc định: theo đuôi của --out, còn lại là html.")
    Format format;

    @Mixin
    CampaignOption campaign;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        RuleLibrary library;
        EvaluationResult result;
        if ((input == null) == !db.given()) {
            err.println("Cần đúng một trong --input FILE hoặc --db FILE (give either --input or --db)");
            return ExitCode.BAD_INPUT;
        }
        DatabaseOption.Database database = null;
        if (db.given()) {
            try {
                database = db.existing();
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return ExitCode.BAD_INPUT;
            }
        }
        if (input != null) {
            RequestEvaluation.Outcome outcome = RequestEvaluation.run(rules, input, campaign.id(), err);
            if (outcome.failed()) {
                return outcome.exitCode();
            }
            library = outcome.library();
            result = outcome.result();
        } else {
            try {
                library = rules.load();
                result = stored(library, database, err);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return ExitCode.BAD_INPUT;
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> err.println(p.path() + ": " + p.message()));
                return ExitCode.BAD_INPUT;
            } catch (RuleSetException e) {
                return rules.doNotCompile(e, err);
            }
            if (result == null) {
                return ExitCode.BAD_INPUT;
            }
        }
        Campaign described = library.ruleSet(result.campaign()).campaign();
        try (OutputStream file = Files.newOutputStream(out)) {
            switch (OutputFormat.of(format, out, Format.html)) {
                case html -> file.write(new RankingReportPage(described, VietnamTime.today()).render(result).getBytes(StandardCharsets.UTF_8));
                case csv -> new RankingExport(described).writeCsv(result, file);
                case xlsx -> new RankingExport(described).writeXlsx(result, file);
            }
        }
        err.println("Đã ghi " + out + " (" + result.evaluations().size() + " đơn vị)");
        return ExitCode.OK;
    }

    /** The latest stored evaluation of each unit, ranked; {@code null} (after saying why) when there is none. */
    private EvaluationResult stored(RuleLibrary library, DatabaseOption.Database database, PrintWriter err) {
        String id = library.ruleSet(campaign.id()).campaign().id();
        try (EvaluationStore store = database.open()) {
            EvaluationResult result = StoredResults.latest(id, store);
            if (result == null) {
                err.println("Chiến dịch '" + id + "' chưa có kết quả đánh giá nào trong " + db.written() + " (no evaluations stored)");
            }
            return result;
        } catch (StoreException e) {
            err.println(e.getMessage());
            return null;
        }
    }
}
