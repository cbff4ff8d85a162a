package org.thidua.service.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.thidua.core.EvaluationException;
import org.thidua.core.InvalidInputException;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleProblem;
import org.thidua.core.RuleSet;
import org.thidua.core.RuleSetException;
import org.thidua.service.Json;
import org.thidua.service.live.ImpactPreview;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.StoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code thidua preview}: what an edit of a campaign's rules would change, before it is published. The latest stored
 * report of each unit (from the SQLite history) is evaluated under the live rules and under the candidate; every unit
 * whose findings, score, grade or rank would change is listed, old beside new.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Xem trước tác động của một bản sửa bộ luật: đơn vị nào đổi kết quả tiêu chí, điểm, xếp loại, thứ hạng"
                + " (previews what a candidate edit of the rules would change, on the units stored in the history).",
                "Mã thoát (exit codes): 0 thành công, 2 tham số sai, 3 bản sửa (hoặc bộ luật đang dùng) có lỗi."})
public final class PreviewCommand implements Callable<Integer> {
    enum Format { table, json }

    @Option(names = "--rules", required = true, paramLabel = "CANDIDATE_DIR",
            description = "Bản sửa: một thư mục luật (các thư mục chiến dịch) hoặc một thư mục chiến dịch"
                    + " (the candidate: a rules directory or a single campaign folder).")
    Path candidateDirectory;

    @Mixin
    CampaignOption campaign;

    @Mixin
    DatabaseOption db;

    @Option(names = "--live-rules", paramLabel = "DIR",
            description = "Bộ luật đang dùng (thư mục luật). Mặc định: bộ luật đi kèm (the live rules; default: the bundled ones).")
    Path liveDirectory;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "table: bảng để đọc; json: như POST /api/v1/campaigns/{id}/preview. Mặc định: ${DEFAULT-VALUE}.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(candidateDirectory)) {
            err.println("Không có thư mục " + candidateDirectory + " (no such candidate folder)");
            return ExitCode.BAD_INPUT;
        }
        DatabaseOption.Database database;
        try {
            database = db.existing();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        RulesOption live = new RulesOption();
        live.directory = liveDirectory;
        RuleLibrary liveLibrary;
        try {
            liveLibrary = live.load();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCode.BAD_INPUT;
        }

        RuleSet candidate;
        boolean singleCampaign = Files.isRegularFile(candidateDirectory.resolve("campaign.yaml"));
        if (singleCampaign) {
            String id = candidateDirectory.toAbsolutePath().normalize().getFileName().toString();
            if (campaign.id() != null && !campaign.id().equals(id)) {
                err.println("Thư mục " + candidateDirectory + " là chiến dịch '" + id + "', không phải '" + campaign.id()
                        + "' (the candidate folder is another campaign)");
                return ExitCode.BAD_INPUT;
            }
            try {
                candidate = RuleSet.load(candidateDirectory);
            } catch (RuleSetException e) {
                err.println("Bản sửa có lỗi, không xem trước được (the candidate does not compile):");
                e.problems().forEach(p -> err.println(describe(candidateDirectory, p)));
                return ExitCode.BAD_RULES;
            }
        } else {
            RuleLibrary candidates = RuleLibrary.load(candidateDirectory);
            String id = campaign.id() != null ? campaign.id() : candidates.defaultCampaign().orElse(null);
            if (id == null) {
                err.println("Thư mục " + candidateDirectory + " có nhiều chiến dịch " + known(candidates)
                        + ": chọn một bằng --campaign ID (several campaigns: choose one with --campaign)");
                return ExitCode.BAD_INPUT;
            }
            RulesOption shown = new RulesOption();
            shown.directory = candidateDirectory;
            if (candidates.problems().containsKey(id)) {
                err.println("Bản sửa có lỗi, không xem trước được (the candidate does not compile):");
                shown.print(candidates.problems().get(id), err);
                return ExitCode.BAD_RULES;
            }
            candidate = candidates.ruleSets().get(id);
            if (candidate == null) {
                err.println("Thư mục " + candidateDirectory + " không có chiến dịch '" + id + "'; có: " + known(candidates)
                        + " (no such campaign in the candidate)");
                return ExitCode.BAD_INPUT;
            }
        }
        String id = candidate.campaign().id();
        if (liveLibrary.problems().containsKey(id)) {
            err.println("Bộ luật đang dùng của chiến dịch " + id + " có lỗi (the live rules do not compile):");
            live.print(liveLibrary.problems().get(id), err);
            return ExitCode.BAD_RULES;
        }
        if (!liveLibrary.ruleSets().containsKey(id)) {
            err.println("Bộ luật đang dùng không có chiến dịch '" + id + "'; có: " + liveLibrary.ruleSets().keySet()
                    + " (the live rules have no such campaign; --live-rules DIR)");
            return ExitCode.BAD_INPUT;
        }

        ImpactPreview.Impact impact;
        try (EvaluationStore store = database.open()) {
            impact = ImpactPreview.compare(liveLibrary, candidate, store.latestPerUnit(id));
        } catch (StoreException e) {
            err.println(e.getMessage());
            return ExitCode.FAILED;
        } catch (InvalidInputException e) {
            err.println("Báo cáo đã lưu không hợp với bộ luật, " + e.problems().size()
                    + " lỗi (stored reports do not fit the rules):");
            e.problems().forEach(p -> err.println(p.path() + ": " + p.message()));
            return ExitCode.BAD_RULES;
        } catch (EvaluationException e) {
            err.println("Bộ luật gặp lỗi khi đánh giá (the rules failed): " + e.getMessage());
            return ExitCode.BAD_RULES;
        }
        if (format == Format.json) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(impact));
        } else {
            out.print(new PreviewTable(liveLibrary.ruleSets().get(id).campaign(), candidate.campaign()).render(impact));
        }
        out.flush();
        return ExitCode.OK;
    }

    private static List<String> known(RuleLibrary library) {
        java.util.TreeSet<String> ids = new java.util.TreeSet<>(library.ruleSets().keySet());
        ids.addAll(library.problems().keySet());
        ids.remove("thidua.yaml");
        return List.copyOf(ids);
    }

    /** A problem of a single campaign folder as {@code file:line:column: message}, the file as a path a person can open. */
    static String describe(Path folder, RuleProblem problem) {
        return folder.resolve(problem.file()) + problem.place().substring(problem.file().length()) + ": " + problem.message();
    }
}
