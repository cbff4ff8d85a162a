package org.thidua.service.rounds;

/**
 * A unit's standing in a round: its latest self-assessment and, once an appraiser has corrected it, the appraised
 * evaluation. While the round is closed these are its final results.
 *
 * @param appraisedEvaluationId {@code null} while nothing has been corrected
 */
public record UnitStanding(String roundId, String unitId, String selfEvaluationId, String appraisedEvaluationId) {
    /** The evaluation the unit stands on: the appraised one when there is one, else its own. */
    public String finalEvaluationId() {
        return appraisedEvaluationId != null ? appraisedEvaluationId : selfEvaluationId;
    }
}
