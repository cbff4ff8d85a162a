package org.thidua.service.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Supplier;

import org.thidua.core.EvaluationException;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.core.RuleSetException;
import org.thidua.service.Json;
import org.thidua.service.live.ImpactPreview;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.RuleSetVersion;
import org.thidua.service.store.Timestamps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

/**
 * {@code GET /api/v1/rulesets/{version}}: a stored rule-set version with its files; and
 * {@code POST /api/v1/campaigns/{id}/preview}: the impact of a candidate edit of a campaign, before it is published.
 */
public final class RuleSetApi {
    static final String PATH = "/api/v1/rulesets/";

    /** The live campaigns, read once per request: a reload meanwhile does not change them under it. */
    private final Supplier<RuleLibrary> libraries;
    private final EvaluationStore store;
    private final long maxBodyBytes;

    RuleSetApi(Supplier<RuleLibrary> libraries, EvaluationStore store, long maxBodyBytes) {
        this.libraries = libraries;
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The address of a rule-set version, as evaluations link to it. */
    public static String link(String version) {
        return PATH + version;
    }

    void find(Context ctx) {
        String version = ctx.pathParam("version");
        RuleSetVersion stored = store.ruleSet(version).orElseThrow(() -> ProblemException.notFound(
                "Không có phiên bản bộ luật '" + version + "' (no such rule-set version)"));
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("version", stored.version());
        response.put("campaign", stored.campaign());
        response.put("firstLiveAt", Timestamps.format(stored.firstLiveAt()));
        RuleSet live = libraries.get().ruleSets().get(stored.campaign());
        response.put("live", live != null && live.version().equals(stored.version()));
        ObjectNode files = response.putObject("files");
        stored.files().forEach(files::put);
        ObjectNode tests = response.putObject("tests");
        stored.tests().forEach(tests::put);
        JsonResponse.send(ctx, 200, response);
    }

    void preview(Context ctx) {
        String id = ctx.pathParam("id");
        RuleLibrary library = libraries.get();
        RuleSet live = library.ruleSets().get(id);
        if (live == null) {
            throw ProblemException.notFound("Không có chiến dịch '" + id + "' đang phục vụ; các chiến dịch: "
                    + library.ruleSets().keySet() + " (no such campaign)");
        }
        byte[] body = RequestBody.readJson(ctx, maxBodyBytes);
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (dòng " + e.getLocation().getLineNr() + ", cột " + e.getLocation().getColumnNr() + ")";
            throw new ProblemException(400, "malformed-json", "Nội dung không phải JSON hợp lệ (malformed JSON)",
                    "Nội dung không phải JSON hợp lệ" + where + " (malformed JSON): " + e.getOriginalMessage(),
                    List.of(new Problem.Item("$", e.getOriginalMessage())), Map.of());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SortedMap<String, String> files = CandidateFiles.read(json, live.ruleFiles());
        RuleSet candidate;
        try {
            candidate = CandidateFiles.compile(id, files);
        } catch (RuleSetException e) {
            throw refused(e.problems().size() + " lỗi trong bản sửa (problems in the candidate); xem problems",
                    e.problems().stream().map(p -> new Problem.Item(p.place(), p.message())).toList());
        }
        ImpactPreview.Impact impact;
        try {
            impact = ImpactPreview.compare(library, candidate, store.latestPerUnit(id));
        } catch (EvaluationException e) {
            throw refused("Bản sửa lỗi khi chạy (the candidate fails while running)", List.of(new Problem.Item(id, e.getMessage())));
        }
        JsonResponse.send(ctx, 200, impact);
    }

    private static ProblemException refused(String detail, List<Problem.Item> problems) {
        return new ProblemException(422, "invalid-rules",
                "Bản sửa bộ luật bị từ chối, bộ luật đang dùng không đổi (candidate rules refused; the live rules are unchanged)",
                detail, problems, Map.of());
    }
}
