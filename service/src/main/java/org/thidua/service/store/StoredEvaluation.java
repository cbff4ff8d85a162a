package org.thidua.service.store;

import java.time.Instant;

import org.thidua.core.Evaluation;
import org.thidua.service.Json;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * One stored unit evaluation: what was asked, what the rules answered, with which rules, when and for whom.
 *
 * @param findingCounts the exact counts of its findings' shares ({@link FindingCounts}); {@code null} when there are
 *                      none, or the row was stored before they were kept
 */
public record StoredEvaluation(
        String id,
        String requestId,
        String campaign,
        String ruleSetVersion,
        String unitId,
        String unitName,
        String kind,
        String reportJson,
        String resultJson,
        double score,
        double points,
        double maxPoints,
        String grade,
        int rankInRequest,
        Instant createdAt,
        String caller,
        String findingCounts) {

    /** A stored evaluation without the counts of its findings' shares (rows stored before they were kept). */
    public StoredEvaluation(String id, String requestId, String campaign, String ruleSetVersion, String unitId,
            String unitName, String kind, String reportJson, String resultJson, double score, double points,
            double maxPoints, String grade, int rankInRequest, Instant createdAt, String caller) {
        this(id, requestId, campaign, ruleSetVersion, unitId, unitName, kind, reportJson, resultJson, score, points,
                maxPoints, grade, rankInRequest, createdAt, caller, null);
    }

    /**
     * The stored result read back as the engine's evaluation (findings, officials, titles), each share's exact counts
     * put back into its finding when they were stored ({@link FindingCounts}).
     */
    public Evaluation evaluation() {
        try {
            return FindingCounts.restore(Json.MAPPER.readValue(resultJson, Evaluation.class), findingCounts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored result of evaluation " + id + " does not read back", e);
        }
    }
}
