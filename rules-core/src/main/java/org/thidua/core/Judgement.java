package org.thidua.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One unit's judgement on one criterion, as a rule states it: the figure, the target, how points are earned
 * and the message to show. Messages may use placeholders filled with Vietnamese-formatted figures:
 * {@code {part} {whole} {rest} {percent} {actual} {target} {targetPercent} {points} {maxPoints}}.
 */
public final class Judgement {
    enum Kind { SHARE, VALUE, CONDITION }

    private record Band(BigDecimal threshold, BigDecimal shareOfPoints) {
    }

    private final Kind kind;
    private final BigDecimal actual;
    private final BigDecimal whole;
    final String criterion;
    final String rule;
    final int unitIndex;
    /** The official judged on an individual criterion, or {@code null} for the unit. */
    final String memberId;

    private BigDecimal target;
    private boolean atMost;
    private boolean noDataWhenEmpty;
    private boolean proportional;
    private BigDecimal points;
    private final List<Band> bands = new ArrayList<>();
    private String whenMet;
    private String whenNotMet;
    private String whenNoData;
    private String whenEmpty;

    Judgement(int unitIndex, String criterion, String rule, Kind kind, BigDecimal actual, BigDecimal whole) {
        this(unitIndex, null, criterion, rule, kind, actual, whole);
    }

    Judgement(int unitIndex, String memberId, String criterion, String rule, Kind kind, BigDecimal actual, BigDecimal whole) {
        this.unitIndex = unitIndex;
        this.memberId = memberId;
        this.criterion = criterion;
        this.rule = rule;
        this.kind = kind;
        this.actual = actual;
        this.whole = whole;
    }

    /** Met when the figure is at least the target (a share target is between 0 and 1: 0.95 is 95%). */
    public Judgement atLeast(double target) {
        this.target = BigDecimal.valueOf(target);
        this.atMost = false;
        return this;
    }

    /** Met when the figure is at most the target. */
    public Judgement atMost(double target) {
        this.target = BigDecimal.valueOf(target);
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
        bands.add(new Band(BigDecimal.valueOf(threshold), BigDecimal.valueOf(shareOfPoints)));
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
        boolean empty = kind == Kind.SHARE && whole.signum() == 0;
        if (actual == null || (empty && noDataWhenEmpty)) {
            String message = fill(whenNoData != null ? whenNoData : "Chưa báo cáo số liệu", null, maxPoints, BigDecimal.ZERO);
            return new Finding(criterion, Status.NO_DATA, null, targetValue(), 0, maxPoints.doubleValue(), title, message, rule);
        }
        if (empty) {
            String message = fill(whenEmpty != null ? whenEmpty : "Không phát sinh trong kỳ: coi như đạt", null, maxPoints, maxPoints);
            return new Finding(criterion, Status.MET, null, targetValue(), maxPoints.doubleValue(), maxPoints.doubleValue(), title, message, rule);
        }
        BigDecimal figure = kind == Kind.SHARE ? actual.divide(whole, 12, RoundingMode.HALF_EVEN) : actual;
        BigDecimal earned = earned(maxPoints, figure);
        boolean met;
        if (target != null) {
            int comparison = compareWith(target);
            met = atMost ? comparison <= 0 : comparison >= 0;
        } else if (kind == Kind.CONDITION) {
            met = actual.signum() != 0;
        } else if (points != null || proportional || !bands.isEmpty()) {
            met = earned.compareTo(maxPoints) >= 0;
        } else {
            throw new EvaluationException("Luật " + rule + " không nêu chỉ tiêu: thêm .atLeast(...) hoặc .atMost(...)"
                    + " (rule " + rule + " states no target)");
        }
        if (points == null && !proportional && bands.isEmpty()) {
            earned = met ? maxPoints : BigDecimal.ZERO;
        }
        String template = met ? (whenMet != null ? whenMet : defaultMessage(true)) : (whenNotMet != null ? whenNotMet : defaultMessage(false));
        Double shown = figure.setScale(5, RoundingMode.HALF_UP).doubleValue();
        return new Finding(criterion, met ? Status.MET : Status.NOT_MET, shown, targetValue(), earned.doubleValue(),
                maxPoints.doubleValue(), title, fill(template, figure, maxPoints, earned), rule);
    }

    /** Compares the exact figure with a threshold: for a share, part against threshold × whole. */
    private int compareWith(BigDecimal threshold) {
        return kind == Kind.SHARE ? actual.compareTo(threshold.multiply(whole)) : actual.compareTo(threshold);
    }

    private BigDecimal earned(BigDecimal maxPoints, BigDecimal figure) {
        BigDecimal earned;
        if (points != null) {
            earned = points;
        } else if (!bands.isEmpty()) {
            earned = bands.stream()
                    .filter(b -> compareWith(b.threshold()) >= 0)
                    .max(Comparator.comparing(Band::threshold))
                    .map(b -> maxPoints.multiply(b.shareOfPoints()))
                    .orElse(BigDecimal.ZERO);
        } else if (proportional) {
            earned = maxPoints.multiply(figure).min(maxPoints).max(BigDecimal.ZERO);
        } else {
            earned = BigDecimal.ZERO;
        }
        return earned.setScale(2, RoundingMode.HALF_UP);
    }

    private Double targetValue() {
        if (target != null) {
            return target.doubleValue();
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

    private String fill(String template, BigDecimal figure, BigDecimal maxPoints, BigDecimal earned) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        Map<String, String> values = new java.util.HashMap<>();
        if (kind == Kind.SHARE) {
            values.put("part", VietnameseFormat.decimal(actual, 0));
            values.put("whole", VietnameseFormat.decimal(whole, 0));
            values.put("rest", VietnameseFormat.decimal(whole.subtract(actual), 0));
        }
        if (figure != null) {
            values.put("percent", VietnameseFormat.percent(figure));
            values.put("actual", VietnameseFormat.decimal(figure, 4));
        }
        if (target != null) {
            values.put("target", VietnameseFormat.decimal(target, 4));
            values.put("targetPercent", VietnameseFormat.percent(target));
        }
        values.put("points", VietnameseFormat.decimal(earned, 2));
        values.put("maxPoints", VietnameseFormat.decimal(maxPoints, 2));
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String value = values.get(template.substring(open + 1, close));
            out.append(template, i, open).append(value != null ? value : template.substring(open, close + 1));
            i = close + 1;
        }
        return out.toString();
    }
}
