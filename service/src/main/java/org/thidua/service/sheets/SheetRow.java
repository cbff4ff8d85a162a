package org.thidua.service.sheets;

import java.util.List;

/**
 * A row of a sheet.
 *
 * @param number the row number a person sees: in XLSX the sheet's row number, in CSV the record number
 *               (the header is row 1, so the first data row is usually row 2)
 */
public record SheetRow(int number, List<SheetCell> cells) {
    public SheetRow {
        cells = List.copyOf(cells);
    }

    /** The cell in a column (0-based); a blank cell beyond the row's last one. */
    public SheetCell cell(int column) {
        return column < cells.size() ? cells.get(column) : SheetCell.BLANK;
    }

    public boolean isBlank() {
        return cells.stream().allMatch(SheetCell::isBlank);
    }
}
