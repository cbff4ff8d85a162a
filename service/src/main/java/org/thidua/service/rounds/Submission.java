package org.thidua.service.rounds;

import java.time.Instant;
import java.util.List;

/**
 * One report a unit submitted in a round, kept even when a later one replaces it.
 *
 * @param number       1 for the unit's first submission in the round, then 2, 3 …
 * @param evaluationId the self-assessment: the stored evaluation of exactly what was submitted
 */
public record Submission(String id, String roundId, String unitId, int number, Instant submittedAt, String submittedBy,
                         String evaluationId, List<Evidence> evidence) {
    public Submission {
        evidence = List.copyOf(evidence);
    }
}
