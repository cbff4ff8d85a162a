package org.thidua.service.store;

import java.util.List;

import org.thidua.service.imports.ImportedUnit;
import org.thidua.service.imports.Period;

/**
 * Counts imported from a record file, before they are stored.
 *
 * @param measure     the contract v1 field the counts fill: {@code dossiers} or {@code satisfaction}
 * @param rows        rows read below the header
 * @param skippedRows bad rows left out (only when the caller accepted them)
 */
public record NewFigures(String measure, Period period, String caller, long rows, long skippedRows, List<ImportedUnit> units) {
    public NewFigures {
        units = List.copyOf(units);
    }
}
