package org.thidua.core;

import java.util.List;

/**
 * The answer to an evaluation request (JSON contract v1): the campaign, the version of the rules that made
 * the results, and one evaluation per reported unit, in the order the units were reported.
 */
public record EvaluationResult(String campaign, String ruleSetVersion, List<Evaluation> evaluations) {
    public EvaluationResult {
        evaluations = List.copyOf(evaluations);
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
