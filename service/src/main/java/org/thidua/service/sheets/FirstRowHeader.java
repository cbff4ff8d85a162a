package org.thidua.service.sheets;

import java.io.IOException;
import java.util.List;

/** Rows whose first non-blank one is the header, read as soon as the file is opened. */
abstract class FirstRowHeader implements SheetRows {
    static final String EMPTY_SHEET = "Trang tính đầu tiên trống: dòng đầu tiên phải là dòng tiêu đề cột (the first sheet is empty)";

    private List<String> header;
    private int headerRow;

    /** Reads the header row; a file without one is closed and refused with {@code empty}. */
    final void readHeader(String empty) throws IOException {
        SheetRow first = next();
        if (first == null) {
            close();
            throw new SheetFormatException(empty);
        }
        this.header = first.cells().stream().map(SheetCell::text).toList();
        this.headerRow = first.number();
    }

    @Override
    public final List<String> header() {
        return header;
    }

    @Override
    public final int headerRow() {
        return headerRow;
    }
}
