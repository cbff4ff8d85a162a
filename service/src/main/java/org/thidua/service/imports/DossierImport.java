package org.thidua.service.imports;

import java.time.LocalDate;
import java.util.List;

import org.thidua.service.sheets.CellValues;
import org.thidua.service.sheets.SheetCell;
import org.thidua.service.sheets.SheetRow;

/**
 * Dossier records (one row per hồ sơ TTHC) → each unit's early / on-time / late / overdue-in-progress counts for a
 * period, by the rules of {@link DossierOutcome}. Bad rows: no unit, no dossier code, a date that cannot be read,
 * no due date, a due date or a return date before the day the dossier was received.
 */
public final class DossierImport extends RecordImport {
    static final RecordColumns.Column CODE = new RecordColumns.Column("Mã hồ sơ", true, List.of("Số hồ sơ"));
    static final RecordColumns.Column RECEIVED = new RecordColumns.Column("Ngày tiếp nhận", true, List.of("Ngày nhận"));
    static final RecordColumns.Column DUE = new RecordColumns.Column("Ngày hẹn trả", true,
            List.of("Ngày hẹn trả kết quả", "Hạn giải quyết", "Hạn xử lý"));
    static final RecordColumns.Column RETURNED = new RecordColumns.Column("Ngày trả kết quả", true,
            List.of("Ngày trả", "Ngày hoàn thành", "Ngày có kết quả"));

    private final Period period;

    public DossierImport(Period period) {
        super(List.of(CODE, RECEIVED, DUE, RETURNED), List.of("early", "onTime", "late", "overdueInProgress"));
        this.period = period;
    }

    @Override
    protected void read(SheetRow row, RecordColumns columns) {
        String unit = unitId(row, columns);
        String code = columns.cell(row, CODE).text();
        if (code.isEmpty()) {
            problem(row, CODE, "thiếu mã hồ sơ (required)");
        }
        LocalDate received = date(row, columns, RECEIVED, true);
        LocalDate due = date(row, columns, DUE, true);
        LocalDate returned = date(row, columns, RETURNED, false);
        boolean bad = unit == null || code.isEmpty() || received == null || due == null
                || (!columns.cell(row, RETURNED).isBlank() && returned == null);
        if (received != null && due != null && due.isBefore(received)) {
            problem(row, DUE, "ngày hẹn trả " + CellValues.format(due) + " trước ngày tiếp nhận " + CellValues.format(received)
                    + " (due before received)");
            bad = true;
        }
        if (received != null && returned != null && returned.isBefore(received)) {
            problem(row, RETURNED, "ngày trả kết quả " + CellValues.format(returned) + " trước ngày tiếp nhận "
                    + CellValues.format(received) + " (returned before received)");
            bad = true;
        }
        if (bad) {
            return;
        }
        DossierOutcome outcome = DossierOutcome.of(new DossierRecord(unit, code, received, due, returned), period);
        switch (outcome) {
            case EARLY -> count(row, columns, unit, 0);
            case ON_TIME -> count(row, columns, unit, 1);
            case LATE -> count(row, columns, unit, 2);
            case OVERDUE_IN_PROGRESS -> count(row, columns, unit, 3);
            case NOT_DUE_YET -> uncounted("chưa đến hạn khi hết kỳ");
            case OUTSIDE_PERIOD -> uncounted("ngoài kỳ");
        }
    }

    private LocalDate date(SheetRow row, RecordColumns columns, RecordColumns.Column column, boolean required) {
        SheetCell cell = columns.cell(row, column);
        if (cell.isBlank()) {
            if (required) {
                problem(row, column, column == DUE
                        ? "thiếu ngày hẹn trả: không có hạn thì không xét được đúng hạn hay trễ hạn (no due date)"
                        : "thiếu " + column.header().toLowerCase(java.util.Locale.ROOT) + " (required)");
            }
            return null;
        }
        try {
            return CellValues.date(cell);
        } catch (IllegalArgumentException e) {
            problem(row, column, e.getMessage());
            return null;
        }
    }
}
