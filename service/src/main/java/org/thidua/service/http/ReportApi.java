package org.thidua.service.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.thidua.core.Campaign;
import org.thidua.core.EvaluationResult;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.service.report.RankingExport;
import org.thidua.service.report.RankingReportPage;
import org.thidua.service.report.StoredResults;
import org.thidua.service.report.VietnamTime;
import org.thidua.service.rounds.AssessmentRounds;
import org.thidua.service.rounds.RoundException;
import org.thidua.service.rounds.RoundResults;
import org.thidua.service.rounds.RoundSections;
import org.thidua.service.store.EvaluationStore;

import io.javalin.http.Context;

/**
 * {@code GET /reports/{campaign}} (the ranking report, one self-contained HTML page), {@code /reports/{campaign}.csv}
 * and {@code .xlsx} (the ranking as a sheet): made from the latest stored evaluation of each unit, as
 * {@code GET /api/v1/campaigns/{id}/ranking} lists them.
 */
public final class ReportApi {
    /** The live campaigns, taken once per request: a reload meanwhile does not change a request's rules. */
    private final Supplier<RuleLibrary> campaigns;
    private final EvaluationStore store;
    /** The assessment rounds, for {@code ?round=}; {@code null} when the service keeps none. */
    private final AssessmentRounds rounds;

    ReportApi(Supplier<RuleLibrary> campaigns, EvaluationStore store) {
        this(campaigns, store, null);
    }

    ReportApi(Supplier<RuleLibrary> campaigns, EvaluationStore store, AssessmentRounds rounds) {
        this.campaigns = campaigns;
        this.store = store;
        this.rounds = rounds;
    }

    void report(Context ctx) {
        RuleLibrary library = campaigns.get();
        String name = ctx.pathParam("campaign");
        String format = name.endsWith(".csv") ? "csv" : name.endsWith(".xlsx") ? "xlsx" : "html";
        String id = format.equals("html") ? name : name.substring(0, name.lastIndexOf('.'));
        RuleSet ruleSet = library.ruleSets().get(id);
        if (ruleSet == null) {
            throw ProblemException.notFound("Không có chiến dịch '" + id + "'; các chiến dịch: " + library.ruleSets().keySet()
                    + " (no such campaign)");
        }
        String roundId = EvaluationApi.blankToNull(ctx.queryParam("round"));
        RoundResults round = roundId == null ? null : round(roundId, id);
        EvaluationResult result = round != null ? round.asResult() : StoredResults.latest(id, store);
        if (result == null && round != null) {
            throw ProblemException.notFound("Kỳ đánh giá " + roundId + " chưa có đơn vị nào nộp báo cáo (no unit has submitted)");
        }
        if (result == null) {
            throw ProblemException.notFound("Chiến dịch '" + id + "' chưa có kết quả đánh giá nào được lưu; gửi số liệu qua"
                    + " POST /api/v1/evaluations trước (no evaluations stored for this campaign yet)");
        }
        Campaign campaign = ruleSet.campaign();
        ctx.status(200);
        ctx.header("Cache-Control", "no-store");
        switch (format) {
            case "csv" -> {
                ctx.contentType("text/csv; charset=utf-8");
                attachment(ctx, "xep-hang-" + id + ".csv");
                ctx.result(bytes(out -> new RankingExport(campaign).writeCsv(result, out)));
            }
            case "xlsx" -> {
                ctx.contentType(RequestBody.XLSX_TYPE);
                attachment(ctx, "xep-hang-" + id + ".xlsx");
                ctx.result(bytes(out -> new RankingExport(campaign).writeXlsx(result, out)));
            }
            default -> {
                ctx.contentType("text/html; charset=utf-8");
                String page = new RankingReportPage(campaign, VietnamTime.today()).render(result);
                ctx.result((round == null ? page : RoundSections.insert(page, RoundSections.results(round))).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** A round of this campaign (its final results when closed), or 404. */
    private RoundResults round(String roundId, String campaign) {
        if (rounds == null) {
            throw ProblemException.notFound("Dịch vụ này không lưu kỳ đánh giá (no rounds in this service)");
        }
        try {
            RoundResults results = rounds.results(roundId);
            if (!results.round().campaign().equals(campaign)) {
                throw ProblemException.notFound("Kỳ đánh giá " + roundId + " thuộc chiến dịch '" + results.round().campaign()
                        + "', không phải '" + campaign + "' (the round is another campaign's)");
            }
            return results;
        } catch (RoundException e) {
            throw RoundApi.problem(e);
        }
    }

    static void attachment(Context ctx, String fileName) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    interface Writing {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    static byte[] bytes(Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        try {
            writing.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing into memory failed", e);
        }
        return out.toByteArray();
    }
}
