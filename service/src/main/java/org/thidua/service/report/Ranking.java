package org.thidua.service.report;

import java.math.BigDecimal;
import java.text.CollationKey;
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
        String unitName() {
            return evaluation.unitName();
        }

        String unitId() {
            return evaluation.unitId();
        }
    }

    private Ranking() {
    }

    public static List<Place> rank(List<StoredEvaluation> evaluations) {
        int[] ranks = Ranks.byPoints(evaluations.stream().map(e -> BigDecimal.valueOf(e.points())).toList(),
                evaluations.stream().map(e -> BigDecimal.valueOf(e.maxPoints())).toList());
        // Each name's collation key is made once: comparing keys orders as the collator does, and the collator's own
        // compare, n log n times over Vietnamese names, was nearly all of the time a ranking of 40,000 units took.
        Collator vietnamese = vietnamese();
        List<Keyed> keyed = new ArrayList<>(evaluations.size());
        for (int i = 0; i < evaluations.size(); i++) {
            StoredEvaluation evaluation = evaluations.get(i);
            keyed.add(new Keyed(new Place(ranks[i], evaluation), vietnamese.getCollationKey(evaluation.unitName())));
        }
        keyed.sort(Comparator.comparingInt((Keyed k) -> k.place().rank()).thenComparing(Keyed::name)
                .thenComparing(k -> k.place().unitId()));
        List<Place> places = new ArrayList<>(keyed.size());
        keyed.forEach(k -> places.add(k.place()));
        return places;
    }

    private record Keyed(Place place, CollationKey name) {
    }

    /**
     * Where a page that continues after the unit ({@code rank}, {@code unitName}, {@code unitId}) starts in a ranking
     * {@link #rank} made: the first place that sorts after it. Keyset, not offset: when units were evaluated between
     * two pages, the next page still starts after the last unit shown (a unit that moved is listed where it now is).
     */
    public static int after(List<Place> ranked, int rank, String unitName, String unitId) {
        Collator vietnamese = vietnamese();
        int low = 0;
        int high = ranked.size();
        while (low < high) { // the first place greater than the key
            int middle = (low + high) >>> 1;
            Place p = ranked.get(middle);
            int order = p.rank() != rank ? Integer.compare(p.rank(), rank)
                    : vietnamese.compare(p.unitName(), unitName) != 0 ? vietnamese.compare(p.unitName(), unitName)
                    : p.unitId().compareTo(unitId);
            if (order <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static Collator vietnamese() {
        return Collator.getInstance(Locale.forLanguageTag("vi"));
    }
}
