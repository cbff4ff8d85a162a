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
    /** Units read whole at a time by {@link #streamed}. */
    static final int CHUNK = 500;

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
            evaluations.add(ranked(place.rank(), place.evaluation()));
            if (!versions.contains(place.evaluation().ruleSetVersion())) {
                versions.add(place.evaluation().ruleSetVersion());
            }
        }
        return new EvaluationResult(campaign, String.join(", ", versions), evaluations);
    }

    /**
     * The campaign's standing ranked from rows without bodies ({@link EvaluationStore#latestStandings}): cheap enough
     * for tens of thousands of units; empty when none is stored.
     */
    public static List<Ranking.Place> standing(String campaign, EvaluationStore store) {
        return Ranking.rank(store.latestStandings(campaign));
    }

    /** The places' evaluations whole, with their campaign-wide ranks, read from the store in one go. */
    public static List<Evaluation> whole(List<Ranking.Place> places, EvaluationStore store) {
        List<StoredEvaluation> rows = store.evaluations(places.stream().map(p -> p.evaluation().id()).toList());
        java.util.Map<String, StoredEvaluation> byId = new java.util.HashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        List<Evaluation> whole = new ArrayList<>(places.size());
        for (Ranking.Place place : places) {
            StoredEvaluation row = byId.get(place.evaluation().id());
            if (row != null) {
                whole.add(ranked(place.rank(), row));
            }
        }
        return whole;
    }

    /**
     * The places' evaluations whole, in order, read from the store {@value #CHUNK} at a time as the iteration goes: an
     * export of any size holds one chunk in memory.
     */
    public static Iterable<Evaluation> streamed(List<Ranking.Place> places, EvaluationStore store) {
        return () -> new java.util.Iterator<>() {
            private int next;
            private java.util.Iterator<Evaluation> chunk = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!chunk.hasNext() && next < places.size()) {
                    List<Ranking.Place> part = places.subList(next, Math.min(places.size(), next + CHUNK));
                    next += part.size();
                    chunk = whole(part, store).iterator();
                }
                return chunk.hasNext();
            }

            @Override
            public Evaluation next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return chunk.next();
            }
        };
    }

    private static Evaluation ranked(int rank, StoredEvaluation row) {
        Evaluation stored = row.evaluation();
        return new Evaluation(stored.unitId(), stored.unitName(), stored.kind(), stored.score(), stored.grade(), rank,
                stored.findings(), stored.members(), stored.titles(), stored.groups(), stored.rankingGroup(), stored.gradeNote(),
                BigDecimal.valueOf(row.points()), BigDecimal.valueOf(row.maxPoints()));
    }
}
