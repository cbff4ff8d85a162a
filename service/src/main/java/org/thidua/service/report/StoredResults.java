package org.thidua.service.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationResult;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.StoredEvaluation;

/**
 * The campaign's current standing read back from the store as a result the report makers take: the latest
 * evaluation of each unit (as {@code GET …/ranking} lists them), ranked campaign-wide, ties in Vietnamese order of
 * names. The service's report pages and {@code thidua report --db} both use it, so they show the same thing.
 */
public final class StoredResults {
    private StoredResults() {
    }

    /** @return {@code null} when no unit has been evaluated for the campaign */
    public static EvaluationResult latest(String campaign, EvaluationStore store) {
        return of(campaign, store.latestPerUnit(campaign));
    }

    /**
     * Stored evaluations (one per unit) ranked campaign-wide as a result: the latest of each unit, or the final
     * results of an assessment round.
     *
     * @return {@code null} when there are none
     */
    public static EvaluationResult of(String campaign, List<StoredEvaluation> latest) {
        if (latest.isEmpty()) {
            return null;
        }
        List<Evaluation> evaluations = new ArrayList<>(latest.size());
        List<String> versions = new ArrayList<>();
        for (Ranking.Place place : Ranking.rank(latest)) {
            Evaluation stored = place.evaluation().evaluation();
            evaluations.add(new Evaluation(stored.unitId(), stored.unitName(), stored.kind(), stored.score(), stored.grade(),
                    place.rank(), stored.findings(), stored.members(), stored.titles(),
                    BigDecimal.valueOf(place.evaluation().points()), BigDecimal.valueOf(place.evaluation().maxPoints())));
            if (!versions.contains(place.evaluation().ruleSetVersion())) {
                versions.add(place.evaluation().ruleSetVersion());
            }
        }
        return new EvaluationResult(campaign, String.join(", ", versions), evaluations);
    }
}
