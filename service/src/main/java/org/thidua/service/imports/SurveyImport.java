package org.thidua.service.imports;

import java.util.List;

import org.thidua.service.sheets.CellValues;
import org.thidua.service.sheets.SheetCell;
import org.thidua.service.sheets.SheetRow;

/**
 * Survey responses (one row per respondent, SIPAS) → each unit's surveyed / satisfied counts. A respondent is
 * surveyed when the overall question («Hài lòng chung») is answered, and satisfied when that answer is 4 (hài lòng)
 * or 5 (rất hài lòng) on the 5-point scale. The five SIPAS elements, when the file has them, must be answered 1–5
 * or left blank; they do not change the counts.
 */
public final class SurveyImport extends RecordImport {
    static final RecordColumns.Column OVERALL = new RecordColumns.Column("Hài lòng chung", true,
            List.of("Mức độ hài lòng chung", "Đánh giá chung"));
    static final List<RecordColumns.Column> ELEMENTS = List.of(
            new RecordColumns.Column("Tiếp cận dịch vụ", false, List.of()),
            new RecordColumns.Column("Thủ tục hành chính", false, List.of()),
            new RecordColumns.Column("Công chức giải quyết", false, List.of("Công chức")),
            new RecordColumns.Column("Kết quả giải quyết", false, List.of("Kết quả")),
            new RecordColumns.Column("Tiếp nhận, xử lý phản ánh, kiến nghị", false, List.of("Phản ánh kiến nghị")));

    public SurveyImport() {
        super(java.util.stream.Stream.concat(ELEMENTS.stream(), java.util.stream.Stream.of(OVERALL)).toList(),
                List.of("surveyed", "satisfied"));
    }

    @Override
    protected void read(SheetRow row, RecordColumns columns) {
        String unit = unitId(row, columns);
        boolean bad = unit == null;
        for (RecordColumns.Column element : ELEMENTS) {
            SheetCell cell = columns.cell(row, element);
            bad |= !cell.isBlank() && answer(row, element, cell) == 0;
        }
        SheetCell overallCell = columns.cell(row, OVERALL);
        int overall = 0;
        if (overallCell.isBlank()) {
            problem(row, OVERALL, "thiếu câu trả lời về mức độ hài lòng chung (required)");
        } else {
            overall = answer(row, OVERALL, overallCell);
        }
        if (bad || overall == 0) {
            return;
        }
        count(row, columns, unit, 0);
        if (overall >= 4) {
            count(row, columns, unit, 1);
        }
    }

    /** An answer 1–5, or 0 after logging the problem. */
    private int answer(SheetRow row, RecordColumns.Column column, SheetCell cell) {
        try {
            int value = CellValues.wholeNumber(cell).intValueExact();
            if (value >= 1 && value <= 5) {
                return value;
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            // reported below, with the scale
        }
        problem(row, column, "phải là một mức từ 1 đến 5 (1 rất không hài lòng … 5 rất hài lòng), nhận được «"
                + cell.text() + "» (must be 1–5)");
        return 0;
    }
}
