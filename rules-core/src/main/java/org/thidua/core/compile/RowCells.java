package org.thidua.core.compile;

import java.util.List;
import java.util.Map;

import org.thidua.core.RuleProblem;

/** One row of the criteria sheet by column key, and the problems found in it, each reported at its cell. */
final class RowCells {
    private final Map<String, SheetTable.Cell> cells;
    private final Map<String, SheetPlace> places;
    private final SheetPlace rowPlace;
    private final List<RuleProblem> problems;
    private boolean bad;

    RowCells(Map<String, SheetTable.Cell> cells, Map<String, SheetPlace> places, SheetPlace rowPlace, List<RuleProblem> problems) {
        this.cells = cells;
        this.places = places;
        this.rowPlace = rowPlace;
        this.problems = problems;
    }

    /** The cell of a column, {@code null} when the row leaves it empty. */
    SheetTable.Cell cell(String key) {
        return cells.get(key);
    }

    boolean has(String key) {
        return cells.containsKey(key);
    }

    String text(String key) {
        SheetTable.Cell cell = cells.get(key);
        return cell == null ? null : cell.text().strip();
    }

    String required(String key, String header) {
        String text = text(key);
        if (text == null || text.isEmpty()) {
            problem(key, "Thiếu " + header + " (" + key + " is empty)");
            return null;
        }
        return text;
    }

    /** A problem at the column's cell, or at the row when that column is not in the sheet. */
    void problem(String key, String message) {
        bad = true;
        problems.add(place(key).problem(message));
    }

    SheetPlace place(String key) {
        return places.getOrDefault(key, rowPlace);
    }

    /** Whether a problem was found in the row. */
    boolean bad() {
        return bad;
    }
}
