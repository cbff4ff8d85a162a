package org.thidua.service.report;

import java.math.BigDecimal;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.thidua.core.Ranks;
import org.thidua.service.store.StoredEvaluation;

/**
 * Ranks stored evaluations campaign-wide with the library's rule ({@link Ranks}: by the exact ratio of points
 * earned to points possible, ties share a rank, 1, 2, 2, 4), best first; units that tie are listed by name in
 * Vietnamese order.
 */
public final class Ranking {
    /** An evaluation with its place. */
    public record Place(int rank, StoredEvaluation evaluation) {
    }

    private Ranking() {
    }

    public static List<Place> rank(List<StoredEvaluation> evaluations) {
        int[] ranks = Ranks.byPoints(evaluations.stream().map(e -> BigDecimal.valueOf(e.points())).toList(),
                evaluations.stream().map(e -> BigDecimal.valueOf(e.maxPoints())).toList());
        List<Place> places = new ArrayList<>(evaluations.size());
        for (int i = 0; i < evaluations.size(); i++) {
            places.add(new Place(ranks[i], evaluations.get(i)));
        }
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        places.sort(Comparator.comparingInt(Place::rank)
                .thenComparing((Place p) -> p.evaluation().unitName(), vietnamese)
                .thenComparing(p -> p.evaluation().unitId()));
        return places;
    }
}
