package org.thidua.service.rounds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.thidua.core.EvaluationResult;
import org.thidua.service.report.Ranking;
import org.thidua.service.report.StoredResults;
import org.thidua.service.store.StoredEvaluation;

/**
 * A round's results: each unit that submitted, ranked by the evaluation it stands on (the appraised one when an
 * appraiser corrected it, else its self-assessment), with both side by side and the corrections with their reasons;
 * and the units asked that have not submitted. Final when the round is closed.
 */
public record RoundResults(Round round, List<UnitResult> units, List<String> notSubmitted) {
    /**
     * One unit's result.
     *
     * @param appraised   {@code null} when nothing was corrected
     * @param corrections every correction made to the unit's submissions in the round, oldest first
     */
    public record UnitResult(int rank, StoredEvaluation self, StoredEvaluation appraised, int submissions,
                             List<Correction> corrections) {
        public StoredEvaluation standing() {
            return appraised != null ? appraised : self;
        }
    }

    public boolean isFinal() {
        return !round.isOpen();
    }

    /** The evaluations the units stand on, in ranking order: what the ranking, exports and commendations are made of. */
    public List<StoredEvaluation> standings() {
        return units.stream().map(UnitResult::standing).toList();
    }

    /** The results as the report makers take them (ranked, as the ranking page and exports show them). */
    public EvaluationResult asResult() {
        return StoredResults.of(round.campaign(), standings());
    }

    static RoundResults of(Round round, List<UnitStanding> standings, List<Correction> corrections, List<Submission> submissions,
                           Function<String, StoredEvaluation> evaluation) {
        Map<String, StoredEvaluation> standOn = new HashMap<>();
        Map<String, StoredEvaluation> selves = new HashMap<>();
        Map<String, StoredEvaluation> appraisals = new HashMap<>();
        List<StoredEvaluation> ranked = new ArrayList<>();
        for (UnitStanding standing : standings) {
            StoredEvaluation self = evaluation.apply(standing.selfEvaluationId());
            selves.put(standing.unitId(), self);
            StoredEvaluation appraised = standing.appraisedEvaluationId() == null ? null : evaluation.apply(standing.appraisedEvaluationId());
            if (appraised != null) {
                appraisals.put(standing.unitId(), appraised);
            }
            StoredEvaluation on = appraised != null ? appraised : self;
            standOn.put(standing.unitId(), on);
            ranked.add(on);
        }
        List<UnitResult> units = new ArrayList<>();
        for (Ranking.Place place : Ranking.rank(ranked)) {
            String unitId = place.evaluation().unitId();
            units.add(new UnitResult(place.rank(), selves.get(unitId), appraisals.get(unitId),
                    (int) submissions.stream().filter(s -> s.unitId().equals(unitId)).count(),
                    corrections.stream().filter(c -> c.unitId().equals(unitId)).toList()));
        }
        List<String> notSubmitted = round.expectedUnits().stream().filter(u -> !standOn.containsKey(u)).toList();
        return new RoundResults(round, units, notSubmitted);
    }
}
