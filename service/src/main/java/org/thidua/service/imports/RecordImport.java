package org.thidua.service.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.thidua.core.UnitKind;
import org.thidua.core.json.ContractV1;
import org.thidua.service.sheets.CellProblem;
import org.thidua.service.sheets.SheetCell;
import org.thidua.service.sheets.SheetRow;
import org.thidua.service.sheets.SheetRows;
import org.thidua.service.sheets.UnitColumns;

/**
 * Streams a file of records (one row per dossier, or per survey respondent) into counts per unit, one row at a
 * time: memory grows with the number of units, not of rows. A bad row is logged by its row number and column and
 * the import goes on; the caller decides whether figures with bad rows behind them may be used.
 */
public abstract class RecordImport {
    static final RecordColumns.Column UNIT_ID = new RecordColumns.Column("Mã đơn vị", true, List.of("Mã ĐV", "Đơn vị"));
    static final RecordColumns.Column UNIT_NAME = new RecordColumns.Column("Tên đơn vị", false, List.of());
    static final RecordColumns.Column UNIT_KIND = new RecordColumns.Column("Loại đơn vị", false, List.of("Loại"));

    /** The columns of this kind of record, besides the unit's. */
    private final List<RecordColumns.Column> recordColumns;
    /** The counts kept per unit, in JSON contract v1 field names. */
    private final List<String> countNames;
    private final ProblemLog problems = new ProblemLog();
    private final Map<String, Tally> units = new LinkedHashMap<>();
    private final Map<String, Long> uncounted = new LinkedHashMap<>();
    private RecordColumns columns;

    /** What an import found. */
    public record Result(List<ImportedUnit> units, ProblemLog problems, long rows, Map<String, Long> uncounted) {
    }

    protected RecordImport(List<RecordColumns.Column> recordColumns, List<String> countNames) {
        this.recordColumns = List.copyOf(recordColumns);
        this.countNames = List.copyOf(countNames);
    }

    public final Result run(SheetRows sheet, Progress progress) throws IOException {
        List<RecordColumns.Column> all = new ArrayList<>(List.of(UNIT_ID, UNIT_NAME, UNIT_KIND));
        all.addAll(recordColumns);
        RecordColumns columns = new RecordColumns(sheet.header(), sheet.headerRow(), all);
        this.columns = columns;
        long rows = 0;
        for (SheetRow row = sheet.next(); row != null; row = sheet.next()) {
            rows++;
            read(row, columns);
            if ((rows & 0x3FF) == 0) {
                progress.update(rows, sheet.progress());
            }
        }
        progress.done(rows);
        List<ImportedUnit> imported = new ArrayList<>();
        units.forEach((id, tally) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < countNames.size(); i++) {
                counts.put(countNames.get(i), tally.counts[i]);
            }
            imported.add(new ImportedUnit(id, tally.name, tally.kind, tally.firstRow, counts));
        });
        return new Result(imported, problems, rows, Map.copyOf(uncounted));
    }

    /** Reads one row: either {@link #count}s it, or logs its {@link #problem}s. */
    protected abstract void read(SheetRow row, RecordColumns columns);

    /** The unit id of a row, or {@code null} after logging that it is missing. */
    protected final String unitId(SheetRow row, RecordColumns columns) {
        String id = columns.cell(row, UNIT_ID).text();
        if (id.isEmpty()) {
            problem(row, UNIT_ID, "thiếu mã đơn vị (required)");
            return null;
        }
        var refused = ContractV1.idProblem(id);
        refused.ifPresent(why -> problem(row, UNIT_ID, why));
        return refused.isPresent() ? null : id;
    }

    /** Adds one to a unit's count (by its index in the count names), noting the unit's name and kind. */
    protected final void count(SheetRow row, RecordColumns columns, String unitId, int countIndex) {
        UnitKind kind = null;
        SheetCell kindCell = columns.cell(row, UNIT_KIND);
        if (!kindCell.isBlank()) {
            try {
                kind = UnitColumns.kind(kindCell);
            } catch (IllegalArgumentException e) {
                problem(row, UNIT_KIND, e.getMessage());
                return;
            }
        }
        String name = columns.cell(row, UNIT_NAME).text();
        var refusedName = ContractV1.nameProblem(name);
        if (refusedName.isPresent()) {
            problem(row, UNIT_NAME, refusedName.get());
            return;
        }
        Tally tally = units.computeIfAbsent(unitId, id -> new Tally(row.number(), countNames.size()));
        if (tally.name == null && !name.isEmpty()) {
            tally.name = name;
        }
        if (tally.kind == null) {
            tally.kind = kind;
        }
        tally.counts[countIndex]++;
    }

    /** Notes a valid row that does not count for the period (so the summary can say how many). */
    protected final void uncounted(String why) {
        uncounted.merge(why, 1L, Long::sum);
    }

    protected final void problem(SheetRow row, RecordColumns.Column column, String message) {
        problems.add(new CellProblem(row.number(), column == null ? null : columns.written(column), message));
    }

    private static final class Tally {
        final int firstRow;
        final long[] counts;
        String name;
        UnitKind kind;

        Tally(int firstRow, int size) {
            this.firstRow = firstRow;
            this.counts = new long[size];
        }
    }
}
