package org.thidua.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    static EvaluationResult score(Campaign campaign, String version, List<UnitReport> reports, List<List<Finding>> findings) {
        if (!rawBonusPenalty(campaign).isEmpty()) {
            return scoreExactly(campaign, version, reports, findings);
        }
        int n = reports.size();
        long[] earned = new long[n];
        long[] max = new long[n];
        Set<String> noDataExcluded = noDataExcluded(campaign);
        boolean whole = true;
        for (int i = 0; i < n && whole; i++) {
            for (Finding finding : findings.get(i)) {
                if (!excluded(noDataExcluded, finding)) {
                    if (!isWhole(finding.points()) || !isWhole(finding.maxPoints())) {
                        whole = false;
                        break;
                    }
                    earned[i] += (long) finding.points();
                    max[i] += (long) finding.maxPoints();
                }
            }
            whole &= max[i] >= 0 && max[i] <= SUM_LIMIT && Math.abs(earned[i]) <= SUM_LIMIT;
        }
        return whole ? scoreWhole(campaign, version, reports, findings, earned, max)
                : scoreExactly(campaign, version, reports, findings);
    }

    /** A unit's points earned and possible, exactly, as its score is worked out: {earned, max}. */
    static BigDecimal[] exactTotal(Campaign campaign, List<Finding> unitFindings) {
        Set<String> noDataExcluded = noDataExcluded(campaign);
        Set<String> raw = rawBonusPenalty(campaign);
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        BigDecimal added = BigDecimal.ZERO;
        for (Finding finding : unitFindings) {
            if (raw.contains(finding.criterion())) {
                added = added.add(BigDecimal.valueOf(finding.points()));
            } else if (!excluded(noDataExcluded, finding)) {
                earned = earned.add(BigDecimal.valueOf(finding.points()));
                max = max.add(BigDecimal.valueOf(finding.maxPoints()));
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

    private static boolean excluded(Set<String> noDataExcluded, Finding finding) {
        return finding.status() == Status.NOT_APPLICABLE
                || (finding.status() == Status.NO_DATA && noDataExcluded.contains(finding.criterion()));
    }

    private static boolean isWhole(double points) {
        return points == Math.rint(points) && Math.abs(points) <= WHOLE_LIMIT;
    }

    /** Whole points, non-negative maxima: the same results as {@link #scoreExactly}, in {@code long}. */
    private static EvaluationResult scoreWhole(Campaign campaign, String version, List<UnitReport> reports,
                                               List<List<Finding>> findings, long[] earned, long[] max) {
        int n = reports.size();
        // units share few distinct totals: score, grade and rank are worked out once for each
        Map<Fraction, int[]> unitsByScore = new HashMap<>();
        Map<Long, Result> byTotal = new HashMap<>();
        Result[] results = new Result[n];
        for (int i = 0; i < n; i++) {
            long e = earned[i];
            long m = max[i];
            Long key = e >= 0 && e < (1L << 31) && m < (1L << 31) ? e << 32 | m : null;
            Result result = key == null ? null : byTotal.get(key);
            if (result == null) {
                result = new Result(Fraction.of(e, m), score(e, m), grade(campaign, e, m), BigDecimal.valueOf(e), BigDecimal.valueOf(m));
                if (key != null) {
                    byTotal.put(key, result);
                }
            }
            results[i] = result;
            unitsByScore.computeIfAbsent(result.fraction, f -> new int[2])[0]++;
        }
        // the rule of Ranks (1, 2, 2, 4), worked out over the distinct scores: rank = 1 + units with a strictly higher score
        List<Fraction> distinct = new ArrayList<>(unitsByScore.keySet());
        distinct.sort((a, b) -> b.compareTo(a));
        int above = 0;
        for (Fraction score : distinct) {
            int[] countAndRank = unitsByScore.get(score);
            countAndRank[1] = above + 1;
            above += countAndRank[0];
        }
        List<Evaluation> evaluations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Unit unit = reports.get(i).unit();
            Result result = results[i];
            evaluations.add(new Evaluation(unit.id(), unit.name(), unit.kind(), result.score, result.grade,
                    unitsByScore.get(result.fraction)[1], findings.get(i), null, null, result.earned, result.max));
        }
        return new EvaluationResult(campaign.id(), version, evaluations);
    }

    private record Result(Fraction fraction, double score, String grade, BigDecimal earned, BigDecimal max) {
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
