package org.thidua.service;

import java.util.ArrayList;
import java.util.List;

import org.thidua.core.Campaign;
import org.thidua.core.Commendation;

/**
 * The proposed commendations as CSV (RFC 4180: comma, quotes doubled, CRLF), in UTF-8 with a byte-order mark
 * so that Excel opens the Vietnamese intact.
 */
final class CommendationCsv {
    static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";
    private static final List<String> HEADER = List.of("STT", "Danh hiệu, hình thức khen thưởng", "Đối tượng", "Đơn vị",
            "Họ và tên", "Mã danh hiệu", "Mã đơn vị", "Mã cán bộ", "Căn cứ đề nghị");

    private CommendationCsv() {
    }

    static String render(List<Commendation> commendations) {
        StringBuilder csv = new StringBuilder(BOM);
        row(csv, HEADER);
        int number = 0;
        for (Commendation c : commendations) {
            boolean collective = c.subject() == Campaign.Title.Subject.UNIT;
            List<String> cells = new ArrayList<>(List.of(String.valueOf(++number), c.label(), collective ? "Tập thể" : "Cá nhân",
                    c.unitName(), collective ? "" : c.memberName(), c.title(), c.unitId(), collective ? "" : c.memberId(),
                    c.explanation()));
            row(csv, cells);
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
    static String quote(String cell) {
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
