package org.thidua.service;

import java.io.ByteArrayInputStream;
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
import org.thidua.service.sheets.InvalidSheetException;
import org.thidua.service.sheets.SheetFormatException;
import org.thidua.service.sheets.SheetRows;
import org.thidua.service.sheets.Sheets;
import org.thidua.service.sheets.UnitSheetReader;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

/**
 * {@code POST /api/v1/evaluations}, {@code GET /api/v1/evaluations/{id}} and
 * {@code GET /api/v1/units/{unitId}/evaluations}: evaluating reports and reading back what was stored.
 */
final class EvaluationApi {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** Reads the reports again to store them as sent, numbers exact. */
    private static final ObjectReader REPORTS = Json.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

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
    static StoredRequest evaluateAndStore(RuleLibrary library, EvaluationStore store, byte[] body, String caller) {
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
        JsonNode reports;
        try {
            reports = REPORTS.readTree(body).get("reports");
        } catch (IOException e) {
            throw new UncheckedIOException("A request the library has read is JSON", e);
        }
        return store(store, request, reports, caller);
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
        return store(store, checked.request(), checked.tree().get("reports"), caller);
    }

    /** Evaluates a checked request and stores each evaluation with its unit's report as JSON. */
    private static Evaluated store(EvaluationStore store, EvaluationRequest request, JsonNode reports, String caller) {
        EvaluationResult result = request.evaluate();
        List<NewRequest.Unit> units = new ArrayList<>(result.evaluations().size());
        for (int i = 0; i < result.evaluations().size(); i++) {
            Evaluation evaluation = result.evaluations().get(i);
            JsonNode report = reports.get(i);
            if (!evaluation.unitId().equals(report.path("unit").path("id").asText())) {
                throw new IllegalStateException("evaluations are expected in reporting order; at " + i + " found " + evaluation.unitId());
            }
            units.add(new NewRequest.Unit(evaluation.unitId(), evaluation.unitName(), evaluation.kind().name(),
                    report.toString(), Json.write(evaluation), evaluation.score(),
                    evaluation.findings().stream().mapToDouble(Finding::points).sum(),
                    evaluation.findings().stream().mapToDouble(Finding::maxPoints).sum(),
                    evaluation.grade(), evaluation.rank()));
        }
        return new Evaluated(store.save(new NewRequest(result.campaign(), result.ruleSetVersion(), caller, units,
                RuleSetVersion.of(request.ruleSet()))), result.commendations());
    }

    /**
     * The contract v1 response, each evaluation with its {@code id}, and the request's {@code requestId}; with
     * officials, the evaluations' {@code members} and {@code titles} and the request's {@code commendations}, as
     * {@code thidua eval} prints them.
     */
    static void respond(Context ctx, Evaluated evaluated) {
        StoredRequest stored = evaluated.stored();
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("requestId", stored.requestId());
        response.put("campaign", stored.campaign());
        response.put("ruleSetVersion", stored.ruleSetVersion());
        response.put("createdAt", SqliteEvaluationStore.TIME.format(stored.createdAt()));
        ArrayNode evaluations = response.putArray("evaluations");
        for (StoredEvaluation evaluation : stored.evaluations()) {
            ObjectNode item = evaluations.addObject();
            item.put("id", evaluation.id());
            item.setAll((ObjectNode) Json.read(evaluation.resultJson()));
        }
        if (evaluated.commendations() != null) {
            response.set("commendations", Json.MAPPER.valueToTree(evaluated.commendations()));
        }
        Json.respond(ctx, 200, response);
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
        Json.respond(ctx, 200, response);
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
        Json.respond(ctx, 200, response);
    }

    private static ObjectNode header(StoredEvaluation evaluation) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", evaluation.id());
        node.put("requestId", evaluation.requestId());
        node.put("campaign", evaluation.campaign());
        node.put("ruleSetVersion", evaluation.ruleSetVersion());
        node.put("createdAt", SqliteEvaluationStore.TIME.format(evaluation.createdAt()));
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
