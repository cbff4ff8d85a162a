package org.thidua.service.store;

import java.time.Instant;
import java.util.List;

/** A stored request: its id, campaign and rules, when it was committed, and its evaluations in reporting order. */
public record StoredRequest(String requestId, String campaign, String ruleSetVersion, Instant createdAt, List<StoredEvaluation> evaluations) {
    public StoredRequest {
        evaluations = List.copyOf(evaluations);
    }
}
