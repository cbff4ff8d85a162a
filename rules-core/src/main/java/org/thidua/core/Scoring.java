package org.thidua.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Score, grade and rank from findings. Score = 100 × points earned / points of the criteria that count;
 * grades and ranks compare exact sums, not the rounded score shown. Points that are whole numbers (every
 * campaign so far) are summed in {@code long} and scored by {@link WholePointScores}; any other point value takes
 * {@code BigDecimal} here.
 */
final class Scoring {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Whole points up to this are exact in a double; sums up to SUM_LIMIT leave room for × 10,000 in a long. */
    private static final double WHOLE_LIMIT = 1L << 40;
    private static final long SUM_LIMIT = 1L << 49;

    private record Total(BigDecimal earned, BigDecimal max) {
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

    /**
     * @param plan     the campaign's criteria in order (which NO_DATA findings count, whether bonus points are raw)
     * @param findings each unit's findings, in campaign order; read without making their messages
     */
    static EvaluationResult score(Findings plan, Campaign campaign, String version, List<UnitReport> reports,
                                  List<List<Finding>> findings) {
        if (plan.rawBonusPenalty()) {
            return scoreExactly(campaign, version, reports, findings);
        }
        int n = reports.size();
        long[] earned = new long[n];
        long[] max = new long[n];
        boolean whole = true;
        for (int i = 0; i < n && whole; i++) {
            List<Finding> unit = findings.get(i);
            for (int c = 0; c < unit.size(); c++) {
                Status status = status(unit, c);
                if (status == Status.NOT_APPLICABLE || (status == Status.NO_DATA && plan.noDataExcluded(criterion(unit, c)))) {
                    continue;
                }
                double points = points(unit, c);
                double maxPoints = maxPoints(unit, c);
                if (!isWhole(points) || !isWhole(maxPoints)) {
                    whole = false;
                    break;
                }
                earned[i] += (long) points;
                max[i] += (long) maxPoints;
            }
            whole &= max[i] >= 0 && max[i] <= SUM_LIMIT && Math.abs(earned[i]) <= SUM_LIMIT;
        }
        return whole ? WholePointScores.score(campaign, version, reports, findings, earned, max)
                : scoreExactly(campaign, version, reports, findings);
    }

    // a unit's findings as RuleSet makes them are read without being made (no message is written for a score)
    private static Status status(List<Finding> unit, int c) {
        return unit instanceof UnitFindings made ? made.status(c) : unit.get(c).status();
    }

    private static double points(List<Finding> unit, int c) {
        return unit instanceof UnitFindings made ? made.points(c) : unit.get(c).points();
    }

    private static double maxPoints(List<Finding> unit, int c) {
        return unit instanceof UnitFindings made ? made.maxPoints(c) : unit.get(c).maxPoints();
    }

    private static String criterion(List<Finding> unit, int c) {
        return unit instanceof UnitFindings made ? made.criterion(c) : unit.get(c).criterion();
    }

    /** A unit's points earned and possible, exactly, as its score is worked out: {earned, max}. */
    static BigDecimal[] exactTotal(Campaign campaign, List<Finding> unitFindings) {
        Set<String> noDataExcluded = noDataExcluded(campaign);
        Set<String> raw = rawBonusPenalty(campaign);
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        BigDecimal added = BigDecimal.ZERO;
        for (int c = 0; c < unitFindings.size(); c++) {
            String criterion = criterion(unitFindings, c);
            Status status = status(unitFindings, c);
            if (raw.contains(criterion)) {
                added = added.add(BigDecimal.valueOf(points(unitFindings, c)));
            } else if (!(status == Status.NOT_APPLICABLE || (status == Status.NO_DATA && noDataExcluded.contains(criterion)))) {
                earned = earned.add(BigDecimal.valueOf(points(unitFindings, c)));
                max = max.add(BigDecimal.valueOf(maxPoints(unitFindings, c)));
            }
        }
        // raw: the bonus and penalty points are added to the score out of 100 as they are, so they count as
        // added × max / 100 points earned: score, grade and rank then follow from earned / max exactly
        return new BigDecimal[] {earned.add(added.multiply(max).movePointLeft(2)), max};
    }

    /** With {@code bonusPenalty: raw}, the bonus and penalty criteria, whose points are added to the score as they are. */
    private static Set<String> rawBonusPenalty(Campaign campaign) {
        Set<String> ids = new HashSet<>();
        if (campaign.bonusPenalty() == Campaign.BonusPenalty.RAW) {
            campaign.criteria().stream().filter(Campaign.Criterion::isBonusOrPenalty).forEach(c -> ids.add(c.id()));
        }
        return ids;
    }

    /** The criteria whose NO_DATA findings are left out of the maximum. */
    private static Set<String> noDataExcluded(Campaign campaign) {
        Set<String> ids = new HashSet<>();
        campaign.criteria().stream().filter(c -> !c.countsNoData()).forEach(c -> ids.add(c.id()));
        return ids;
    }

    private static boolean isWhole(double points) {
        return points == Math.rint(points) && Math.abs(points) <= WHOLE_LIMIT;
    }

    /** Any points: sums and comparisons in {@code BigDecimal}. */
    static EvaluationResult scoreExactly(Campaign campaign, String version, List<UnitReport> reports,
                                                 List<List<Finding>> findings) {
        List<Total> totals = new ArrayList<>(reports.size());
        for (List<Finding> unitFindings : findings) {
            BigDecimal[] total = exactTotal(campaign, unitFindings);
            totals.add(new Total(total[0], total[1]));
        }
        int[] ranks = Ranks.byPoints(totals.stream().map(Total::earned).toList(), totals.stream().map(Total::max).toList());
        List<Evaluation> evaluations = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            Unit unit = reports.get(i).unit();
            Total total = totals.get(i);
            String grade = campaign.grades().stream().filter(g -> total.reaches(g.minScore())).findFirst()
                    .map(Campaign.GradeBand::code).orElse(campaign.grades().get(campaign.grades().size() - 1).code());
            evaluations.add(new Evaluation(unit.id(), unit.name(), unit.kind(), total.score(), grade, ranks[i], findings.get(i),
                    null, null, total.earned(), total.max()));
        }
        return new EvaluationResult(campaign.id(), version, evaluations);
    }
}
