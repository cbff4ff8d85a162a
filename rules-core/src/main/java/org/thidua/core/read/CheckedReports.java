package org.thidua.core.read;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

import org.thidua.core.Campaign;
import org.thidua.core.UnitReport;

/**
 * Reports read from contract v1 and checked against a campaign ({@link ReportChecks}): the proof a rule set takes
 * instead of checking them a second time. Only {@link RequestReader} makes one; an immutable list.
 */
public final class CheckedReports extends AbstractList<UnitReport> implements RandomAccess {
    private final Campaign campaign;
    private final List<UnitReport> reports;

    CheckedReports(Campaign campaign, List<UnitReport> reports) {
        this.campaign = campaign;
        this.reports = List.copyOf(reports);
    }

    /** Whether these reports were checked against this very campaign (not only one of the same id). */
    public boolean checkedAgainst(Campaign other) {
        return campaign == other;
    }

    @Override
    public UnitReport get(int index) {
        return reports.get(index);
    }

    @Override
    public int size() {
        return reports.size();
    }
}
