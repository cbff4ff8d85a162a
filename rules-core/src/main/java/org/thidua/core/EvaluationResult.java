package org.thidua.core;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The answer to an evaluation request (JSON contract v1): the campaign, the version of the rules that made
 * the results, and one evaluation per reported unit, in the order the units were reported.
 *
 * @param commendations the proposed commendations: every title a unit or official qualifies for, in the
 *                      order of the campaign's titles, then of the reports; {@code null} when the request
 *                      carried no members
 * @param area          the area's scorecard: the campaign's targets for the whole area, worked out over the units
 *                      evaluated together ({@link AreaFinding}), in the order of campaign.yaml; {@code null} when the
 *                      campaign declares none (then the JSON is exactly as before). In JSON it comes before the
 *                      evaluations, as leaders read it: the plan's own answer first, then the ranking.
 */
@JsonPropertyOrder({"campaign", "ruleSetVersion", "area", "evaluations", "commendations"})
public record EvaluationResult(
        String campaign,
        String ruleSetVersion,
        List<Evaluation> evaluations,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Commendation> commendations,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AreaFinding> area) {

    public EvaluationResult {
        evaluations = List.copyOf(evaluations);
        commendations = commendations == null ? null : List.copyOf(commendations);
        area = area == null || area instanceof AreaFinding.Scorecard ? area : List.copyOf(area); // a scorecard is made when read
    }

    /** A result without an area scorecard. */
    public EvaluationResult(String campaign, String ruleSetVersion, List<Evaluation> evaluations, List<Commendation> commendations) {
        this(campaign, ruleSetVersion, evaluations, commendations, null);
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
