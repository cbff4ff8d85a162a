package org.thidua.service.http;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.thidua.core.Campaign;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.core.json.ContractV1;
import org.thidua.service.Json;
import org.thidua.service.report.TableExport;
import org.thidua.service.rounds.Actor;
import org.thidua.service.rounds.AssessmentRounds;
import org.thidua.service.rounds.Round;
import org.thidua.service.rounds.RoundException;
import org.thidua.service.rounds.RoundResults;
import org.thidua.service.rounds.RoundTables;
import org.thidua.service.sheets.SheetFormat;
import org.thidua.service.sheets.SheetFormatException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

/**
 * The assessment rounds over HTTP ({@code /api/v1/campaigns/{id}/rounds}, {@code /api/v1/rounds/…}): the use cases of
 * {@link AssessmentRounds}, their refusals as problems. A caller with a staff role for the route acts on every unit;
 * one with only {@link Role#UNIT} acts for the units its token names.
 */
public final class RoundApi {
    private final AssessmentRounds rounds;
    private final Supplier<RuleLibrary> campaigns;
    private final long maxBodyBytes;

    RoundApi(AssessmentRounds rounds, Supplier<RuleLibrary> campaigns, long maxBodyBytes) {
        this.rounds = rounds;
        this.campaigns = campaigns;
        this.maxBodyBytes = maxBodyBytes;
    }

    void open(Context ctx) {
        JsonNode body = body(ctx);
        List<String> units = new ArrayList<>();
        JsonNode listed = body.get("units");
        if (listed != null && !listed.isNull()) {
            if (!listed.isArray()) {
                throw problem(RoundException.invalid("units", "phải là một mảng mã đơn vị (must be an array of unit ids)"));
            }
            listed.forEach(u -> units.add(u.asText()));
        }
        Round round = call(() -> rounds.open(ctx.pathParam("id"), text(body, "period"), text(body, "deadline"), units,
                actor(ctx, Role.EVALUATE)));
        JsonResponse.send(ctx, 201, RoundJson.round(round));
    }

    void list(Context ctx) {
        String campaign = ctx.pathParam("id");
        List<Round> list = call(() -> rounds.rounds(campaign));
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("campaign", campaign);
        ArrayNode items = response.putArray("rounds");
        list.forEach(r -> items.add(RoundJson.round(r)));
        JsonResponse.send(ctx, 200, response);
    }

    void find(Context ctx) {
        JsonResponse.send(ctx, 200, RoundJson.overview(call(() -> rounds.results(ctx.pathParam("roundId")))));
    }

    /** JSON ({@code {"report", "evidence"}}), or the unit's row of a unit sheet (CSV, XLSX, ODS). */
    void submit(Context ctx) {
        RequestBody.Content content = RequestBody.read(ctx, maxBodyBytes, RequestBody.Kind.JSON, RequestBody.Kind.CSV,
                RequestBody.Kind.XLSX, RequestBody.Kind.ODS);
        String roundId = ctx.pathParam("roundId");
        String unitId = ctx.pathParam("unitId");
        Actor actor = actor(ctx, Role.EVALUATE);
        AssessmentRounds.Submitted submitted;
        if (content.kind() == RequestBody.Kind.JSON) {
            JsonNode body = object(content.bytes());
            submitted = call(() -> rounds.submit(roundId, unitId, body, actor));
        } else {
            try {
                submitted = rounds.submitSheet(roundId, unitId, content.bytes(), SheetFormat.ofMediaType(content.kind().mediaType), actor);
            } catch (SheetFormatException e) {
                throw new SheetFormatProblem(e);
            } catch (RoundException e) {
                throw problem(e);
            }
        }
        JsonResponse.send(ctx, 201, RoundJson.submitted(submitted.submission(), submitted.selfAssessment()));
    }

    void unit(Context ctx) {
        JsonResponse.send(ctx, 200, RoundJson.unit(call(() -> rounds.unit(ctx.pathParam("roundId"), ctx.pathParam("unitId"),
                actor(ctx, Role.READ, Role.EVALUATE, Role.APPRAISE)))));
    }

    /** {@code {"figure": "satisfaction.satisfied", "value": 180, "reason": …}} or {@code {"evidence": 0, "reason": …}}. */
    void correct(Context ctx) {
        JsonNode body = body(ctx);
        String roundId = ctx.pathParam("roundId");
        String unitId = ctx.pathParam("unitId");
        Actor actor = actor(ctx, Role.APPRAISE);
        boolean evidence = body.has("evidence");
        if (evidence == body.has("figure")) {
            throw problem(RoundException.invalid("figure", "cần đúng một trong hai: figure (sửa số liệu) hoặc evidence (không chấp nhận"
                    + " minh chứng) (give either figure or evidence)"));
        }
        if (evidence && !body.get("evidence").canConvertToExactIntegral()) {
            throw problem(RoundException.invalid("evidence", "phải là số thứ tự của minh chứng, từ 0 (the evidence's position)"));
        }
        var correction = call(() -> evidence
                ? rounds.rejectEvidence(roundId, unitId, body.get("evidence").asInt(), text(body, "reason"), actor)
                : rounds.correctFigure(roundId, unitId, text(body, "figure"), body.get("value"), text(body, "reason"), actor));
        JsonResponse.send(ctx, 201, RoundJson.correction(correction));
    }

    void close(Context ctx) {
        JsonNode body = optionalBody(ctx);
        JsonResponse.send(ctx, 200, RoundJson.round(call(() -> rounds.close(ctx.pathParam("roundId"), text(body, "reason"),
                actor(ctx, Role.EVALUATE)))));
    }

    /** {@code {"deadline": "2026-12-20", "reason": …}}: an open round's deadline moved, later or earlier. */
    void deadline(Context ctx) {
        JsonNode body = body(ctx);
        JsonResponse.send(ctx, 200, RoundJson.round(call(() -> rounds.changeDeadline(ctx.pathParam("roundId"), text(body, "deadline"),
                text(body, "reason"), actor(ctx, Role.EVALUATE)))));
    }

    void reopen(Context ctx) {
        JsonNode body = optionalBody(ctx);
        JsonResponse.send(ctx, 200, RoundJson.round(call(() -> rounds.reopen(ctx.pathParam("roundId"), text(body, "reason"),
                actor(ctx, Role.EVALUATE)))));
    }

    /** The round's results: JSON (self-assessed beside appraised, per criterion), or the table as CSV or XLSX. */
    void results(Context ctx, CommendationList.Format format) {
        RoundResults results = call(() -> rounds.results(ctx.pathParam("roundId")));
        download(ctx, format, () -> RoundJson.results(results), "ket-qua-ky-" + results.round().id(), () -> RoundTables.results(results));
    }

    /** The commendations the round's final results propose; a round still open has none yet. */
    void commendations(Context ctx, CommendationList.Format format) {
        RoundResults results = call(() -> rounds.results(ctx.pathParam("roundId")));
        if (!results.isFinal()) {
            throw new ProblemException(409, "round-open", "Kỳ đánh giá chưa đóng (the round is open)",
                    "Đề nghị khen thưởng lập từ kết quả chính thức: đóng kỳ " + results.round().id() + " trước"
                            + " (commendations come from a closed round's final results)");
        }
        CommendationList.respond(ctx, campaign(results.round().campaign()), results.standings(), format);
    }

    /** The round's audit trail, or one unit's ({@code ?unit=}). */
    void audit(Context ctx, CommendationList.Format format) {
        String roundId = ctx.pathParam("roundId");
        String unit = EvaluationApi.blankToNull(ctx.queryParam("unit"));
        var entries = call(() -> rounds.audit(roundId, unit));
        download(ctx, format, () -> RoundJson.audit(roundId, entries), "nhat-ky-ky-" + roundId, () -> RoundTables.audit(entries));
    }

    private Campaign campaign(String id) {
        RuleSet ruleSet = campaigns.get().ruleSets().get(id);
        if (ruleSet == null) {
            throw ProblemException.notFound("Không có chiến dịch '" + id + "' (no such campaign)");
        }
        return ruleSet.campaign();
    }

    /** Answers {@code json}, or {@code table} as {@code name.csv} or {@code name.xlsx}, as {@code format} asks. */
    private static void download(Context ctx, CommendationList.Format format, Supplier<JsonNode> json, String name,
                                 Supplier<TableExport> table) {
        if (format == CommendationList.Format.JSON) {
            JsonResponse.send(ctx, 200, json.get());
            return;
        }
        boolean xlsx = format == CommendationList.Format.XLSX;
        ctx.status(200);
        ctx.contentType(xlsx ? CommendationList.XLSX : CommendationList.CSV);
        ctx.header("Vary", "Accept");
        ReportApi.attachment(ctx, (name + (xlsx ? ".xlsx" : ".csv")).replaceAll("[^A-Za-z0-9._-]", "_"));
        TableExport written = table.get();
        ctx.result(ReportApi.bytes(out -> {
            if (xlsx) {
                written.writeXlsx(out);
            } else {
                written.writeCsv(out);
            }
        }));
    }

    /** The caller as the rounds see it: staff when it holds one of {@code staffRoles}, else a unit's token. */
    static Actor actor(Context ctx, Role... staffRoles) {
        Caller caller = AccessControl.caller(ctx);
        for (Role role : staffRoles) {
            if (caller.roles().contains(role)) {
                return Actor.staff(caller.name());
            }
        }
        return new Actor(caller.name(), caller.roles().contains(Role.UNIT) ? caller.units() : Set.of());
    }

    private JsonNode body(Context ctx) {
        return object(RequestBody.readJson(ctx, maxBodyBytes));
    }

    private static JsonNode object(byte[] bytes) {
        JsonNode body = ContractV1.parse(new ByteArrayInputStream(bytes));
        if (!body.isObject()) {
            throw problem(RoundException.invalid("$", "phải là một đối tượng JSON (must be a JSON object)"));
        }
        return body;
    }

    private JsonNode optionalBody(Context ctx) {
        return ctx.contentLength() == 0 ? Json.MAPPER.createObjectNode() : body(ctx);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }

    private static <T> T call(Supplier<T> act) {
        try {
            return act.get();
        } catch (RoundException e) {
            throw problem(e);
        }
    }

    static ProblemException problem(RoundException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> ProblemException.notFound(e.getMessage());
            case FORBIDDEN -> new ProblemException(403, "forbidden", "Không đủ quyền (forbidden)", e.getMessage());
            case CONFLICT -> new ProblemException(409, "round-conflict", "Kỳ đánh giá không cho phép thao tác này (round conflict)",
                    e.getMessage());
            case INVALID -> new ProblemException(422, "invalid-input", "Dữ liệu bị từ chối, không có gì được lưu (request refused,"
                    + " nothing stored)", e.getMessage(), e.faults().stream().map(f -> new Problem.Item(f.path(), f.message())).toList(),
                    java.util.Map.of());
        };
    }
}
