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
public final class Judgement extends Measure {
    enum Kind { SHARE, VALUE, CONDITION }

    private record Band(ExactDecimal threshold, BigDecimal shareOfPoints) {
    }

    /** The message slots a rule fills: {@link #whenMet}, {@link #whenNotMet}, {@link #whenNoData}, {@link #whenEmpty}. */
    private static final int MET = 0, NOT_MET = 1, NO_DATA = 2, EMPTY = 3;

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
    /** The rule's messages; {@code null} where it states none. */
    private String whenMet;
    private String whenNotMet;
    private String whenNoData;
    private String whenEmpty;

    /** What {@link #decide} found: status, points earned and the figure ({@code null} without one). */
    private Status decided;
    private BigDecimal earned;
    private Figure figure;

    Judgement(int unitIndex, String criterion, String rule, Kind kind, BigDecimal actual, BigDecimal whole) {
        this(unitIndex, null, criterion, rule, kind, actual, whole);
    }

    Judgement(int unitIndex, String memberId, String criterion, String rule, Kind kind, BigDecimal actual, BigDecimal whole) {
        this(unitIndex, memberId, criterion, rule, kind, false, 0, 0, actual, whole);
    }

    /** A share {@code part / whole} of counts. */
    Judgement(int unitIndex, String memberId, String criterion, String rule, long part, long whole) {
        this(unitIndex, memberId, criterion, rule, Kind.SHARE, true, part, whole, null, null);
    }

    private Judgement(int unitIndex, String memberId, String criterion, String rule, Kind kind, boolean ofCounts, long part,
                      long count, BigDecimal actual, BigDecimal whole) {
        super(kind, ofCounts, part, count, actual, whole);
        this.unitIndex = unitIndex;
        this.memberId = memberId;
        this.criterion = criterion;
        this.rule = rule;
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
        return message(MET, message);
    }

    public Judgement whenNotMet(String message) {
        return message(NOT_MET, message);
    }

    public Judgement whenNoData(String message) {
        return message(NO_DATA, message);
    }

    /** The message when a share has nothing to count and is vacuously met. */
    public Judgement whenEmpty(String message) {
        return message(EMPTY, message);
    }

    private Judgement message(int slot, String message) {
        switch (slot) {
            case MET -> whenMet = message;
            case NOT_MET -> whenNotMet = message;
            case NO_DATA -> whenNoData = message;
            default -> whenEmpty = message;
        }
        return this;
    }

    /** The rule's message in a slot, or {@code otherwise} when it states none. */
    private String stated(int slot, String otherwise) {
        String stated = switch (slot) {
            case MET -> whenMet;
            case NOT_MET -> whenNotMet;
            case NO_DATA -> whenNoData;
            default -> whenEmpty;
        };
        return stated != null ? stated : otherwise;
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
        boolean empty = empty();
        figure = null;
        if (!reported() || (empty && noDataWhenEmpty)) {
            decided = Status.NO_DATA;
            earned = BigDecimal.ZERO;
            return decided;
        }
        if (empty) {
            decided = Status.MET;
            earned = maxPoints;
            return decided;
        }
        Figure shown = figure();
        boolean met;
        if (target != null) {
            int comparison = compareWith(target);
            met = atMost ? comparison <= 0 : comparison >= 0;
        } else if (kind == Kind.CONDITION) {
            met = holds();
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
            if (decided == Status.NO_DATA) {
                String message = fill(stated(NO_DATA, "Chưa báo cáo số liệu"), null, maxPoints);
                return new Finding(criterion, Status.NO_DATA, null, targetValue(), 0, max, title, message, rule);
            }
            String message = fill(stated(EMPTY, "Không phát sinh trong kỳ: coi như đạt"), null, maxPoints);
            return new Finding(criterion, Status.MET, null, targetValue(), max, max, title, message, rule);
        }
        String template = decided == Status.MET ? stated(MET, defaultMessage(true)) : stated(NOT_MET, defaultMessage(false));
        return new Finding(criterion, decided, figure.shown(), targetValue(), earned.doubleValue(),
                max, title, fill(template, figure, maxPoints), rule, partCount(), wholeCount());
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

    private String fill(String template, Figure figure, BigDecimal maxPoints) {
        return MessageTemplate.fill(template, name -> value(name, figure, maxPoints));
    }

    /** The text of one placeholder, or {@code null} when it has none here (it is then left as written). */
    private String value(String name, Figure figure, BigDecimal maxPoints) {
        return switch (name) {
            case "target" -> target == null ? null : VietnameseFormat.decimal(target.value(), 4);
            case "targetPercent" -> target == null ? null : VietnameseFormat.percent(target.value());
            case "points" -> VietnameseFormat.decimal(earned, 2);
            case "maxPoints" -> VietnameseFormat.decimal(maxPoints, 2);
            default -> text(name, figure);
        };
    }
}
