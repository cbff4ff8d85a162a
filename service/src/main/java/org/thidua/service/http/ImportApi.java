package org.thidua.service.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.thidua.core.Campaign;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.service.Json;
import org.thidua.service.evaluate.EvaluateAndStore;
import org.thidua.service.imports.DossierImport;
import org.thidua.service.imports.ImportedFigures;
import org.thidua.service.imports.ImportedUnit;
import org.thidua.service.imports.Period;
import org.thidua.service.imports.Progress;
import org.thidua.service.imports.RecordImport;
import org.thidua.service.imports.SurveyImport;
import org.thidua.service.sheets.SheetFormatException;
import org.thidua.service.sheets.SheetRows;
import org.thidua.service.sheets.Sheets;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.NewFigures;
import org.thidua.service.store.StoredEvaluation;
import org.thidua.service.store.StoredImport;
import org.thidua.service.store.Timestamps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

/**
 * {@code POST /api/v1/imports/dossiers} and {@code /imports/surveys}: record files (CSV or XLSX) counted per unit and
 * stored for a period, as {@code thidua import} counts them; and {@code POST /api/v1/campaigns/{id}/evaluations}:
 * the campaign re-evaluated from each unit's latest stored report with the stored figures of a period.
 *
 * <p>A record file is spooled to a temporary file (never more than the body limit) and streamed row by row. Any bad
 * row refuses the import whole (422, every bad row by row and column, nothing stored), as {@code thidua import} writes
 * nothing; {@code acceptBadRows=true} counts the good rows and skips the bad, as {@code --accept-bad-rows}.
 */
public final class ImportApi {
    static final String DOSSIERS = "dossiers";
    static final String SATISFACTION = "satisfaction";

    /** The live campaigns, taken once per request: a reload meanwhile does not change a request's rules. */
    private final Supplier<RuleLibrary> campaigns;
    private final EvaluationStore store;
    private final long maxBodyBytes;
    private final Path spool;

    ImportApi(Supplier<RuleLibrary> campaigns, EvaluationStore store, long maxBodyBytes, Path spool) {
        this.campaigns = campaigns;
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
        this.spool = spool;
    }

    void dossiers(Context ctx) {
        String text = EvaluationApi.blankToNull(ctx.queryParam("period"));
        if (text == null) {
            throw ProblemException.badParameter("query.period", "cần kỳ tính: năm (2021) hoặc từ..đến (2021-01-01..2021-11-30)"
                    + " (period is required)");
        }
        Period period = period(text);
        run(ctx, new DossierImport(period), DOSSIERS, period);
    }

    void surveys(Context ctx) {
        RuleLibrary library = campaigns.get();
        run(ctx, new SurveyImport(), SATISFACTION, periodOr(ctx, library.ruleSet(null).campaign()));
    }

    private void run(Context ctx, RecordImport records, String measure, Period period) {
        boolean acceptBadRows = "true".equalsIgnoreCase(ctx.queryParam("acceptBadRows"));
        Path file = RequestBody.spool(ctx, maxBodyBytes, spool, RequestBody.Kind.CSV, RequestBody.Kind.XLSX,
                RequestBody.Kind.ODS);
        RecordImport.Result result;
        try (SheetRows rows = Sheets.open(file)) {
            result = records.run(rows, Progress.NONE);
        } catch (SheetFormatException e) {
            throw new SheetFormatProblem(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a spooled body failed", e);
        } finally {
            RequestBody.deleteQuietly(file);
        }
        if (!result.problems().isEmpty() && !acceptBadRows) {
            long more = result.problems().count() - result.problems().kept().size();
            throw new ProblemException(422, "invalid-input", "Dữ liệu bị từ chối, không có gì được lưu (request refused, nothing stored)",
                    result.problems().badRows() + " dòng sai trong " + result.rows() + " dòng"
                            + (more > 0 ? "; " + result.problems().kept().size() + " lỗi đầu tiên trong problems, còn " + more + " lỗi khác" : "")
                            + "; sửa tệp, hoặc gửi lại với acceptBadRows=true để bỏ qua các dòng sai (bad rows: nothing stored)",
                    ProblemResponses.cells(result.problems().kept()), Map.of());
        }
        long skipped = result.problems().isEmpty() ? 0 : result.problems().badRows();
        NewFigures figures = new NewFigures(measure, period, AccessControl.caller(ctx).name(), result.rows(), skipped, result.units());
        StoredImport stored = store.saveFigures(figures);

        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("importId", stored.importId());
        response.put("measure", measure);
        response.put("periodFrom", period.from().toString());
        response.put("periodTo", period.to().toString());
        response.put("createdAt", Timestamps.format(stored.createdAt()));
        response.put("rows", result.rows());
        response.put("skippedRows", skipped);
        ObjectNode uncounted = response.putObject("uncounted");
        result.uncounted().forEach(uncounted::put);
        ArrayNode units = response.putArray("units");
        for (ImportedUnit unit : result.units()) {
            ObjectNode item = units.addObject();
            item.put("unitId", unit.id());
            item.put("unitName", unit.name());
            item.put("kind", unit.kind() == null ? null : unit.kind().name());
            ObjectNode counts = item.putObject("counts");
            unit.counts().forEach(counts::put);
        }
        JsonResponse.send(ctx, 200, response);
    }

    /**
     * Each unit's latest stored report in the campaign, its {@code dossiers} and {@code satisfaction} replaced by the
     * figures stored for the period, evaluated by the campaign's rules now in service and stored as one request. A
     * unit with figures but no stored report is added when the records named it and its kind; one that cannot be
     * placed refuses the whole re-evaluation (422), nothing stored.
     */
    void reevaluate(Context ctx) {
        RuleLibrary library = campaigns.get();
        String id = ctx.pathParam("id");
        if (!library.ruleSets().containsKey(id) && !library.problems().containsKey(id)) {
            throw ProblemException.notFound("Không có chiến dịch '" + id + "'; các chiến dịch: " + library.ruleSets().keySet()
                    + " (no such campaign)");
        }
        RuleSet ruleSet = library.ruleSet(id);
        Period period = periodOr(ctx, ruleSet.campaign());
        List<StoredEvaluation> latest = new ArrayList<>(store.latestPerUnit(id));
        latest.sort(Comparator.comparing(StoredEvaluation::unitId));
        List<ImportedUnit> dossiers = store.figures(DOSSIERS, period);
        List<ImportedUnit> surveys = store.figures(SATISFACTION, period);
        if (latest.isEmpty() && dossiers.isEmpty() && surveys.isEmpty()) {
            throw ProblemException.notFound("Chiến dịch '" + id + "' chưa có báo cáo nào được lưu và kỳ " + period.from() + ".." + period.to()
                    + " chưa có số liệu nhập nào: không có gì để đánh giá lại (nothing stored to re-evaluate)");
        }

        ObjectNode request = Json.MAPPER.createObjectNode();
        request.put("campaign", id);
        ArrayNode reports = request.putArray("reports");
        Set<String> reported = new HashSet<>();
        for (StoredEvaluation evaluation : latest) {
            reports.add(Json.read(evaluation.reportJson()));
            reported.add(evaluation.unitId());
        }
        List<Problem.Item> unplaced = new ArrayList<>();
        unplaced(DOSSIERS, dossiers, reported, unplaced);
        unplaced(SATISFACTION, surveys, reported, unplaced);
        if (!unplaced.isEmpty()) {
            throw new ProblemException(422, "invalid-input", "Dữ liệu bị từ chối, không có gì được lưu (request refused, nothing stored)",
                    unplaced.size() + " đơn vị có số liệu nhập nhưng không đánh giá được (units cannot be placed); xem problems",
                    unplaced, Map.of());
        }
        ObjectNode merged = ImportedFigures.merge(request, id, DOSSIERS, dossiers).request();
        merged = ImportedFigures.merge(merged, id, SATISFACTION, surveys).request();
        EvaluationApi.respond(ctx, EvaluateAndStore.tree(library, store, merged, id, AccessControl.caller(ctx).name()));
    }

    private static void unplaced(String measure, List<ImportedUnit> units, Set<String> reported, List<Problem.Item> found) {
        for (ImportedUnit unit : units) {
            if (!reported.contains(unit.id()) && (unit.name() == null || unit.kind() == null)) {
                found.add(new Problem.Item("imports." + measure + "." + unit.id(), "đơn vị «" + unit.id() + "» có số liệu nhập nhưng chưa"
                        + " có báo cáo nào được lưu cho chiến dịch, và tệp nhập không ghi «Tên đơn vị», «Loại đơn vị» của nó: gửi báo cáo"
                        + " của đơn vị (POST /api/v1/evaluations) hoặc nhập lại tệp có hai cột đó (unit has no stored report, name or kind)"));
            }
        }
    }

    private static Period periodOr(Context ctx, Campaign campaign) {
        String text = EvaluationApi.blankToNull(ctx.queryParam("period"));
        if (text != null) {
            return period(text);
        }
        if (campaign.periodFrom() == null || campaign.periodTo() == null) {
            throw ProblemException.badParameter("query.period", "chiến dịch '" + campaign.id() + "' không nêu kỳ đánh giá: cần period"
                    + " (the campaign has no period; give one)");
        }
        return new Period(campaign.periodFrom(), campaign.periodTo());
    }

    private static Period period(String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("query.period", e.getMessage());
        }
    }
}
