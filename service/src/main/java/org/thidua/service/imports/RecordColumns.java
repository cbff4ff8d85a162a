package org.thidua.service.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.thidua.service.sheets.CellProblem;
import org.thidua.service.sheets.HeaderName;
import org.thidua.service.sheets.InvalidSheetException;
import org.thidua.service.sheets.SheetCell;
import org.thidua.service.sheets.SheetRow;

/**
 * Where the columns of a record file are. Record files are exports of other systems with many columns of their
 * own, so columns thidua does not know are ignored; a required one that is missing refuses the file.
 */
public final class RecordColumns {
    /** A column of a record file: its header, other headers accepted for it, whether the file must have it. */
    record Column(String header, boolean required, List<String> aliases) {
    }

    private final Map<Column, Integer> index = new HashMap<>();
    private final List<String> header;

    RecordColumns(List<String> header, int headerRow, List<Column> columns) {
        this.header = header;
        Map<String, Integer> byKey = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            byKey.putIfAbsent(HeaderName.key(header.get(c)), c);
        }
        List<CellProblem> missing = new java.util.ArrayList<>();
        for (Column column : columns) {
            Integer at = byKey.get(HeaderName.key(column.header()));
            for (int a = 0; at == null && a < column.aliases().size(); a++) {
                at = byKey.get(HeaderName.key(column.aliases().get(a)));
            }
            if (at != null) {
                index.put(column, at);
            } else if (column.required()) {
                missing.add(new CellProblem(headerRow, null, "thiếu cột «" + column.header() + "»"
                        + (column.aliases().isEmpty() ? "" : " (hoặc " + String.join(", ", column.aliases()) + ")")
                        + " (missing column)"));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidSheetException(missing);
        }
    }

    /** The column's header as the file writes it. */
    String written(Column column) {
        Integer at = index.get(column);
        return at == null ? column.header() : header.get(at);
    }

    boolean has(Column column) {
        return index.containsKey(column);
    }

    SheetCell cell(SheetRow row, Column column) {
        Integer at = index.get(column);
        return at == null ? SheetCell.text("") : row.cell(at);
    }
}
