package org.thidua.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Score, grade and rank from findings. Score = 100 × points earned / points of the criteria that count;
 * grades and ranks compare exact sums, not the rounded score shown.
 */
final class Scoring {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private record Total(BigDecimal earned, BigDecimal max) {
        /** Compares earned/max exactly by cross-multiplying; an empty maximum scores zero. */
        int compareTo(Total other) {
            return numerator().multiply(other.denominator()).compareTo(other.numerator().multiply(denominator()));
        }

        private BigDecimal numerator() {
            return max.signum() == 0 ? BigDecimal.ZERO : earned;
        }

        private BigDecimal denominator() {
            return max.signum() == 0 ? BigDecimal.ONE : max;
        }

        boolean reaches(double minScore) {
            return max.signum() == 0
                    ? minScore <= 0
                    : earned.multiply(HUNDRED).compareTo(BigDecimal.valueOf(minScore).multiply(max)) >= 0;
        }

        double score() {
            return max.signum() == 0 ? 0 : earned.multiply(HUNDRED).divide(max, 2, RoundingMode.HALF_UP).doubleValue();
        }
    }

    private Scoring() {
    }

    static EvaluationResult score(Campaign campaign, String version, List<UnitReport> reports, List<List<Finding>> findings) {
        List<Total> totals = new ArrayList<>(reports.size());
        for (List<Finding> unitFindings : findings) {
            BigDecimal earned = BigDecimal.ZERO;
            BigDecimal max = BigDecimal.ZERO;
            for (Finding finding : unitFindings) {
                boolean excluded = finding.status() == Status.NOT_APPLICABLE
                        || (finding.status() == Status.NO_DATA
                        && !campaign.criterion(finding.criterion()).map(Campaign.Criterion::countsNoData).orElse(true));
                if (!excluded) {
                    earned = earned.add(BigDecimal.valueOf(finding.points()));
                    max = max.add(BigDecimal.valueOf(finding.maxPoints()));
                }
            }
            totals.add(new Total(earned, max));
        }
        int[] ranks = ranks(totals);
        List<Evaluation> evaluations = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            Unit unit = reports.get(i).unit();
            Total total = totals.get(i);
            String grade = campaign.grades().stream().filter(g -> total.reaches(g.minScore())).findFirst()
                    .map(Campaign.GradeBand::code).orElse(campaign.grades().get(campaign.grades().size() - 1).code());
            evaluations.add(new Evaluation(unit.id(), unit.name(), unit.kind(), total.score(), grade, ranks[i], findings.get(i)));
        }
        return new EvaluationResult(campaign.id(), version, evaluations);
    }

    /** Competition ranking: higher score first, ties share a rank, the next rank skips (1, 2, 2, 4). */
    private static int[] ranks(List<Total> totals) {
        Integer[] order = new Integer[totals.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> byScore = (a, b) -> totals.get(b).compareTo(totals.get(a));
        java.util.Arrays.sort(order, byScore);
        int[] ranks = new int[totals.size()];
        for (int position = 0; position < order.length; position++) {
            boolean tie = position > 0 && byScore.compare(order[position - 1], order[position]) == 0;
            ranks[order[position]] = tie ? ranks[order[position - 1]] : position + 1;
        }
        return ranks;
    }
}
