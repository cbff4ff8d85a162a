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

    ReportApi(Supplier<RuleLibrary> campaigns, EvaluationStore store) {
        this.campaigns = campaigns;
        this.store = store;
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
        EvaluationResult result = StoredResults.latest(id, store);
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
                ctx.result(new RankingReportPage(campaign, VietnamTime.today()).render(result).getBytes(StandardCharsets.UTF_8));
            }
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
