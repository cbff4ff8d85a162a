package org.thidua.service.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

import org.thidua.core.RuleLibrary;
import org.thidua.service.Json;
import org.thidua.service.evaluate.EvaluateAndStore;
import org.thidua.service.sheets.SheetFormat;
import org.thidua.service.sheets.SheetFormatException;
import org.thidua.service.store.CursorPage;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.Page;
import org.thidua.service.store.StoredEvaluation;
import org.thidua.service.store.StoredRequest;
import org.thidua.service.store.Timestamps;

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
     * JSON contract v1, or a unit sheet (CSV or XLSX, as {@code thidua eval --input units.csv|xlsx}) evaluated with
     * the campaign of {@code ?campaign=} (for JSON, it overrides the request's own), else the default.
     */
    void evaluate(Context ctx) {
        RuleLibrary library = campaigns.get(); // once: a reload meanwhile does not change this request's rules
        RequestBody.Content body = RequestBody.read(ctx, maxBodyBytes, RequestBody.Kind.JSON, RequestBody.Kind.CSV,
                RequestBody.Kind.XLSX, RequestBody.Kind.ODS);
        String campaign = blankToNull(ctx.queryParam("campaign"));
        String caller = AccessControl.caller(ctx).name();
        if (body.kind() == RequestBody.Kind.JSON) {
            respond(ctx, EvaluateAndStore.json(library, store, body.bytes(), campaign, caller));
            return;
        }
        try {
            respond(ctx, EvaluateAndStore.sheet(library, store, body.bytes(), SheetFormat.ofMediaType(body.kind().mediaType),
                    campaign, caller));
        } catch (SheetFormatException e) {
            throw new SheetFormatProblem(e);
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /**
     * Evaluates a request in JSON contract v1 with its own campaign and stores every evaluation: the use case
     * {@link EvaluateAndStore#json}, as tests and tools that fill a history without answering call it.
     */
    public static StoredRequest evaluateAndStore(RuleLibrary library, EvaluationStore store, byte[] body, String caller) {
        return EvaluateAndStore.json(library, store, body, null, caller).stored();
    }

    /**
     * The contract v1 response the use case wrote before storing (each evaluation with its {@code id}, the request's
     * {@code requestId}; with officials, the {@code commendations}), as {@code thidua eval} prints it plus the ids.
     */
    static void respond(Context ctx, EvaluateAndStore.Evaluated evaluated) {
        ctx.status(200);
        ctx.contentType(JsonResponse.MEDIA_TYPE);
        ctx.result(evaluated.answer());
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

    /**
     * A unit's evaluations, newest first: by keyset ({@code cursor}, the {@code next} of the page before) or, for
     * clients made before cursors, by {@code offset}; at most {@code limit} ({@value #DEFAULT_LIMIT} by default, at most
     * {@value #MAX_LIMIT}).
     */
    void history(Context ctx) {
        String unitId = ctx.pathParam("unitId");
        String campaign = ctx.queryParam("campaign");
        int limit = intParameter(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = intParameter(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        String cursor = Cursor.decode(ctx);
        if (cursor != null && offset > 0) {
            throw ProblemException.badParameter("query.offset", "không dùng cùng cursor (cannot be used with cursor)");
        }
        List<StoredEvaluation> items;
        long total;
        String next = null;
        if (offset > 0) {
            Page<StoredEvaluation> page = store.history(unitId, campaign, limit, offset);
            items = page.items();
            total = page.total();
        } else {
            CursorPage<StoredEvaluation> page;
            try {
                page = store.historyAfter(unitId, campaign, cursor, limit);
            } catch (IllegalArgumentException e) {
                throw Cursor.invalid(ctx.queryParam("cursor"));
            }
            items = page.items();
            total = page.total();
            next = page.next();
        }
        if (total == 0) {
            throw ProblemException.notFound("Đơn vị '" + unitId + "' chưa có kết quả đánh giá nào"
                    + (campaign == null ? "" : " trong chiến dịch '" + campaign + "'") + " (no evaluations of this unit)");
        }
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("unitId", unitId);
        if (campaign != null) {
            response.put("campaign", campaign);
        }
        response.put("total", total);
        response.put("limit", limit);
        response.put("offset", offset);
        ArrayNode list = response.putArray("evaluations");
        for (StoredEvaluation evaluation : items) {
            list.add(summary(evaluation));
        }
        if (next != null) {
            String path = "/api/v1/units/" + encode(unitId) + "/evaluations?limit=" + limit + (campaign == null ? "" : "&campaign=" + encode(campaign));
            next(ctx, response, Cursor.encode(next), path);
        }
        JsonResponse.send(ctx, 200, response);
    }

    /** Puts {@code next} and {@code nextLink} (the path of the next page) in a page, and the same link in a {@code Link} header. */
    static void next(Context ctx, ObjectNode response, String cursor, String pathWithQuery) {
        String link = pathWithQuery + "&cursor=" + cursor;
        response.put("next", cursor);
        response.put("nextLink", link);
        ctx.header("Link", "<" + link + ">; rel=\"next\"");
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
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
        return unitAndScore(header(evaluation), evaluation);
    }

    /** {@code node} with the unit a stored evaluation is of and its score, as a summary and a ranking list them. */
    static ObjectNode unitAndScore(ObjectNode node, StoredEvaluation evaluation) {
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
