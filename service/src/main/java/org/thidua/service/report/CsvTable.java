package org.thidua.service.report;

import java.io.IOException;
import java.util.List;

/**
 * Every CSV the service exports (the ranking, the proposed commendations): RFC 4180 (comma, quotes doubled, CRLF),
 * UTF-8 with a byte-order mark so that Excel opens the Vietnamese intact, and no cell a spreadsheet would run as a
 * formula.
 */
public final class CsvTable {
    private static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";
    /** What starts a formula in Excel, LibreOffice or Sheets (a tab or CR may hide one behind it). */
    private static final String FORMULA_START = "=+-@\t\r";

    private final Appendable out;

    /** Starts a table with its byte-order mark and header row. */
    public CsvTable(Appendable out, List<String> header) throws IOException {
        this.out = out;
        out.append(BOM);
        row(header);
    }

    public void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        }
        out.append(CRLF);
    }

    /** A cell as written: quoted when it holds a comma, a quote or a line break; a leading = + - @ is kept as text. */
    public static String cell(String cell) {
        String text = cell == null ? "" : cell;
        if (!text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text; // a spreadsheet would otherwise run it as a formula
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
