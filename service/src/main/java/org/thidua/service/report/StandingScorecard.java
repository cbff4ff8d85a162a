package org.thidua.service.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.thidua.core.AreaFinding;
import org.thidua.core.Campaign;
import org.thidua.core.Evaluation;
import org.thidua.core.Finding;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.StoredEvaluation;

/**
 * The area scorecard of a campaign's stored standing ({@link AreaScorecard#of(Campaign, Iterable)}), worked out from
 * the few facts it reads of each unit's findings on the area's criteria, which are kept across reports by evaluation
 * id. A stored evaluation never changes, so what was read of it once stays true: a report reads whole only the
 * evaluations stored since the last one. Reading and parsing every result of a campaign of 40,000 units was 40% of a
 * report's CPU time, and each report did it again.
 *
 * <p>One per store (ids are the store's own). Bounded: past {@value #KEPT} evaluations it starts afresh.
 */
public final class StandingScorecard {
    static final int KEPT = 200_000;

    private final EvaluationStore store;
    /** Per campaign: the criteria read and, per evaluation id, its findings on them, stripped to what the sums read. */
    private final Map<String, Kept> campaigns = new ConcurrentHashMap<>();

    public StandingScorecard(EvaluationStore store) {
        this.store = store;
    }

    private record Kept(List<String> criteria, Map<String, Evaluation> byId) {
    }

    /** The scorecard of these places, as {@link AreaScorecard#of(Campaign, Iterable)} over them read whole gives it. */
    public List<AreaFinding> of(Campaign campaign, List<Ranking.Place> standing) {
        List<String> criteria = campaign.area().stream().map(Campaign.AreaTarget::criterion).toList();
        if (criteria.isEmpty()) {
            return List.of();
        }
        if (campaigns.values().stream().mapToInt(k -> k.byId().size()).sum() + standing.size() > KEPT) {
            campaigns.clear();
        }
        Kept kept = campaigns.compute(campaign.id(), (id, old) -> old == null || !old.criteria().equals(criteria)
                ? new Kept(criteria, new ConcurrentHashMap<>()) : old);
        List<String> unread = new ArrayList<>();
        for (Ranking.Place place : standing) {
            if (!kept.byId().containsKey(place.evaluation().id())) {
                unread.add(place.evaluation().id());
            }
        }
        for (int from = 0; from < unread.size(); from += StoredResults.CHUNK) { // one chunk of results in memory at a time
            for (StoredEvaluation row : store.evaluations(unread.subList(from, Math.min(unread.size(), from + StoredResults.CHUNK)))) {
                kept.byId().put(row.id(), stripped(row.evaluation(), criteria));
            }
        }
        List<Evaluation> units = new ArrayList<>(standing.size());
        for (Ranking.Place place : standing) {
            Evaluation facts = kept.byId().get(place.evaluation().id());
            if (facts != null) {
                units.add(facts);
            }
        }
        return AreaScorecard.of(campaign, units);
    }

    /** The evaluation with only what the area's sums read of its findings on {@code criteria}. */
    private static Evaluation stripped(Evaluation whole, List<String> criteria) {
        List<Finding> findings = new ArrayList<>(criteria.size());
        for (Finding f : whole.findings()) {
            if (criteria.contains(f.criterion())) {
                findings.add(new Finding(f.criterion(), f.status(), f.actual(), null, 0, 0, null, null, null, f.part(), f.whole()));
            }
        }
        return new Evaluation(whole.unitId(), null, whole.kind(), 0, null, 0, findings);
    }
}
