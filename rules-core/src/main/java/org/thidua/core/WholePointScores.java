package org.thidua.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores, grades and ranks of units whose points are whole numbers (every campaign so far), in {@code long}: a batch's
 * units share few distinct totals (earned, possible), each scored, graded and ranked once. The results equal
 * {@link Scoring#scoreExactly}'s, which works in {@code BigDecimal}.
 */
final class WholePointScores {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

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

    private WholePointScores() {
    }

    /** Whole points, non-negative maxima: the same results as {@link Scoring#scoreExactly}, in {@code long}. */
    static EvaluationResult score(Campaign campaign, String version, List<UnitReport> reports,
                                               List<List<Finding>> findings, long[] earned, long[] max) {
        int n = reports.size();
        if (n == 1) { // one unit per call: ranked first, and nothing to share
            WholeTotal total = new WholeTotal(campaign, earned[0], max[0]);
            total.rank = 1;
            return new EvaluationResult(campaign.id(), version, List.of(evaluation(reports.get(0), total, findings.get(0))));
        }
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
            evaluations.add(evaluation(reports.get(i), totals[i], findings.get(i)));
        }
        return new EvaluationResult(campaign.id(), version, evaluations);
    }

    /** A unit's evaluation with the score, grade and rank of its total. */
    private static Evaluation evaluation(UnitReport report, WholeTotal total, List<Finding> findings) {
        Unit unit = report.unit();
        return new Evaluation(unit.id(), unit.name(), unit.kind(), total.score, total.grade, total.rank, findings, null, null,
                total.earnedExact, total.maxExact);
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
            this.earnedExact = exact(earned);
            this.maxExact = exact(max);
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

    /** Whole points as a campaign's totals run (0 to 1,000), made once: {@code BigDecimal.valueOf} keeps 0 to 10 only. */
    private static final BigDecimal[] SMALL = new BigDecimal[1001];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = BigDecimal.valueOf(i);
        }
    }

    private static BigDecimal exact(long points) {
        return points >= 0 && points < SMALL.length ? SMALL[(int) points] : BigDecimal.valueOf(points);
    }

    /** 100 × earned / max rounded half up to 2 decimals, as {@link Scoring} does in {@code BigDecimal}. */
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

    /** The first grade band reached, as {@link Scoring} decides in {@code BigDecimal}. */
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
}
