package org.thidua.core;

import java.math.BigDecimal;

/**
 * What a rule uses to judge a unit on its criterion. Every campaign's DRL declares it as
 * {@code global org.thidua.core.Judge judge;}. The criterion is the rule's {@code @criterion(ID)}
 * metadata, or else the rule's name. Each call starts a {@link Judgement} that the rule can refine:
 *
 * <pre>{@code
 * judge.share($r, d.inTime(), d.total()).atLeast(1)
 *      .whenNotMet("{rest} trong {whole} hồ sơ trễ hạn");
 * }</pre>
 *
 * <p>The same calls with an official ({@code judge.holds($r, $m, $m.skillsTrained())}) judge an individual
 * criterion ({@code memberCriteria} in {@code campaign.yaml}); {@link #title} decides a title.
 */
public final class Judge {
    private final EvaluationContext context;

    Judge(EvaluationContext context) {
        this.context = context;
    }

    /**
     * The unit's figure is the share {@code part / whole}, compared exactly (counts, not rounded
     * percentages). When {@code whole} is zero there is nothing to count and the criterion is met
     * (vacuous full marks) unless {@link Judgement#noDataWhenEmpty()} says otherwise.
     */
    public Judgement share(UnitReport report, long part, long whole) {
        return context.openShare(report, null, part, whole);
    }

    /** The unit's figure is a number, typically an indicator; {@code null} means no data. */
    public Judgement value(UnitReport report, Number actual) {
        return context.open(report, Judgement.Kind.VALUE, toDecimal(actual), null);
    }

    /** The criterion is met when the condition holds; {@code null} (not reported) means no data. */
    public Judgement holds(UnitReport report, Boolean condition) {
        BigDecimal actual = condition == null ? null : condition ? BigDecimal.ONE : BigDecimal.ZERO;
        return context.open(report, Judgement.Kind.CONDITION, actual, null);
    }

    /** The criterion applies but its figure was not reported, with the reason to show. */
    public Judgement noData(UnitReport report, String message) {
        return context.open(report, Judgement.Kind.CONDITION, null, null).whenNoData(message);
    }

    /** An official's figure on an individual criterion is the share {@code part / whole}; as {@link #share(UnitReport, long, long)}. */
    public Judgement share(UnitReport report, Member member, long part, long whole) {
        return context.openShare(report, java.util.Objects.requireNonNull(member, "member"), part, whole);
    }

    /** An official's figure on an individual criterion is a number; {@code null} means no data. */
    public Judgement value(UnitReport report, Member member, Number actual) {
        return context.open(report, member, Judgement.Kind.VALUE, toDecimal(actual), null);
    }

    /** An official meets the individual criterion when the condition holds; {@code null} means no data. */
    public Judgement holds(UnitReport report, Member member, Boolean condition) {
        BigDecimal actual = condition == null ? null : condition ? BigDecimal.ONE : BigDecimal.ZERO;
        return context.open(report, member, Judgement.Kind.CONDITION, actual, null);
    }

    /** The individual criterion applies to the official but its figure was not reported. */
    public Judgement noData(UnitReport report, Member member, String message) {
        return context.open(report, member, Judgement.Kind.CONDITION, null, null).whenNoData(message);
    }

    /**
     * Decides a collective title for the unit: the title is the rule's {@code @title(ID)}, or else its name.
     * When the rule fires again (a count it accumulates has changed), its new decision replaces the old one.
     */
    public TitleJudgement title(UnitReport report) {
        return context.openTitle(report, null);
    }

    /** Decides a title for one of the unit's officials; as {@link #title(UnitReport)}. */
    public TitleJudgement title(UnitReport report, Member member) {
        return context.openTitle(report, java.util.Objects.requireNonNull(member, "member"));
    }

    /** A count as Vietnamese readers write it, for messages: 1520 → "1.520". */
    public String number(long value) {
        return VietnameseFormat.count(value);
    }

    private static BigDecimal toDecimal(Number value) {
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(value.longValue());
        }
        return BigDecimal.valueOf(value.doubleValue());
    }
}
