package org.thidua.core;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.thidua.core.compile.CampaignReader;

/**
 * Turns the rules' judgements of a unit into its findings, one per criterion in campaign order. The findings that
 * do not depend on the unit's figures (not applicable to its kind, not reported) are made once per campaign and
 * shared: findings are immutable values.
 */
final class Findings {
    private final Campaign.Criterion[] criteria;
    private final BigDecimal[] maxPoints;
    private final double[] maxPointsShown;
    /** Per criterion: whether its NO_DATA findings are left out of the maximum ({@code countsNoData: false}). */
    private final boolean[] noDataExcluded;
    /** Whether bonus and penalty points are added to the score as they are ({@code bonusPenalty: raw}). */
    private final boolean rawBonusPenalty;
    private final boolean groups;
    /** [criterion][unit kind]: {@code null} where the criterion applies. */
    private final Finding[][] notApplicable;
    private final Finding[] noData;
    private final Map<String, Integer> positions = new HashMap<>();

    Findings(Campaign campaign) {
        List<Campaign.Criterion> list = campaign.criteria();
        criteria = list.toArray(Campaign.Criterion[]::new);
        maxPoints = new BigDecimal[criteria.length];
        maxPointsShown = new double[criteria.length];
        noDataExcluded = new boolean[criteria.length];
        groups = campaign.hasGroups();
        rawBonusPenalty = campaign.bonusPenalty() == Campaign.BonusPenalty.RAW
                && list.stream().anyMatch(Campaign.Criterion::isBonusOrPenalty);
        notApplicable = new Finding[criteria.length][UnitKind.values().length];
        noData = new Finding[criteria.length];
        for (int c = 0; c < criteria.length; c++) {
            Campaign.Criterion criterion = criteria[c];
            positions.put(criterion.id(), c);
            maxPoints[c] = BigDecimal.valueOf(criterion.points());
            maxPointsShown[c] = maxPoints[c].doubleValue();
            noDataExcluded[c] = !criterion.countsNoData();
            noData[c] = new Finding(criterion.id(), Status.NO_DATA, null, null, 0, maxPoints[c].doubleValue(), criterion.title(),
                    "Chưa báo cáo số liệu", CampaignReader.FILE + ": " + criterion.id());
            for (UnitKind kind : UnitKind.values()) {
                if (!criterion.appliesTo(kind)) {
                    notApplicable[c][kind.ordinal()] = new Finding(criterion.id(), Status.NOT_APPLICABLE, null, null, 0, 0,
                            criterion.title(), "Không áp dụng cho " + kind.label().toLowerCase(Locale.ROOT),
                            CampaignReader.FILE + ": appliesTo");
                }
            }
        }
    }

    /** Each criterion id and its position in the campaign's list. */
    Map<String, Integer> positions() {
        return positions;
    }

    /**
     * A unit's findings: each judgement is decided now (status and points; a rule's mistake is thrown here), and made
     * into a finding with its message when it is read.
     */
    List<Finding> of(UnitReport report, EvaluationContext context, int index) {
        int kind = report.unit().kind().ordinal();
        Object[] slots = new Object[criteria.length];
        for (int c = 0; c < criteria.length; c++) {
            if (notApplicable[c][kind] != null) {
                slots[c] = notApplicable[c][kind];
                continue;
            }
            Judgement judgement = context.judgement(index, c);
            if (judgement == null) {
                slots[c] = noData[c];
            } else {
                judgement.decide(maxPoints[c]);
                slots[c] = judgement;
            }
        }
        return new UnitFindings(this, slots);
    }

    /** The finding of a decided judgement on the criterion at that position. */
    Finding finding(int position, Judgement judgement) {
        return judgement.finding(criteria[position].title(), maxPoints[position], maxPointsShown[position]);
    }

    /** The points a decided judgement earned on the criterion at that position, as its finding will show them. */
    double points(int position, Judgement judgement) {
        BigDecimal earned = judgement.earned();
        if (earned == maxPoints[position]) {
            return maxPointsShown[position];
        }
        return earned.signum() == 0 ? 0 : earned.doubleValue();
    }

    double maxPoints(int position) {
        return maxPointsShown[position];
    }

    String criterion(int position) {
        return criteria[position].id();
    }

    /** Whether a NO_DATA finding on that criterion is left out of the maximum. */
    boolean noDataExcluded(String criterion) {
        Integer position = positions.get(criterion);
        return position != null && noDataExcluded[position];
    }

    /** Whether the campaign's criteria have groups, each with a subtotal ({@link Campaign#hasGroups()}, worked out once). */
    boolean hasGroups() {
        return groups;
    }

    /** Whether the campaign adds its bonus and penalty points to the score as they are. */
    boolean rawBonusPenalty() {
        return rawBonusPenalty;
    }
}
