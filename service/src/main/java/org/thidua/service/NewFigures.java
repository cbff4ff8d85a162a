package org.thidua.service;

import java.util.List;

import org.thidua.service.records.ImportedUnit;
import org.thidua.service.records.Period;

/**
 * Counts imported from a record file, before they are stored.
 *
 * @param measure     the contract v1 field the counts fill: {@code dossiers} or {@code satisfaction}
 * @param rows        rows read below the header
 * @param skippedRows bad rows left out (only when the caller accepted them)
 */
record NewFigures(String measure, Period period, String caller, long rows, long skippedRows, List<ImportedUnit> units) {
    NewFigures {
        units = List.copyOf(units);
    }
}
