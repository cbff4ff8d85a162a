package org.thidua.service.report;

import java.util.List;

import org.thidua.core.Commendation;

/**
 * The proposed commendations as CSV (RFC 4180: comma, quotes doubled, CRLF), in UTF-8 with a byte-order mark
 * so that Excel opens the Vietnamese intact; the columns and cells of {@link CommendationExport}, as the XLSX has them.
 */
public final class CommendationCsv {
    static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";

    private CommendationCsv() {
    }

    public static String render(List<Commendation> commendations) {
        StringBuilder csv = new StringBuilder(BOM);
        row(csv, CommendationExport.HEADER);
        int number = 0;
        for (Commendation c : commendations) {
            row(csv, CommendationExport.cells(++number, c));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(quote(cells.get(i)));
        }
        csv.append(CRLF);
    }

    /** Quotes a cell when it holds a comma, a quote or a line break; a leading = + - @ is kept as text. */
    public static String quote(String cell) {
        String text = cell == null ? "" : cell;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text; // a spreadsheet would otherwise run it as a formula
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
