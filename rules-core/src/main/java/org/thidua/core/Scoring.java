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
 * campaign so far) are summed and compared in {@code long}; any other point value takes {@code BigDecimal}.
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

    /** A score as the exact fraction earned / max in lowest terms (0/1 for an empty maximum); max ≥ 0. */
    private record Fraction(long numerator, long denominator) {
        static Fraction of(long earned, long max) {
            if (max == 0) {
                return new Fraction(0, 1);
            }
            long gcd = gcd(Math.abs(earned), max);
            return new Fraction(earned / gcd, max / gcd);
        }

        /** Exact, through 128-bit products. */
        int compareTo(Fraction other) {
            return compareProducts(numerator, other.denominator, other.numerator, denominator);
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
        return whole ? scoreWhole(campaign, version, reports, findings, earned, max)
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

    /** Whole points, non-negative maxima: the same results as {@link #scoreExactly}, in {@code long}. */
    private static EvaluationResult scoreWhole(Campaign campaign, String version, List<UnitReport> reports,
                                               List<List<Finding>> findings, long[] earned, long[] max) {
        int n = reports.size();
        // units share few distinct totals: score, grade and rank are worked out once for each
        WholeTotals distinct = new WholeTotals();
        WholeTotal[] totals = new WholeTotal[n];
        for (int i = 0; i < n; i++) {
            WholeTotal total = distinct.get(campaign, earned[i], max[i]);
            total.units++;
            totals[i] = total;
        }
        // the rule of Ranks (1, 2, 2, 4), worked out over the distinct scores: rank = 1 + units with a strictly higher
        // score; two totals of the same fraction (1/2, 2/4) are one score
        List<WholeTotal> byScore = distinct.all();
        byScore.sort((a, b) -> b.fraction.compareTo(a.fraction));
        int above = 0;
        for (int k = 0; k < byScore.size(); ) {
            int tied = k;
            int units = 0;
            while (tied < byScore.size() && byScore.get(tied).fraction.compareTo(byScore.get(k).fraction) == 0) {
                units += byScore.get(tied++).units;
            }
            for (int t = k; t < tied; t++) {
                byScore.get(t).rank = above + 1;
            }
            above += units;
            k = tied;
        }
        List<Evaluation> evaluations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Unit unit = reports.get(i).unit();
            WholeTotal total = totals[i];
            evaluations.add(new Evaluation(unit.id(), unit.name(), unit.kind(), total.score, total.grade, total.rank,
                    findings.get(i), null, null, total.earnedExact, total.maxExact));
        }
        return new EvaluationResult(campaign.id(), version, evaluations);
    }

    /** One distinct total of whole points: its score, grade and rank, and how many units have it. */
    private static final class WholeTotal {
        final long earned;
        final long max;
        final Fraction fraction;
        final double score;
        final String grade;
        final BigDecimal earnedExact;
        final BigDecimal maxExact;
        int units;
        int rank;

        WholeTotal(Campaign campaign, long earned, long max) {
            this.earned = earned;
            this.max = max;
            this.fraction = Fraction.of(earned, max);
            this.score = score(earned, max);
            this.grade = grade(campaign, earned, max);
            this.earnedExact = BigDecimal.valueOf(earned);
            this.maxExact = BigDecimal.valueOf(max);
        }
    }

    /** The distinct totals of a batch, found by an open-addressing table of (earned, max): no boxing per unit. */
    private static final class WholeTotals {
        private WholeTotal[] slots = new WholeTotal[4];
        private final List<WholeTotal> all = new ArrayList<>();

        WholeTotal get(Campaign campaign, long earned, long max) {
            int mask = slots.length - 1;
            for (int i = slot(earned, max, mask); ; i = (i + 1) & mask) {
                WholeTotal total = slots[i];
                if (total == null) {
                    total = new WholeTotal(campaign, earned, max);
                    slots[i] = total;
                    all.add(total);
                    if (all.size() * 2 > slots.length) {
                        grow();
                    }
                    return total;
                }
                if (total.earned == earned && total.max == max) {
                    return total;
                }
            }
        }

        private static int slot(long earned, long max, int mask) {
            long h = (earned * 0x9E3779B97F4A7C15L) ^ (max * 0xC2B2AE3D27D4EB4FL);
            return (int) (h ^ (h >>> 32)) & mask;
        }

        private void grow() {
            slots = new WholeTotal[slots.length * 2];
            int mask = slots.length - 1;
            for (WholeTotal total : all) {
                int i = slot(total.earned, total.max, mask);
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = total;
            }
        }

        List<WholeTotal> all() {
            return all;
        }
    }

    /** 100 × earned / max rounded half up to 2 decimals, as {@link Total#score()}. */
    private static double score(long earned, long max) {
        if (max == 0) {
            return 0;
        }
        long scaled = earned * 10_000; // |earned| ≤ 2^49: fits
        long quotient = scaled / max;
        long rest = scaled % max;
        if (2 * Math.abs(rest) >= max) {
            quotient += Long.signum(scaled);
        }
        // both correctly rounded: the same double as BigDecimal.valueOf(quotient, 2).doubleValue()
        return Math.abs(quotient) < (1L << 52) ? quotient / 100.0 : BigDecimal.valueOf(quotient, 2).doubleValue();
    }

    /** The first grade band reached, as {@link Total#reaches(double)} decides. */
    private static String grade(Campaign campaign, long earned, long max) {
        for (Campaign.GradeBand grade : campaign.grades()) {
            if (max == 0 ? grade.minScore() <= 0 : reaches(earned, max, ExactDecimal.of(grade.minScore()))) {
                return grade.code();
            }
        }
        return campaign.grades().get(campaign.grades().size() - 1).code();
    }

    /** earned × 100 ≥ minScore × max, exactly. */
    private static boolean reaches(long earned, long max, ExactDecimal minScore) {
        if (minScore.fitsLong()) {
            // earned × 100 × 10^scale ≥ unscaled × max; earned × 100 fits, the rest is compared in 128 bits
            return compareProducts(earned * 100, minScore.powerOfTen(), minScore.unscaled(), max) >= 0;
        }
        return BigDecimal.valueOf(earned).multiply(HUNDRED).compareTo(minScore.value().multiply(BigDecimal.valueOf(max))) >= 0;
    }

    /** Compares a × b with c × d exactly (128-bit products). */
    static int compareProducts(long a, long b, long c, long d) {
        long high1 = Math.multiplyHigh(a, b);
        long high2 = Math.multiplyHigh(c, d);
        if (high1 != high2) {
            return Long.compare(high1, high2);
        }
        return Long.compareUnsigned(a * b, c * d);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
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
