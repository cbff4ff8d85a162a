package org.thidua.service.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.thidua.core.Campaign;
import org.thidua.core.Commendation;
import org.thidua.core.Evaluation;
import org.thidua.service.Json;
import org.thidua.service.report.CommendationCsv;
import org.thidua.service.report.CommendationExport;
import org.thidua.service.store.StoredEvaluation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

/**
 * {@code GET /api/v1/campaigns/{id}/commendations}: the proposed commendations of a campaign, made from the latest
 * stored evaluation of each unit (those the ranking shows) exactly as the engine makes them for one request
 * ({@link Commendation#proposed}), in JSON, CSV or XLSX.
 *
 * <p>The format is the {@code format} query parameter ({@code json}, {@code csv}, {@code xlsx}) when there is one;
 * otherwise the first of {@code text/csv}, the XLSX media type or a JSON type named in {@code Accept}; otherwise JSON.
 */
public final class CommendationList {
    static final String CSV = "text/csv; charset=utf-8";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    enum Format { JSON, CSV, XLSX }

    /** A stored evaluation read back as the engine's result, with the id it is stored under. */
    private record Stored(StoredEvaluation row, Evaluation evaluation) {
    }

    private CommendationList() {
    }

    static void respond(Context ctx, Campaign campaign, List<StoredEvaluation> latest, Format format) {
        List<Stored> stored = new ArrayList<>(latest.size());
        for (StoredEvaluation row : latest) {
            stored.add(new Stored(row, row.evaluation()));
        }
        List<Commendation> commendations = Commendation.proposed(campaign, stored.stream().map(Stored::evaluation).toList());
        ctx.header("Vary", "Accept");
        switch (format) {
            case CSV -> attachment(ctx, campaign, "csv", CSV, CommendationCsv.render(commendations).getBytes(StandardCharsets.UTF_8));
            case XLSX -> attachment(ctx, campaign, "xlsx", XLSX, xlsx(commendations));
            case JSON -> JsonResponse.send(ctx, 200, json(campaign, stored, commendations));
        }
    }

    private static ObjectNode json(Campaign campaign, List<Stored> stored, List<Commendation> commendations) {
        Map<String, StoredEvaluation> byUnit = new HashMap<>(); // one latest evaluation per unit
        stored.forEach(s -> byUnit.put(s.row().unitId(), s.row()));
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("campaign", campaign.id());
        response.put("title", campaign.title());
        response.put("units", stored.size());
        ArrayNode withoutMembers = response.putArray("unitsWithoutMembers");
        for (Stored s : stored) {
            if (s.evaluation().members() == null || s.evaluation().members().isEmpty()) {
                withoutMembers.addObject().put("unitId", s.row().unitId()).put("unitName", s.row().unitName())
                        .put("evaluationId", s.row().id());
            }
        }
        ArrayNode list = response.putArray("commendations");
        for (Commendation commendation : commendations) {
            ObjectNode item = Json.MAPPER.valueToTree(commendation);
            StoredEvaluation row = byUnit.get(commendation.unitId());
            item.put("evaluationId", row.id());
            item.put("ruleSetVersion", row.ruleSetVersion());
            list.add(item);
        }
        return response;
    }

    private static byte[] xlsx(List<Commendation> commendations) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            CommendationExport.writeXlsx(commendations, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void attachment(Context ctx, Campaign campaign, String extension, String mediaType, byte[] body) {
        String name = "de-nghi-khen-thuong-" + campaign.id().replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension;
        ctx.status(200);
        ctx.contentType(mediaType);
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.result(body);
    }

    /** The {@code format} parameter, else what {@code Accept} names first, else JSON. */
    static Format format(Context ctx) {
        String parameter = ctx.queryParam("format");
        if (parameter != null) {
            return switch (parameter.trim().toLowerCase(Locale.ROOT)) {
                case "json" -> Format.JSON;
                case "csv" -> Format.CSV;
                case "xlsx" -> Format.XLSX;
                default -> throw ProblemException.badParameter("query.format",
                        "phải là json, csv hoặc xlsx, đã nhận '" + parameter + "' (must be json, csv or xlsx)");
            };
        }
        String accept = ctx.header("Accept");
        if (accept != null) {
            for (String range : accept.split(",")) {
                String type = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
                if (type.equals("text/csv")) {
                    return Format.CSV;
                }
                if (type.equals(XLSX)) {
                    return Format.XLSX;
                }
                if (type.equals("application/json") || type.equals("*/*") || type.equals("application/*")) {
                    return Format.JSON;
                }
            }
        }
        return Format.JSON;
    }
}
