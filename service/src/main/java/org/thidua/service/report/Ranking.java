package org.thidua.service.report;

import java.math.BigDecimal;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.thidua.service.store.StoredEvaluation;

/**
 * Ranks stored evaluations by score, best first; ties share a rank (1, 2, 2, 4). Scores are compared as the exact
 * ratio of points earned to points possible, not the rounded score shown, as the core ranks them. Units that tie
 * are listed by name in Vietnamese order.
 */
public final class Ranking {
    /** An evaluation with its place. */
    public record Place(int rank, StoredEvaluation evaluation) {
    }

    private Ranking() {
    }

    public static List<Place> rank(List<StoredEvaluation> evaluations) {
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        Comparator<StoredEvaluation> best = Ranking::compareRatio;
        List<StoredEvaluation> sorted = new ArrayList<>(evaluations);
        sorted.sort(best.reversed()
                .thenComparing(StoredEvaluation::unitName, vietnamese)
                .thenComparing(StoredEvaluation::unitId));
        List<Place> places = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            boolean tiesPrevious = i > 0 && compareRatio(sorted.get(i), sorted.get(i - 1)) == 0;
            places.add(new Place(tiesPrevious ? places.get(i - 1).rank() : i + 1, sorted.get(i)));
        }
        return places;
    }

    /** Compares points/maxPoints exactly by cross-multiplying; no points possible scores zero. */
    private static int compareRatio(StoredEvaluation a, StoredEvaluation b) {
        return numerator(a).multiply(denominator(b)).compareTo(numerator(b).multiply(denominator(a)));
    }

    private static BigDecimal numerator(StoredEvaluation e) {
        return e.maxPoints() == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(e.points());
    }

    private static BigDecimal denominator(StoredEvaluation e) {
        return e.maxPoints() == 0 ? BigDecimal.ONE : BigDecimal.valueOf(e.maxPoints());
    }
}
