package org.thidua.service.store;

import java.time.Instant;

import org.thidua.core.Evaluation;
import org.thidua.service.Json;

import com.fasterxml.jackson.core.JsonProcessingException;

/** One stored unit evaluation: what was asked, what the rules answered, with which rules, when and for whom. */
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
        String caller) {

    /** The stored result read back as the engine's evaluation (findings, officials, titles). */
    public Evaluation evaluation() {
        try {
            return Json.MAPPER.readValue(resultJson, Evaluation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored result of evaluation " + id + " does not read back", e);
        }
    }
}
