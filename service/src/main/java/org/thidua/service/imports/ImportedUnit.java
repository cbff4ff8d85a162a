package org.thidua.service.imports;

import org.thidua.core.UnitKind;

/**
 * A unit as the records name it, with the counts imported for it. Name and kind are known only when the file has
 * «Tên đơn vị» and «Loại đơn vị» columns (the first non-blank value is kept); otherwise they come from the request
 * the figures are merged into.
 *
 * @param counts the measure in JSON contract v1 field names, in order ({@code early, onTime, late,
 *               overdueInProgress} or {@code surveyed, satisfied})
 */
public record ImportedUnit(String id, String name, UnitKind kind, int firstRow, java.util.Map<String, Long> counts) {
}
