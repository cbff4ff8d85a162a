package org.thidua.core;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to an evaluation request (JSON contract v1): the campaign, the version of the rules that made
 * the results, and one evaluation per reported unit, in the order the units were reported.
 *
 * @param commendations the proposed commendations: every title a unit or official qualifies for, in the
 *                      order of the campaign's titles, then of the reports; {@code null} when the request
 *                      carried no members
 */
public record EvaluationResult(
        String campaign,
        String ruleSetVersion,
        List<Evaluation> evaluations,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Commendation> commendations) {

    public EvaluationResult {
        evaluations = List.copyOf(evaluations);
        commendations = commendations == null ? null : List.copyOf(commendations);
    }

    /** A result of units alone, without members (no commendations). */
    public EvaluationResult(String campaign, String ruleSetVersion, List<Evaluation> evaluations) {
        this(campaign, ruleSetVersion, evaluations, null);
    }

    /** The evaluations ordered by rank, ties in reporting order. */
    public List<Evaluation> ranking() {
        return evaluations.stream().sorted(java.util.Comparator.comparingInt(Evaluation::rank)).toList();
    }

    /** The evaluation of a unit id. */
    public java.util.Optional<Evaluation> evaluation(String unitId) {
        return evaluations.stream().filter(e -> e.unitId().equals(unitId)).findFirst();
    }
}
