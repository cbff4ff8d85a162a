package org.thidua.service;

import java.time.Instant;

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
}
