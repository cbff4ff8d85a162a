package org.thidua.service.sheets;

/**
 * A refused cell or row: where it is, as a person finds it in the spreadsheet, and what is wrong.
 *
 * @param row    the row number shown by Excel (the header is usually row 1); 0 for the file as a whole
 * @param column the column's header as written in the file, or {@code null} for the whole row
 */
public record CellProblem(int row, String column, String message) {
    /** "dòng 5, cột «Số phiếu hài lòng»", the place in words. */
    public String where() {
        if (row <= 0) {
            return column == null ? "tệp" : "cột «" + column + "»";
        }
        return "dòng " + row + (column == null ? "" : ", cột «" + column + "»");
    }

    @Override
    public String toString() {
        return where() + ": " + message;
    }
}
