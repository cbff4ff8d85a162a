package org.thidua.core;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The ranking rule of every result: units by score, best first; ties share a rank and the next rank skips
 * (1, 2, 2, 4). The score compared is the exact ratio of points earned to points possible, not the rounded score
 * shown; a unit with no points possible scores zero. The library ranks each request with it, and an application
 * that ranks results it kept (a campaign-wide standing) uses it too, so both agree.
 */
public final class Ranks {
    private Ranks() {
    }

    /**
     * The rank of each unit, in the order given.
     *
     * @param earned   points earned by each unit
     * @param possible points possible for each unit, in the same order; zero or more
     */
    public static int[] byPoints(List<BigDecimal> earned, List<BigDecimal> possible) {
        if (earned.size() != possible.size()) {
            throw new IllegalArgumentException(earned.size() + " units earned points but " + possible.size() + " have a maximum");
        }
        Integer[] order = new Integer[earned.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> better = (a, b) -> compare(earned.get(b), possible.get(b), earned.get(a), possible.get(a));
        Arrays.sort(order, better);
        int[] ranks = new int[order.length];
        for (int position = 0; position < order.length; position++) {
            boolean tie = position > 0 && better.compare(order[position - 1], order[position]) == 0;
            ranks[order[position]] = tie ? ranks[order[position - 1]] : position + 1;
        }
        return ranks;
    }

    /** Compares earned/possible of two units exactly, by cross-multiplying. */
    static int compare(BigDecimal earnedA, BigDecimal possibleA, BigDecimal earnedB, BigDecimal possibleB) {
        BigDecimal numeratorA = possibleA.signum() == 0 ? BigDecimal.ZERO : earnedA;
        BigDecimal denominatorA = possibleA.signum() == 0 ? BigDecimal.ONE : possibleA;
        BigDecimal numeratorB = possibleB.signum() == 0 ? BigDecimal.ZERO : earnedB;
        BigDecimal denominatorB = possibleB.signum() == 0 ? BigDecimal.ONE : possibleB;
        return numeratorA.multiply(denominatorB).compareTo(numeratorB.multiply(denominatorA));
    }
}
