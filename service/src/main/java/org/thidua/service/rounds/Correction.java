package org.thidua.service.rounds;

import java.time.Instant;

/**
 * An appraiser's act on a unit's submission, always with a reason: a figure set to another value ({@link Kind#FIGURE}),
 * or a piece of evidence not accepted ({@link Kind#EVIDENCE}).
 *
 * @param figure       the figure's path in the report ({@code satisfaction.satisfied}); {@code null} for evidence
 * @param oldValue     the figure as submitted, JSON text; {@code null} for evidence
 * @param newValue     the figure as corrected, JSON text; {@code null} for evidence
 * @param evidence     the position (from 0) of the evidence not accepted in the submission; {@code null} for a figure
 * @param evaluationId the appraised evaluation of the unit after this correction
 */
public record Correction(String id, String roundId, String unitId, int number, Kind kind, String submissionId,
                         String figure, String oldValue, String newValue, Integer evidence, String reason,
                         Instant correctedAt, String correctedBy, String evaluationId) {
    public enum Kind { FIGURE, EVIDENCE }
}
