package org.thidua.core;

import java.math.BigDecimal;
import java.util.Arrays;
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
    /** [criterion][unit kind]: {@code null} where the criterion applies. */
    private final Finding[][] notApplicable;
    private final Finding[] noData;
    private final Map<String, Integer> positions = new HashMap<>();

    Findings(Campaign campaign) {
        List<Campaign.Criterion> list = campaign.criteria();
        criteria = list.toArray(Campaign.Criterion[]::new);
        maxPoints = new BigDecimal[criteria.length];
        notApplicable = new Finding[criteria.length][UnitKind.values().length];
        noData = new Finding[criteria.length];
        for (int c = 0; c < criteria.length; c++) {
            Campaign.Criterion criterion = criteria[c];
            positions.put(criterion.id(), c);
            maxPoints[c] = BigDecimal.valueOf(criterion.points());
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

    List<Finding> of(UnitReport report, EvaluationContext context, int index) {
        int kind = report.unit().kind().ordinal();
        Finding[] findings = new Finding[criteria.length];
        for (int c = 0; c < criteria.length; c++) {
            if (notApplicable[c][kind] != null) {
                findings[c] = notApplicable[c][kind];
                continue;
            }
            Judgement judgement = context.judgement(index, c);
            findings[c] = judgement != null ? judgement.toFinding(criteria[c].title(), maxPoints[c]) : noData[c];
        }
        return Arrays.asList(findings);
    }
}
