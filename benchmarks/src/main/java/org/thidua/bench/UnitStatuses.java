package org.thidua.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.thidua.core.Campaign;
import org.thidua.core.Status;
import org.thidua.core.UnitKind;
import org.thidua.core.UnitReport;

/**
 * What a peer engine (Easy Rules, Drools used directly) decides for one unit: the status of each of the five criteria
 * of the 2021 campaign, and nothing else (no figures, messages, points or rank). Before any rule fires, a criterion
 * is NOT_APPLICABLE where the campaign says it does not apply to the unit's kind and NO_DATA elsewhere: a rule that
 * does not fire means the figure was not reported. The peers' rules then call {@link #decide}; a decision on a
 * criterion that does not apply is ignored, as thidua ignores it.
 */
public final class UnitStatuses {
    /** The criteria in the campaign's order: the order of {@link #statuses()}. */
    static final List<String> CRITERIA = List.of("SATISFACTION", "ON_TIME_DOSSIERS", "FRONTLINE_STAFF_TRAINING",
            "INDEX_AWARENESS_TRAINING", "PORTAL_PAGE");

    private final String unitId;
    private final Status[] statuses;

    private UnitStatuses(String unitId, Status[] statuses) {
        this.unitId = unitId;
        this.statuses = statuses;
    }

    /** Makes each unit's statuses as they stand before the rules, from the campaign's applicability. */
    static Function<UnitReport, UnitStatuses> before(Campaign campaign) {
        Status[][] byKind = new Status[UnitKind.values().length][CRITERIA.size()];
        for (UnitKind kind : UnitKind.values()) {
            for (int c = 0; c < CRITERIA.size(); c++) {
                boolean applies = campaign.criterion(CRITERIA.get(c)).orElseThrow().appliesTo(kind);
                byKind[kind.ordinal()][c] = applies ? Status.NO_DATA : Status.NOT_APPLICABLE;
            }
        }
        return report -> new UnitStatuses(report.unit().id(), byKind[report.kind().ordinal()].clone());
    }

    /** The unit's id: Drools joins a unit's report and its statuses on it. */
    public String getUnitId() {
        return unitId;
    }

    /** Called by the peers' rules once the figure is there: MET or NOT_MET. */
    public void decide(String criterion, boolean met) {
        int c = switch (criterion) {
            case "SATISFACTION" -> 0;
            case "ON_TIME_DOSSIERS" -> 1;
            case "FRONTLINE_STAFF_TRAINING" -> 2;
            case "INDEX_AWARENESS_TRAINING" -> 3;
            case "PORTAL_PAGE" -> 4;
            default -> throw new IllegalArgumentException("not a criterion of the 2021 campaign: " + criterion);
        };
        if (statuses[c] != Status.NOT_APPLICABLE) {
            statuses[c] = met ? Status.MET : Status.NOT_MET;
        }
    }

    /** One status per criterion, in the order of {@link #CRITERIA}. */
    public List<Status> statuses() {
        return Arrays.asList(statuses.clone());
    }
}
