package org.thidua.service.report;

import java.math.BigDecimal;
import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        int[] ranks = ranks(evaluations);
        // Each name's collation key is made once: comparing keys orders as the collator does, and the collator's own
        // compare, n log n times over Vietnamese names, was nearly all of the time a ranking of 40,000 units took.
        List<Keyed> keyed = new ArrayList<>(evaluations.size());
        for (int i = 0; i < evaluations.size(); i++) {
            StoredEvaluation evaluation = evaluations.get(i);
            keyed.add(new Keyed(new Place(ranks[i], evaluation), KEYS.of(evaluation.unitName())));
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
     * Each evaluation's rank by {@link Ranks#byPoints}, worked out over the distinct pairs of points earned and possible
     * (a campaign of 40,000 units has a few dozen): a unit's rank is one more than the units whose pair ranks better.
     * The same ranks as {@code Ranks.byPoints} over every unit, without its n log n exact comparisons.
     */
    static int[] ranks(List<StoredEvaluation> evaluations) {
        Map<Points, Integer> distinct = new HashMap<>();
        List<Points> pairs = new ArrayList<>();
        int[] pairOf = new int[evaluations.size()];
        for (int i = 0; i < evaluations.size(); i++) {
            StoredEvaluation e = evaluations.get(i);
            Points points = new Points(e.points(), e.maxPoints());
            Integer known = distinct.putIfAbsent(points, pairs.size());
            if (known == null) {
                known = pairs.size();
                pairs.add(points);
            }
            pairOf[i] = known;
        }
        int[] pairRanks = Ranks.byPoints(pairs.stream().map(p -> BigDecimal.valueOf(p.earned())).toList(),
                pairs.stream().map(p -> BigDecimal.valueOf(p.possible())).toList());
        // units per pair rank, then the units ranked better than each pair rank
        int[] unitsAt = new int[pairs.size() + 2];
        for (int pair : pairOf) {
            unitsAt[pairRanks[pair]]++;
        }
        int[] better = new int[pairs.size() + 2];
        for (int rank = 2; rank < better.length; rank++) {
            better[rank] = better[rank - 1] + unitsAt[rank - 1];
        }
        int[] ranks = new int[evaluations.size()];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = better[pairRanks[pairOf[i]]] + 1;
        }
        return ranks;
    }

    private record Points(double earned, double possible) {
    }

    /**
     * The collation keys of the names ranked lately, kept across rankings: making them was then most of the CPU time
     * of a ranking of 40,000 units (0.9 of 1.4 s), and the names of a campaign's units seldom change between two of
     * its rankings. A key depends on the name alone. Bounded: past {@value #KEYS_KEPT} names it starts afresh.
     */
    private static final NameKeys KEYS = new NameKeys();
    static final int KEYS_KEPT = 100_000;

    private static final class NameKeys {
        private final Map<String, CollationKey> kept = new ConcurrentHashMap<>();

        CollationKey of(String name) {
            CollationKey key = kept.get(name);
            if (key == null) {
                if (kept.size() >= KEYS_KEPT) {
                    kept.clear();
                }
                key = VIETNAMESE.get().getCollationKey(name);
                kept.put(name, key);
            }
            return key;
        }
    }

    /** A collator per thread: a {@link Collator} is not safe to share between threads that use it at once. */
    private static final ThreadLocal<Collator> VIETNAMESE = ThreadLocal.withInitial(Ranking::vietnamese);

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
