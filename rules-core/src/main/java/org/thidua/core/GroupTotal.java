package org.thidua.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit's subtotal for one group (lĩnh vực) of the campaign's criteria: the points earned on the group's criteria
 * that count for the unit, of the points they are worth. A bonus or penalty in a group adds to (or takes from) its
 * points, never to its maximum.
 *
 * @param group     the group as the criteria sheet (or campaign.yaml) names it, for example {@code I. Chỉ đạo, điều hành}
 * @param points    points earned, to two decimals
 * @param maxPoints points the group's counted criteria are worth for this unit
 */
public record GroupTotal(String group, double points, double maxPoints) {

    /** The subtotals of each evaluation, in the order the groups first appear in the campaign; unchanged without groups. */
    static EvaluationResult attach(Campaign campaign, EvaluationResult result) {
        if (!campaign.hasGroups()) {
            return result;
        }
        Map<String, String> groupOf = new LinkedHashMap<>();
        java.util.Set<String> excludedWhenNoData = new java.util.HashSet<>();
        for (Campaign.Criterion c : campaign.criteria()) {
            groupOf.put(c.id(), c.group() == null ? "" : c.group());
            if (!c.countsNoData()) {
                excludedWhenNoData.add(c.id());
            }
        }
        List<String> groups = groupOf.values().stream().distinct().filter(g -> !g.isEmpty()).toList();
        List<Evaluation> evaluations = new ArrayList<>(result.evaluations().size());
        for (Evaluation e : result.evaluations()) {
            Map<String, java.math.BigDecimal[]> sums = new LinkedHashMap<>();
            groups.forEach(g -> sums.put(g, new java.math.BigDecimal[] {java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO}));
            for (Finding f : e.findings()) {
                java.math.BigDecimal[] sum = sums.get(groupOf.getOrDefault(f.criterion(), ""));
                boolean counted = f.status() != Status.NOT_APPLICABLE
                        && !(f.status() == Status.NO_DATA && excludedWhenNoData.contains(f.criterion()));
                if (sum != null && counted) {
                    sum[0] = sum[0].add(java.math.BigDecimal.valueOf(f.points()));
                    sum[1] = sum[1].add(java.math.BigDecimal.valueOf(f.maxPoints()));
                }
            }
            List<GroupTotal> totals = new ArrayList<>();
            sums.forEach((g, sum) -> totals.add(new GroupTotal(g, sum[0].doubleValue(), sum[1].doubleValue())));
            evaluations.add(e.withGroups(totals));
        }
        return new EvaluationResult(result.campaign(), result.ruleSetVersion(), evaluations, result.commendations());
    }
}
