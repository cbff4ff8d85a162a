package org.thidua.service.sheets;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One cell as read from a CSV or XLSX file.
 *
 * @param text   what the cell shows, trimmed; never {@code null}
 * @param number the value of a numeric XLSX cell, or {@code null} (CSV cells are text only)
 * @param date   the value of an XLSX cell formatted as a date, or {@code null}
 */
public record SheetCell(String text, BigDecimal number, LocalDateTime date) {
    static final SheetCell BLANK = new SheetCell("", null, null);

    public SheetCell {
        text = text == null ? "" : text.strip();
    }

    public static SheetCell text(String text) {
        return new SheetCell(text, null, null);
    }

    public boolean isBlank() {
        return text.isEmpty() && number == null && date == null;
    }
}
