package org.thidua.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One unit's judgement on one criterion, as a rule states it: the figure, the target, how points are earned
 * and the message to show. Messages may use placeholders filled with Vietnamese-formatted figures:
 * {@code {part} {whole} {rest} {percent} {actual} {target} {targetPercent} {points} {maxPoints}}.
 */
public final class Judgement {
    enum Kind { SHARE, VALUE, CONDITION }

    private record Band(ExactDecimal threshold, BigDecimal shareOfPoints) {
    }

    /** Shares whose part is at most this are divided in {@code long}: part × 10¹² still fits. */
    private static final long LONG_SHARE_LIMIT = Long.MAX_VALUE / 1_000_000_000_000L;

    private final Kind kind;
    /** A share of two counts, computed in {@code long}; otherwise {@link #actual} and {@link #whole} are set. */
    private final boolean counts;
    private final long part;
    private final long count;
    private BigDecimal actual;
    private BigDecimal whole;
    final String criterion;
    final String rule;
    final int unitIndex;
    /** The official judged on an individual criterion, or {@code null} for the unit. */
    final String memberId;

    private ExactDecimal target;
    private boolean atMost;
    private boolean noDataWhenEmpty;
    private boolean proportional;
    private BigDecimal points;
    /** {@code null} until a rule states a band: most judgements have none. */
    private List<Band> bands;
    private String whenMet;
    private String whenNotMet;
    private String whenNoData;
    private String whenEmpty;

    /** What {@link #decide} found: status, points earned, the figure ({@code null} without one) and the message's template. */
    private Status decided;
    private BigDecimal earned;
    private Figure figure;
    private String template;

    Judgement(int unitIndex, String criterion, String rule, Kind kind, BigDecimal actual, BigDecimal whole) {
        this(unitIndex, null, criterion, rule, kind, actual, whole);
    }

    Judgement(int unitIndex, String memberId, String criterion, String rule, Kind kind, BigDecimal actual, BigDecimal whole) {
        this.unitIndex = unitIndex;
        this.memberId = memberId;
        this.criterion = criterion;
        this.rule = rule;
        this.kind = kind;
        this.counts = false;
        this.part = 0;
        this.count = 0;
        this.actual = actual;
        this.whole = whole;
    }

    /** A share {@code part / whole} of counts. */
    Judgement(int unitIndex, String memberId, String criterion, String rule, long part, long whole) {
        this.unitIndex = unitIndex;
        this.memberId = memberId;
        this.criterion = criterion;
        this.rule = rule;
        this.kind = Kind.SHARE;
        // small non-negative counts (every real one) take the long paths; anything else the BigDecimal ones
        this.counts = part >= 0 && whole >= 0 && part <= LONG_SHARE_LIMIT && whole <= LONG_SHARE_LIMIT;
        this.part = part;
        this.count = whole;
        if (!counts) {
            this.actual = BigDecimal.valueOf(part);
            this.whole = BigDecimal.valueOf(whole);
        }
    }

    private BigDecimal actual() {
        if (actual == null && counts) {
            actual = BigDecimal.valueOf(part);
        }
        return actual;
    }

    private BigDecimal whole() {
        if (whole == null && counts) {
            whole = BigDecimal.valueOf(count);
        }
        return whole;
    }

    /** Met when the figure is at least the target (a share target is between 0 and 1: 0.95 is 95%). */
    public Judgement atLeast(double target) {
        this.target = ExactDecimal.of(target);
        this.atMost = false;
        return this;
    }

    /** Met when the figure is at most the target. */
    public Judgement atMost(double target) {
        this.target = ExactDecimal.of(target);
        this.atMost = true;
        return this;
    }

    /** A share with nothing to count ({@code whole} is zero) is no data, not vacuously met. */
    public Judgement noDataWhenEmpty() {
        this.noDataWhenEmpty = true;
        return this;
    }

    /** Points earned are the criterion's points times the figure (a share), at most all of them. */
    public Judgement proportionalPoints() {
        this.proportional = true;
        return this;
    }

    /**
     * A threshold band: a figure of at least {@code threshold} earns {@code shareOfPoints} (0 to 1) of the
     * criterion's points. The highest band reached counts; below every band earns nothing.
     */
    public Judgement band(double threshold, double shareOfPoints) {
        if (bands == null) {
            bands = new ArrayList<>();
        }
        bands.add(new Band(ExactDecimal.of(threshold), ExactDecimal.of(shareOfPoints).value()));
        return this;
    }

    /** Points earned, set outright (bonus and penalty criteria may go below zero). */
    public Judgement points(double earned) {
        this.points = BigDecimal.valueOf(earned);
        return this;
    }

    public Judgement whenMet(String message) {
        this.whenMet = message;
        return this;
    }

    public Judgement whenNotMet(String message) {
        this.whenNotMet = message;
        return this;
    }

    public Judgement whenNoData(String message) {
        this.whenNoData = message;
        return this;
    }

    /** The message when a share has nothing to count and is vacuously met. */
    public Judgement whenEmpty(String message) {
        this.whenEmpty = message;
        return this;
    }

    /** Turns the judgement into a finding worth {@code maxPoints}. */
    Finding toFinding(String title, BigDecimal maxPoints) {
        decide(maxPoints);
        return finding(title, maxPoints, maxPoints.doubleValue());
    }

    /**
     * Decides status, points earned and figure for a criterion worth {@code maxPoints}, once the rules have run. The
     * finding and its message are made later by {@link #finding}, only when someone reads them.
     *
     * @throws EvaluationException when the rule states no target
     */
    Status decide(BigDecimal maxPoints) {
        boolean empty = kind == Kind.SHARE && (counts ? count == 0 : whole.signum() == 0);
        figure = null;
        if ((!counts && actual == null) || (empty && noDataWhenEmpty)) {
            decided = Status.NO_DATA;
            earned = BigDecimal.ZERO;
            template = whenNoData != null ? whenNoData : "Chưa báo cáo số liệu";
            return decided;
        }
        if (empty) {
            decided = Status.MET;
            earned = maxPoints;
            template = whenEmpty != null ? whenEmpty : "Không phát sinh trong kỳ: coi như đạt";
            return decided;
        }
        Figure shown = counts ? Figure.share(part, count)
                : new Figure(kind == Kind.SHARE ? actual.divide(whole, Figure.SCALE, RoundingMode.HALF_EVEN) : actual);
        boolean met;
        if (target != null) {
            int comparison = compareWith(target);
            met = atMost ? comparison <= 0 : comparison >= 0;
        } else if (kind == Kind.CONDITION) {
            met = actual.signum() != 0;
        } else if (points != null || proportional || bands != null) {
            met = earned(maxPoints, shown).compareTo(maxPoints) >= 0;
        } else {
            throw new EvaluationException("Luật " + rule + " không nêu chỉ tiêu: thêm .atLeast(...) hoặc .atMost(...)"
                    + " (rule " + rule + " states no target)");
        }
        if (points == null && !proportional && bands == null) {
            earned = met ? maxPoints : BigDecimal.ZERO;
        } else {
            earned = earned(maxPoints, shown);
        }
        figure = shown;
        decided = met ? Status.MET : Status.NOT_MET;
        template = met ? (whenMet != null ? whenMet : defaultMessage(true)) : (whenNotMet != null ? whenNotMet : defaultMessage(false));
        return decided;
    }

    /** The points {@link #decide} found earned. */
    BigDecimal earned() {
        return earned;
    }

    /** The status {@link #decide} found. */
    Status status() {
        return decided;
    }

    /** The finding {@link #decide} decided, with its message filled in now. */
    Finding finding(String title, BigDecimal maxPoints, double max) {
        if (figure == null) { // no data, or nothing to count
            String message = fill(template, null, maxPoints, earned);
            return decided == Status.NO_DATA
                    ? new Finding(criterion, Status.NO_DATA, null, targetValue(), 0, max, title, message, rule)
                    : new Finding(criterion, Status.MET, null, targetValue(), max, max, title, message, rule);
        }
        return new Finding(criterion, decided, figure.shown(), targetValue(), earned.doubleValue(),
                max, title, fill(template, figure, maxPoints, earned), rule,
                shareCount(part, actual), shareCount(count, whole));
    }

    /** One of a share's two numbers when it is a count (a whole number a {@code long} holds), else {@code null}. */
    private Long shareCount(long fast, BigDecimal exact) {
        if (kind != Kind.SHARE) {
            return null;
        }
        if (counts) {
            return fast;
        }
        try {
            return exact.longValueExact();
        } catch (ArithmeticException notACount) {
            return null;
        }
    }

    /** Compares the exact figure with a threshold: for a share, part against threshold × whole. */
    private int compareWith(ExactDecimal threshold) {
        if (counts && threshold.fitsLong()) {
            try {
                long left = Math.multiplyExact(part, threshold.powerOfTen());
                long right = Math.multiplyExact(threshold.unscaled(), count);
                return Long.compare(left, right);
            } catch (ArithmeticException tooLarge) {
                // compared exactly below
            }
        }
        return kind == Kind.SHARE ? actual().compareTo(threshold.value().multiply(whole())) : actual.compareTo(threshold.value());
    }

    private BigDecimal earned(BigDecimal maxPoints, Figure figure) {
        BigDecimal earned;
        if (points != null) {
            earned = points;
        } else if (bands != null) {
            earned = bands.stream()
                    .filter(b -> compareWith(b.threshold()) >= 0)
                    .max(Comparator.comparing(b -> b.threshold().value()))
                    .map(b -> maxPoints.multiply(b.shareOfPoints()))
                    .orElse(BigDecimal.ZERO);
        } else if (proportional) {
            earned = maxPoints.multiply(figure.exact()).min(maxPoints).max(BigDecimal.ZERO);
        } else {
            earned = BigDecimal.ZERO;
        }
        return earned.setScale(2, RoundingMode.HALF_UP);
    }

    private Double targetValue() {
        if (target != null) {
            return target.boxed();
        }
        return kind == Kind.CONDITION ? 1.0 : null;
    }

    private String defaultMessage(boolean met) {
        String sign = atMost ? "≤" : "≥";
        return switch (kind) {
            case SHARE -> (met ? "Đạt " : "Chưa đạt: ") + "{percent} ({part}/{whole})"
                    + (target == null ? "" : ", chỉ tiêu " + sign + " {targetPercent}");
            case VALUE -> (met ? "Đạt " : "Chưa đạt: ") + "{actual}" + (target == null ? "" : ", chỉ tiêu " + sign + " {target}");
            case CONDITION -> met ? "Có" : "Không";
        };
    }

    private String fill(String template, Figure figure, BigDecimal maxPoints, BigDecimal earned) {
        return MessageTemplate.fill(template, name -> value(name, figure, maxPoints, earned));
    }

    /** The text of one placeholder, or {@code null} when it has none here (it is then left as written). */
    private String value(String name, Figure figure, BigDecimal maxPoints, BigDecimal earned) {
        return switch (name) {
            case "part" -> kind != Kind.SHARE ? null : counts ? VietnameseFormat.count(part) : VietnameseFormat.decimal(actual, 0);
            case "whole" -> kind != Kind.SHARE ? null : counts ? VietnameseFormat.count(count) : VietnameseFormat.decimal(whole, 0);
            case "rest" -> kind != Kind.SHARE ? null
                    : counts ? VietnameseFormat.count(count - part) : VietnameseFormat.decimal(whole.subtract(actual), 0);
            // a share is written from its two numbers: rounded once, not again from the 12-decimal figure
            case "percent" -> figure == null ? null : kind != Kind.SHARE ? figure.percent()
                    : counts ? VietnameseFormat.percent(part, count) : VietnameseFormat.percent(actual, whole);
            case "actual" -> figure == null ? null : kind != Kind.SHARE ? figure.decimal(4)
                    : counts ? VietnameseFormat.ratio(part, count, 4) : VietnameseFormat.ratio(actual, whole, 4);
            case "target" -> target == null ? null : VietnameseFormat.decimal(target.value(), 4);
            case "targetPercent" -> target == null ? null : VietnameseFormat.percent(target.value());
            case "points" -> VietnameseFormat.decimal(earned, 2);
            case "maxPoints" -> VietnameseFormat.decimal(maxPoints, 2);
            default -> null;
        };
    }
}
