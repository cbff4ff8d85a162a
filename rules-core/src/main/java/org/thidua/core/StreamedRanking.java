package org.thidua.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The ranking of units evaluated chunk by chunk ({@link RuleSet#evaluateInChunks}), kept compact: per unit, the
 * index of its distinct total (points earned, points possible, exact) and of its ranking group; the distinct totals
 * once each. Ranks are worked out at the end by the rule of {@link Ranks} (1, 2, 2, 4, within each ranking group), so
 * they equal the ranks one evaluation of every unit at once would give.
 */
final class StreamedRanking {
    private record Total(BigDecimal earned, BigDecimal possible) {
    }

    private final Campaign campaign;
    private final Map<Total, Integer> distinct = new HashMap<>();
    private final List<Total> totals = new ArrayList<>();
    private int[] totalOf = new int[1024];
    private byte[] groupOf = new byte[1024];
    private int units;

    StreamedRanking(Campaign campaign) {
        if (campaign.rankingGroups().size() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("too many ranking groups: " + campaign.rankingGroups().size());
        }
        this.campaign = campaign;
    }

    /** Reads, evaluates and hands over one chunk after another, and ranks every unit at the end. */
    int[] evaluate(Iterator<UnitReport> reports, int chunkSize, Function<List<UnitReport>, EvaluationResult> evaluation,
                   Consumer<EvaluationResult> results) {
        List<UnitReport> chunk = new ArrayList<>(Math.min(chunkSize, 100_000));
        while (reports.hasNext()) {
            chunk.add(reports.next());
            if (chunk.size() == chunkSize || !reports.hasNext()) {
                EvaluationResult evaluated = evaluation.apply(chunk);
                chunk.clear();
                List<Evaluation> unranked = new ArrayList<>(evaluated.evaluations().size());
                for (Evaluation e : evaluated.evaluations()) {
                    add(e);
                    unranked.add(e.withRanking(0, e.grade(), e.rankingGroup(), e.gradeNote())); // ranks need every unit
                }
                results.accept(new EvaluationResult(evaluated.campaign(), evaluated.ruleSetVersion(), unranked,
                        evaluated.commendations()));
            }
        }
        return ranks();
    }

    /** Remembers a unit's exact total and ranking group, in the order the units were read. */
    private void add(Evaluation evaluation) {
        Total total = new Total(evaluation.points(), evaluation.maxPoints());
        Integer index = distinct.get(total);
        if (index == null) {
            index = totals.size();
            distinct.put(total, index);
            totals.add(total);
        }
        if (units == totalOf.length) {
            totalOf = Arrays.copyOf(totalOf, units * 2);
            groupOf = Arrays.copyOf(groupOf, units * 2);
        }
        totalOf[units] = index;
        groupOf[units] = (byte) group(evaluation.kind());
        units++;
    }

    private int group(UnitKind kind) {
        List<Campaign.RankingGroup> groups = campaign.rankingGroups();
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).unitKinds().contains(kind)) {
                return g;
            }
        }
        return groups.isEmpty() ? 0 : -1; // a kind in no group keeps its rank among every unit, as in a batch
    }

    /** The rank of each unit added, in the order added: within its ranking group, or among every unit. */
    private int[] ranks() {
        int groups = Math.max(1, campaign.rankingGroups().size());
        int[][] unitsWith = new int[groups + 1][totals.size()]; // the last: every unit, for a kind in no group
        for (int i = 0; i < units; i++) {
            if (groupOf[i] >= 0) {
                unitsWith[groupOf[i]][totalOf[i]]++;
            }
            unitsWith[groups][totalOf[i]]++;
        }
        int[][] rankOf = new int[groups + 1][];
        for (int g = 0; g <= groups; g++) {
            rankOf[g] = rank(unitsWith[g]);
        }
        int[] ranks = new int[units];
        for (int i = 0; i < units; i++) {
            ranks[i] = rankOf[groupOf[i] < 0 ? groups : groupOf[i]][totalOf[i]];
        }
        return ranks;
    }

    /** Rank of each distinct total held by some unit: 1 + the units with a strictly higher score. */
    private int[] rank(int[] unitsWith) {
        List<Integer> held = new ArrayList<>();
        for (int t = 0; t < unitsWith.length; t++) {
            if (unitsWith[t] > 0) {
                held.add(t);
            }
        }
        held.sort((a, b) -> compare(totals.get(b), totals.get(a)));
        int[] rank = new int[unitsWith.length];
        int above = 0;
        for (int k = 0; k < held.size(); ) {
            int tied = k;
            int count = 0;
            while (tied < held.size() && compare(totals.get(held.get(tied)), totals.get(held.get(k))) == 0) {
                count += unitsWith[held.get(tied++)];
            }
            for (int t = k; t < tied; t++) {
                rank[held.get(t)] = above + 1;
            }
            above += count;
            k = tied;
        }
        return rank;
    }

    /** earned / possible of two totals, exactly; a total with nothing possible scores zero (as {@link Ranks}). */
    private static int compare(Total a, Total b) {
        return Ranks.compare(a.earned(), a.possible(), b.earned(), b.possible());
    }
}
