package org.thidua.service.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.thidua.core.Commendation;
import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationRequest;
import org.thidua.core.EvaluationResult;
import org.thidua.core.Finding;
import org.thidua.core.RuleLibrary;
import org.thidua.service.Json;
import org.thidua.service.sheets.InvalidSheetException;
import org.thidua.service.sheets.SheetFormatException;
import org.thidua.service.sheets.SheetRows;
import org.thidua.service.sheets.Sheets;
import org.thidua.service.sheets.UnitSheetReader;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.NewRequest;
import org.thidua.service.store.Page;
import org.thidua.service.store.RuleSetVersion;
import org.thidua.service.store.StoredEvaluation;
import org.thidua.service.store.StoredRequest;
import org.thidua.service.store.Timestamps;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

/**
 * {@code POST /api/v1/evaluations}, {@code GET /api/v1/evaluations/{id}} and
 * {@code GET /api/v1/units/{unitId}/evaluations}: evaluating reports and reading back what was stored.
 */
public final class EvaluationApi {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    /** The live campaigns: taken once per request, so a request finishes on the rule set it started with. */
    private final Supplier<RuleLibrary> campaigns;
    private final EvaluationStore store;
    private final long maxBodyBytes;

    EvaluationApi(Supplier<RuleLibrary> campaigns, EvaluationStore store, long maxBodyBytes) {
        this.campaigns = campaigns;
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * A stored request and its proposed commendations.
     *
     * @param commendations {@code null} when the request listed no officials (the answer is then contract v1 as first
     *                      published)
     */
    record Evaluated(StoredRequest stored, List<Commendation> commendations) {
    }

    /**
     * JSON contract v1, or a unit sheet (CSV or XLSX, as {@code thidua eval --input units.csv|xlsx}) evaluated with
     * the campaign of {@code ?campaign=} (for JSON, it overrides the request's own), else the default.
     */
    void evaluate(Context ctx) {
        RuleLibrary library = campaigns.get(); // once: a reload meanwhile does not change this request's rules
        RequestBody.Content body = RequestBody.read(ctx, maxBodyBytes, RequestBody.Kind.JSON, RequestBody.Kind.CSV,
                RequestBody.Kind.XLSX);
        String campaign = blankToNull(ctx.queryParam("campaign"));
        String caller = AccessControl.caller(ctx).name();
        respond(ctx, body.kind() == RequestBody.Kind.JSON
                ? evaluate(library, store, body.bytes(), campaign, caller)
                : evaluateSheet(library, store, body.bytes(), campaign, caller));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /**
     * Evaluates a request in JSON contract v1 and stores every evaluation. A request refused for any reason stores
     * nothing: it is read and evaluated whole before the store sees it.
     */
    public static StoredRequest evaluateAndStore(RuleLibrary library, EvaluationStore store, byte[] body, String caller) {
        return evaluate(library, store, body, null, caller).stored();
    }

    /**
     * As {@link #evaluateAndStore}, with the campaign to evaluate with ({@code null}: the request's own), keeping the
     * proposed commendations for the answer. Each stored evaluation keeps its officials and titles (they are part of
     * its result), so the commendations can be made again from the store; they are not stored themselves.
     */
    static Evaluated evaluate(RuleLibrary library, EvaluationStore store, byte[] body, String campaign, String caller) {
        EvaluationRequest request = library.read(new ByteArrayInputStream(body), campaign);
        EvaluationResult result = request.evaluate();
        List<String> reports = ReportTexts.of(body, result.evaluations().size());
        return store(store, request, result, reports, caller);
    }

    /**
     * Evaluates a unit sheet (CSV or XLSX) and stores every evaluation; every bad cell is refused at once by row and
     * column ({@link InvalidSheetException}, 422) and nothing is stored.
     */
    static Evaluated evaluateSheet(RuleLibrary library, EvaluationStore store, byte[] body, String campaign, String caller) {
        UnitSheetReader.Checked checked;
        try (SheetRows rows = Sheets.open(new ByteArrayInputStream(body), body.length)) {
            checked = new UnitSheetReader(library).check(rows, campaign);
        } catch (SheetFormatException e) {
            throw new SheetFormatProblem(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a sheet held in memory failed", e);
        }
        EvaluationResult result = checked.request().evaluate();
        List<String> reports = new ArrayList<>(result.evaluations().size());
        checked.tree().get("reports").forEach(report -> reports.add(Json.write(report)));
        return store(store, checked.request(), result, reports, caller);
    }

    /** Stores each evaluation of a result with its unit's report as JSON text, in the order of the reports. */
    private static Evaluated store(EvaluationStore store, EvaluationRequest request, EvaluationResult result,
                                   List<String> reports, String caller) {
        List<NewRequest.Unit> units = new ArrayList<>(result.evaluations().size());
        for (int i = 0; i < result.evaluations().size(); i++) {
            Evaluation evaluation = result.evaluations().get(i);
            double points = 0;
            double maxPoints = 0;
            for (Finding finding : evaluation.findings()) {
                points += finding.points();
                maxPoints += finding.maxPoints();
            }
            units.add(new NewRequest.Unit(evaluation.unitId(), evaluation.unitName(), evaluation.kind().name(),
                    reports.get(i), Json.write(evaluation), evaluation.score(), points, maxPoints,
                    evaluation.grade(), evaluation.rank()));
        }
        return new Evaluated(store.save(new NewRequest(result.campaign(), result.ruleSetVersion(), caller, units,
                RuleSetVersion.of(request.ruleSet()))), result.commendations());
    }

    /**
     * The contract v1 response, each evaluation with its {@code id}, and the request's {@code requestId}; with
     * officials, the evaluations' {@code members} and {@code titles} and the request's {@code commendations}, as
     * {@code thidua eval} prints them. Each evaluation is the JSON just stored, copied as it is: the same bytes as
     * reading it back into a tree and writing that, without the tree.
     */
    static void respond(Context ctx, Evaluated evaluated) {
        StoredRequest stored = evaluated.stored();
        int size = 256;
        for (StoredEvaluation evaluation : stored.evaluations()) {
            size += evaluation.resultJson().length() + 64;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("requestId", stored.requestId());
            json.writeStringField("campaign", stored.campaign());
            json.writeStringField("ruleSetVersion", stored.ruleSetVersion());
            json.writeStringField("createdAt", Timestamps.format(stored.createdAt()));
            json.writeArrayFieldStart("evaluations");
            for (StoredEvaluation evaluation : stored.evaluations()) {
                String result = evaluation.resultJson(); // an object with fields, never "{}"
                json.writeStartObject();
                json.writeStringField("id", evaluation.id());
                json.writeRaw(',');
                json.writeRaw(result, 1, result.length() - 2);
                json.writeEndObject();
            }
            json.writeEndArray();
            if (evaluated.commendations() != null) {
                json.writeFieldName("commendations");
                json.writeTree(Json.MAPPER.valueToTree(evaluated.commendations()));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the response as JSON", e);
        }
        ctx.status(200);
        ctx.contentType(JsonResponse.MEDIA_TYPE);
        ctx.result(out.toByteArray());
    }

    void find(Context ctx) {
        String id = ctx.pathParam("id");
        StoredEvaluation evaluation = store.find(id)
                .orElseThrow(() -> ProblemException.notFound("Không có kết quả đánh giá '" + id + "' (no such evaluation)"));
        ObjectNode response = header(evaluation);
        response.put("caller", evaluation.caller());
        response.put("ruleSet", RuleSetApi.link(evaluation.ruleSetVersion()));
        response.setAll((ObjectNode) Json.read(evaluation.resultJson()));
        response.set("report", Json.read(evaluation.reportJson()));
        JsonResponse.send(ctx, 200, response);
    }

    void history(Context ctx) {
        String unitId = ctx.pathParam("unitId");
        String campaign = ctx.queryParam("campaign");
        int limit = intParameter(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = intParameter(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        Page<StoredEvaluation> page = store.history(unitId, campaign, limit, offset);
        if (page.total() == 0) {
            throw ProblemException.notFound("Đơn vị '" + unitId + "' chưa có kết quả đánh giá nào"
                    + (campaign == null ? "" : " trong chiến dịch '" + campaign + "'") + " (no evaluations of this unit)");
        }
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("unitId", unitId);
        if (campaign != null) {
            response.put("campaign", campaign);
        }
        response.put("total", page.total());
        response.put("limit", page.limit());
        response.put("offset", page.offset());
        ArrayNode items = response.putArray("evaluations");
        for (StoredEvaluation evaluation : page.items()) {
            items.add(summary(evaluation));
        }
        JsonResponse.send(ctx, 200, response);
    }

    private static ObjectNode header(StoredEvaluation evaluation) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", evaluation.id());
        node.put("requestId", evaluation.requestId());
        node.put("campaign", evaluation.campaign());
        node.put("ruleSetVersion", evaluation.ruleSetVersion());
        node.put("createdAt", Timestamps.format(evaluation.createdAt()));
        return node;
    }

    private static ObjectNode summary(StoredEvaluation evaluation) {
        ObjectNode node = header(evaluation);
        node.put("unitId", evaluation.unitId());
        node.put("unitName", evaluation.unitName());
        node.put("kind", evaluation.kind());
        node.put("score", evaluation.score());
        node.put("grade", evaluation.grade());
        return node;
    }

    static int intParameter(Context ctx, String name, int fallback, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw ProblemException.badParameter("query." + name, "phải từ " + min + " đến " + max + " (must be between "
                        + min + " and " + max + ")");
            }
            return value;
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("query." + name, "phải là số nguyên, đã nhận '" + text + "' (must be an integer)");
        }
    }
}
