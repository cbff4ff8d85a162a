package org.thidua.service.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.thidua.core.Campaign;
import org.thidua.core.EvaluationResult;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.service.report.Ranking;
import org.thidua.service.report.RankingExport;
import org.thidua.service.report.RankingReportPage;
import org.thidua.service.report.StandingScorecard;
import org.thidua.service.report.StoredResults;
import org.thidua.service.report.VietnamTime;
import org.thidua.service.rounds.AssessmentRounds;
import org.thidua.service.rounds.RoundException;
import org.thidua.service.rounds.RoundResults;
import org.thidua.service.rounds.RoundSections;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.StoredEvaluation;

import io.javalin.http.Context;

/**
 * {@code GET /reports/{campaign}} (the ranking report, self-contained HTML), {@code /reports/{campaign}.csv} and
 * {@code .xlsx} (the ranking as a sheet): made from the latest stored evaluation of each unit, as
 * {@code GET /api/v1/campaigns/{id}/ranking} lists them. The campaign is ranked from rows without bodies; the sheets
 * are written to the answer as the units are read, {@value StoredResults#CHUNK} at a time, and a campaign of more than
 * {@value RankingReportPage#PAGE_SIZE} units is reported in pages ({@code ?page=}), each with the whole summary first.
 */
public final class ReportApi {
    /** Units listed as the leaders on every page of a long report. */
    static final int TOP = 10;

    /** The live campaigns, taken once per request: a reload meanwhile does not change a request's rules. */
    private final Supplier<RuleLibrary> campaigns;
    private final EvaluationStore store;
    /** The assessment rounds, for {@code ?round=}; {@code null} when the service keeps none. */
    private final AssessmentRounds rounds;
    /** The area scorecard of a long standing, from what earlier reports read of each evaluation. */
    private final StandingScorecard scorecards;

    ReportApi(Supplier<RuleLibrary> campaigns, EvaluationStore store) {
        this(campaigns, store, null);
    }

    ReportApi(Supplier<RuleLibrary> campaigns, EvaluationStore store, AssessmentRounds rounds) {
        this.campaigns = campaigns;
        this.store = store;
        this.rounds = rounds;
        this.scorecards = new StandingScorecard(store);
    }

    void report(Context ctx) {
        String name = ctx.pathParam("campaign");
        String format = name.endsWith(".csv") ? "csv" : name.endsWith(".xlsx") ? "xlsx" : "html";
        String id = format.equals("html") ? name : name.substring(0, name.lastIndexOf('.'));
        Campaign campaign = campaign(id);
        String roundId = EvaluationApi.blankToNull(ctx.queryParam("round"));
        if (roundId != null) {
            roundReport(ctx, campaign, format, round(roundId, id));
            return;
        }
        List<Ranking.Place> standing = StoredResults.standing(id, store);
        if (standing.isEmpty()) {
            throw ProblemException.notFound("Chiến dịch '" + id + "' chưa có kết quả đánh giá nào được lưu; gửi số liệu qua"
                    + " POST /api/v1/evaluations trước (no evaluations stored for this campaign yet)");
        }
        ctx.header("Cache-Control", "no-store");
        switch (format) {
            case "csv" -> stream(ctx, "text/csv; charset=utf-8", "xep-hang-" + id + ".csv",
                    out -> new RankingExport(campaign).writeCsv(StoredResults.streamed(standing, store), out));
            case "xlsx" -> stream(ctx, RequestBody.XLSX_TYPE, "xep-hang-" + id + ".xlsx",
                    out -> new RankingExport(campaign).writeXlsx(scorecards.of(campaign, standing),
                            StoredResults.streamed(standing, store), out));
            default -> html(ctx, campaign, standing);
        }
    }

    private Campaign campaign(String id) {
        RuleLibrary library = campaigns.get();
        RuleSet ruleSet = library.ruleSets().get(id);
        if (ruleSet == null) {
            throw ProblemException.notFound("Không có chiến dịch '" + id + "'; các chiến dịch: " + library.ruleSets().keySet()
                    + " (no such campaign)");
        }
        return ruleSet.campaign();
    }

    /** One page when the campaign fits, else the page {@code ?page=} asks for (the first by default). */
    private void html(Context ctx, Campaign campaign, List<Ranking.Place> standing) {
        RankingReportPage report = new RankingReportPage(campaign, VietnamTime.today());
        int size = RankingReportPage.PAGE_SIZE;
        int pages = (standing.size() + size - 1) / size;
        int page = EvaluationApi.intParameter(ctx, "page", 1, 1, pages);
        String versions = String.join(", ", standing.stream().map(p -> p.evaluation().ruleSetVersion()).distinct().toList());
        String body;
        if (pages == 1) {
            body = report.render(StoredResults.latest(campaign.id(), store));
        } else {
            List<Ranking.Place> shown = standing.subList((page - 1) * size, Math.min(standing.size(), page * size));
            RankingReportPage.Part part = new RankingReportPage.Part(page, pages, standing.size(),
                    report.gradeCounts(standing.stream().map(p -> p.evaluation().grade()).toList()),
                    StoredResults.whole(standing.subList(0, Math.min(TOP, standing.size())), store), StoredResults.whole(shown, store),
                    scorecards.of(campaign, standing));
            body = report.render(campaign.id(), versions, part);
        }
        ctx.status(200);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A round's report: its results (final when closed), with the corrections and their reasons; a round's units fit in one page. */
    private void roundReport(Context ctx, Campaign campaign, String format, RoundResults round) {
        EvaluationResult result = round.asResult();
        if (result == null) {
            throw ProblemException.notFound("Kỳ đánh giá " + round.round().id() + " chưa có đơn vị nào nộp báo cáo (no unit has submitted)");
        }
        String id = campaign.id();
        ctx.header("Cache-Control", "no-store");
        switch (format) {
            case "csv" -> stream(ctx, "text/csv; charset=utf-8", "xep-hang-" + id + ".csv",
                    out -> new RankingExport(campaign).writeCsv(result, out));
            case "xlsx" -> stream(ctx, RequestBody.XLSX_TYPE, "xep-hang-" + id + ".xlsx",
                    out -> new RankingExport(campaign).writeXlsx(result, out));
            default -> {
                String page = new RankingReportPage(campaign, VietnamTime.today()).render(result);
                ctx.status(200);
                ctx.contentType("text/html; charset=utf-8");
                ctx.result(RoundSections.insert(page, RoundSections.results(round)).getBytes(StandardCharsets.UTF_8));
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

    interface Writing {
        void write(OutputStream out) throws IOException;
    }

    /** Writes a sheet straight into the answer as it is made: nothing of its size is held in memory. */
    private static void stream(Context ctx, String mediaType, String fileName, Writing writing) {
        ctx.status(200);
        ctx.contentType(mediaType);
        attachment(ctx, fileName);
        try {
            OutputStream out = ctx.outputStream();
            writing.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the " + fileName + " answer failed", e);
        }
    }

    static void attachment(Context ctx, String fileName) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
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
