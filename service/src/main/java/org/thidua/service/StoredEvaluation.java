package org.thidua.service;

import java.time.Instant;

import org.thidua.core.Evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;

/** One stored unit evaluation: what was asked, what the rules answered, with which rules, when and for whom. */
record StoredEvaluation(
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
    Evaluation evaluation() {
        try {
            return Json.MAPPER.readValue(resultJson, Evaluation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored result of evaluation " + id + " does not read back", e);
        }
    }
}
