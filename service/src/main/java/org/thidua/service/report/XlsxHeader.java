package org.thidua.service.report;

import java.util.List;

import org.dhatim.fastexcel.Worksheet;

/** The header row every exported sheet starts with: bold, wrapped, shaded, and the columns' widths (in characters). */
final class XlsxHeader {
    private XlsxHeader() {
    }

    /** Writes {@code header} into row 0 and sets column {@code c} to {@code widths.get(c)} characters. */
    static void write(Worksheet sheet, List<String> header, List<Integer> widths) {
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            sheet.style(0, c).bold().wrapText(true).fillColor("DDEBF7").set();
            sheet.width(c, widths.get(c));
        }
    }
}
