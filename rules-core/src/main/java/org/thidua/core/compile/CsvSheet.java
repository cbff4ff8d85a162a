package org.thidua.core.compile;

import static org.thidua.core.compile.SheetTable.MAX_COLUMNS;

import java.util.ArrayList;
import java.util.List;

import org.thidua.core.compile.SheetTable.Cell;
import org.thidua.core.compile.SheetTable.Unreadable;

/**
 * A criteria sheet saved as CSV: separated by {@code ;} when its first line has more of them than of {@code ,} (Excel
 * saves it where the decimal mark is a comma); quoted cells may hold separators, {@code ""} and new lines.
 */
final class CsvSheet {
    private CsvSheet() {
    }

    static List<List<Cell>> rows(String text) throws Unreadable {
        String firstLine = text.lines().findFirst().orElse("");
        char separator = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
        SheetTable.Rows rows = new SheetTable.Rows();
        List<Cell> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int column = 1;
        boolean quoted = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == separator || c == '\n') {
                String value = cell.toString().replaceFirst("\r$", "").strip();
                if (!value.isEmpty()) {
                    row.add(new Cell(value, null, false, rowLine, column));
                }
                cell.setLength(0);
                column++;
                if (column > MAX_COLUMNS + 1) {
                    throw new Unreadable("Bảng có quá " + MAX_COLUMNS + " cột (more than " + MAX_COLUMNS + " columns)");
                }
                if (c == '\n') {
                    rows.add(row);
                    row = new ArrayList<>();
                    line++;
                    rowLine = line;
                    column = 1;
                }
            } else {
                cell.append(c);
            }
        }
        return rows.list();
    }
}
