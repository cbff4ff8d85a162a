package org.thidua.service.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.thidua.core.Campaign;
import org.thidua.core.Commendation;

/**
 * The proposed commendations as a table, one row per commendation: number, title, collective or individual, unit,
 * official, the codes, and the grounds (each condition of the title with its counts). The CSV of
 * {@code thidua commendations} and the XLSX here share these columns and cells; in XLSX the number is a number and
 * every other cell text (never a formula, so nothing needs escaping).
 */
public final class CommendationExport {
    /** The sheet's name in the workbook. */
    public static final String SHEET = "Đề nghị khen thưởng";
    /** The column headers, in Vietnamese. */
    public static final List<String> HEADER = List.of("STT", "Danh hiệu, hình thức khen thưởng", "Đối tượng", "Đơn vị",
            "Họ và tên", "Mã danh hiệu", "Mã đơn vị", "Mã cán bộ", "Căn cứ đề nghị");
    /** Column widths in characters: wide enough for the 2021 campaign's labels and unit names. */
    private static final List<Integer> WIDTHS = List.of(6, 40, 10, 30, 24, 30, 16, 12, 90);
    private static final int LABEL = 1;
    private static final int GROUNDS = 8;

    private CommendationExport() {
    }

    /** The cells of the {@code number}-th commendation (from 1), as text, in {@link #HEADER} order. */
    public static List<String> cells(int number, Commendation c) {
        boolean collective = c.subject() == Campaign.Title.Subject.UNIT;
        return new ArrayList<>(List.of(String.valueOf(number), c.label(), collective ? "Tập thể" : "Cá nhân",
                nonNull(c.unitName()), collective ? "" : nonNull(c.memberName()), c.title(), nonNull(c.unitId()),
                collective ? "" : nonNull(c.memberId()), nonNull(c.explanation())));
    }

    /**
     * Writes the list as an XLSX workbook of one sheet: the header row (frozen, with filters), then one row per
     * commendation; the title and the grounds wrap; it prints on A4 landscape, one page wide, the header repeated.
     */
    public static void writeXlsx(List<Commendation> commendations, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "thidua", "1.0");
        Worksheet sheet = workbook.newWorksheet(SHEET);
        XlsxHeader.write(sheet, HEADER, WIDTHS);
        int r = 1;
        for (Commendation commendation : commendations) {
            List<String> cells = cells(r, commendation);
            sheet.value(r, 0, r);
            for (int c = 1; c < cells.size(); c++) {
                sheet.value(r, c, cells.get(c));
            }
            r++;
        }
        if (!commendations.isEmpty()) {
            sheet.range(1, 0, commendations.size(), HEADER.size() - 1).style().verticalAlignment("top").set();
            sheet.range(1, LABEL, commendations.size(), LABEL).style().wrapText(true).verticalAlignment("top").set();
            sheet.range(1, GROUNDS, commendations.size(), GROUNDS).style().wrapText(true).verticalAlignment("top").set();
        }
        sheet.setAutoFilter(0, 0, HEADER.size() - 1);
        sheet.freezePane(0, 1);
        // printed for the council: A4 landscape, one page wide, the header on every page
        sheet.pageOrientation("landscape");
        sheet.paperSize(PaperSize.A4_PAPER);
        sheet.setFitToPage(true);
        sheet.fitToWidth((short) 1);
        sheet.fitToHeight((short) 0);
        sheet.repeatRows(0);
        workbook.finish();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
