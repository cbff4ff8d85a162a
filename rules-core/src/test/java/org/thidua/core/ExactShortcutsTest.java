package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The fast paths of evaluation (numbers written without {@link DecimalFormat}, shares of counts divided and
 * compared in {@code long}, whole points summed in {@code long}) give exactly what the general
 * {@code BigDecimal} paths give, on many random values and the awkward ones.
 */
class ExactShortcutsTest {
    private final Random random = new Random(121);

    @Test
    void numbers_are_written_exactly_as_decimal_format_writes_them() {
        List<BigDecimal> values = new ArrayList<>(List.of(BigDecimal.ZERO, new BigDecimal("0.00"), new BigDecimal("0.005"),
                new BigDecimal("0.0049999"), new BigDecimal("999.995"), new BigDecimal("1E+3"), new BigDecimal("-0.001"),
                new BigDecimal("-1520"), new BigDecimal("12345678901234567890.123456789"), new BigDecimal("0.95"), BigDecimal.ONE));
        for (int i = 0; i < 20_000; i++) {
            values.add(BigDecimal.valueOf(random.nextLong() >> random.nextInt(64), random.nextInt(20) - 3));
        }
        for (BigDecimal value : values) {
            for (int decimals = 0; decimals <= 4; decimals++) {
                assertThat(VietnameseFormat.decimal(value, decimals)).as("%s to %d decimals", value, decimals)
                        .isEqualTo(byDecimalFormat(value, decimals));
            }
            assertThat(VietnameseFormat.percent(value)).isEqualTo(byDecimalFormat(value.movePointRight(2), 2) + "%");
        }
        for (int i = 0; i < 20_000; i++) {
            long whole = i % 2 == 0 ? 1 + random.nextInt(50) : 1 + (random.nextLong() >>> (1 + random.nextInt(63)));
            long part = i % 3 == 0 ? whole : random.nextLong() % (whole + 1);
            BigDecimal exactPart = BigDecimal.valueOf(part);
            BigDecimal exactWhole = BigDecimal.valueOf(whole);
            assertThat(VietnameseFormat.percent(part, whole)).as("%d/%d", part, whole)
                    .isEqualTo(VietnameseFormat.percent(exactPart, exactWhole));
            assertThat(VietnameseFormat.ratio(part, whole, 4)).as("%d/%d", part, whole)
                    .isEqualTo(VietnameseFormat.ratio(exactPart, exactWhole, 4));
        }
        for (long count : new long[] {0, 7, 999, 1000, 1520, 1_000_000, Long.MAX_VALUE, -1, -1520, Long.MIN_VALUE}) {
            assertThat(VietnameseFormat.count(count)).isEqualTo(byDecimalFormat(BigDecimal.valueOf(count), 0));
        }
    }

    @Test
    void shares_of_counts_give_the_findings_that_big_decimals_give() {
        long[] awkward = {0, 1, 2, 3, 7, 19, 20, 95, 100, 99_999, 100_000, Integer.MAX_VALUE, 9_223_372L, 9_223_373L,
                Long.MAX_VALUE / 1_000_000_000_000L, Long.MAX_VALUE / 2, Long.MAX_VALUE, -1, -100};
        double[] targets = {0.95, 1, 0.5, 1.0 / 3, 0.999995, 1e-7, 0, -0.0, 2, 1e20, 123456.789};
        String template = "{part}/{whole} ({rest} còn lại) {percent} {actual} {target} {targetPercent} {points}/{maxPoints} {unknown}";
        // wholes whose shares fall exactly half-way at 12, 5 or 4 decimals: every rounding rule is tried on a tie
        long[] ties = {8, 16, 40, 80, 20_000, 40_000, 200_000, 400_000, 2_000_000_000_000L, 1L << 20};
        for (int i = 0; i < 40_000; i++) {
            long whole = i < 400 ? awkward[i % awkward.length] : i % 3 == 0 ? ties[random.nextInt(ties.length)]
                    : random.nextInt(4) == 0 ? random.nextInt(50) : random.nextInt(Integer.MAX_VALUE);
            long part = i < 400 ? awkward[(i / awkward.length) % awkward.length]
                    : random.nextInt(5) == 0 ? whole : (long) (random.nextDouble() * (whole + 1));
            double target = targets[random.nextInt(targets.length)];
            int variant = random.nextInt(6);
            Judgement byLongs = shaped(new Judgement(0, null, "C", "r", part, whole), variant, target, template);
            Judgement byDecimals = shaped(new Judgement(0, "C", "r", Judgement.Kind.SHARE, BigDecimal.valueOf(part),
                    BigDecimal.valueOf(whole)), variant, target, template);
            for (BigDecimal maxPoints : List.of(BigDecimal.valueOf(20.0), BigDecimal.valueOf(12.5))) {
                Object expected = findingOrError(byDecimals, maxPoints);
                assertThat(findingOrError(byLongs, maxPoints)).as("%d/%d, target %s, variant %d", part, whole, target, variant)
                        .isEqualTo(expected);
            }
        }
    }

    private static Judgement shaped(Judgement judgement, int variant, double target, String template) {
        switch (variant) {
            case 0 -> judgement.atLeast(target);
            case 1 -> judgement.atMost(target).noDataWhenEmpty();
            case 2 -> judgement.atLeast(target).proportionalPoints();
            case 3 -> judgement.band(target, 0.5).band(1, 1);
            case 4 -> judgement.points(7);
            default -> judgement.atLeast(target).whenMet("Đạt {percent}").whenNotMet(template + " {rest}");
        }
        return variant == 5 ? judgement : judgement.whenMet(template).whenNotMet(template).whenEmpty(template).whenNoData(template);
    }

    private static Object findingOrError(Judgement judgement, BigDecimal maxPoints) {
        try {
            return judgement.toFinding("title", maxPoints);
        } catch (RuntimeException e) {
            return e.getClass() + ": " + e.getMessage();
        }
    }

    @Test
    void whole_points_are_scored_graded_and_ranked_as_big_decimals_score_them() {
        Campaign campaign = new Campaign("c", "t", "b", null, null, Set.of(UnitKind.COMMUNE), List.of(),
                List.of(new Campaign.Criterion("A", "a", 20, Set.of(UnitKind.COMMUNE), true),
                        new Campaign.Criterion("B", "b", 30, Set.of(UnitKind.COMMUNE), false),
                        new Campaign.Criterion("C", "c", 7, Set.of(UnitKind.COMMUNE), true)),
                List.of(new Campaign.GradeBand("X", "x", 90), new Campaign.GradeBand("Y", "y", 66.67),
                        new Campaign.GradeBand("Z", "z", 33.3333), new Campaign.GradeBand("W", "w", 0)));
        Status[] statuses = Status.values();
        for (int round = 0; round < 50; round++) {
            List<UnitReport> reports = new ArrayList<>();
            List<List<Finding>> findings = new ArrayList<>();
            int units = 1 + random.nextInt(300);
            for (int u = 0; u < units; u++) {
                reports.add(UnitReport.of(new Unit("u" + u, "U" + u, UnitKind.COMMUNE)));
                List<Finding> unit = new ArrayList<>();
                for (String criterion : List.of("A", "B", "C")) {
                    Status status = statuses[random.nextInt(statuses.length)];
                    double max = criterion.equals("A") ? 20 : criterion.equals("B") ? 30 : 7;
                    double points = status == Status.MET ? (random.nextInt(8) == 0 ? -3 : max) : random.nextInt(10) == 0 ? -5 : 0;
                    unit.add(new Finding(criterion, status, null, null, points, status == Status.NOT_APPLICABLE ? 0 : max, "", "", ""));
                }
                findings.add(unit);
            }
            assertThat(Scoring.score(new Findings(campaign), campaign, "v", reports, findings))
                    .isEqualTo(Scoring.scoreExactly(campaign, "v", reports, findings));
        }
    }

    /** How numbers were written before the fast paths: the reference. */
    private static String byDecimalFormat(BigDecimal value, int maxDecimals) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMaximumFractionDigits(maxDecimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
