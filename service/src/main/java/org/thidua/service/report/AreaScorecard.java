package org.thidua.service.report;

import static org.thidua.service.report.Html.escape;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.thidua.core.AreaFinding;
import org.thidua.core.Campaign;
import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationResult;
import org.thidua.core.Status;
import org.thidua.core.VietnameseNumbers;

/**
 * The area's scorecard as the table, the report page and the XLSX open with it: each of the plan's targets for the
 * whole area, its figure over all the units, and whether the area reaches it, so leaders read the plan's own answer
 * before the ranking. Nothing when the campaign declares no area target.
 */
public final class AreaScorecard {
    /** The columns, as every output heads them. */
    public static final List<String> HEADER = List.of("Chỉ tiêu", "Mục tiêu", "Kết quả cả địa bàn", "Đánh giá", "Ghi chú");

    private AreaScorecard() {
    }

    /** The result's scorecard, or, for a result read back without one (stored results), worked out from its findings. */
    public static List<AreaFinding> of(Campaign campaign, EvaluationResult result) {
        return result.area() != null ? result.area() : AreaFinding.of(campaign, result.evaluations());
    }

    /** The scorecard of a stored standing read unit by unit (a campaign of any size). */
    public static List<AreaFinding> of(Campaign campaign, Iterable<Evaluation> units) {
        return AreaFinding.of(campaign, units);
    }

    /** "Chỉ tiêu chung của cả địa bàn: đạt 4/5 chỉ tiêu". */
    public static String title(List<AreaFinding> area) {
        long met = area.stream().filter(a -> a.status() == Status.MET).count();
        return "Chỉ tiêu chung của cả địa bàn: đạt " + met + "/" + area.size() + " chỉ tiêu";
    }

    /** One row per target, in the columns of {@link #HEADER}. */
    public static List<List<String>> rows(List<AreaFinding> area) {
        List<List<String>> rows = new ArrayList<>(area.size());
        for (AreaFinding a : area) {
            rows.add(List.of(a.title(), "≥ " + a.targetText(), a.figure(), a.status().label(), note(a)));
        }
        return rows;
    }

    private static String note(AreaFinding a) {
        return a.unitsWithoutData() == 0 ? ""
                : VietnameseNumbers.count(a.unitsWithoutData()) + " đơn vị chưa có số liệu, không tính";
    }

    /** The page's first section. */
    static void html(StringBuilder page, List<AreaFinding> area) {
        if (area.isEmpty()) {
            return;
        }
        page.append("<section id=\"area\">\n<h2>").append(escape(title(area))).append("</h2>\n<table class=\"area\">\n<thead><tr>");
        for (int c = 0; c < HEADER.size(); c++) {
            page.append(c == 1 || c == 2 ? "<th class=\"num\">" : "<th>").append(HEADER.get(c)).append("</th>");
        }
        page.append("</tr></thead>\n<tbody>\n");
        List<List<String>> rows = rows(area);
        for (int i = 0; i < area.size(); i++) {
            AreaFinding a = area.get(i);
            List<String> row = rows.get(i);
            page.append("<tr data-criterion=\"").append(escape(a.criterion())).append("\" data-status=\"").append(a.status().name())
                    .append("\"><td>").append(escape(row.get(0))).append("</td><td class=\"num\">").append(escape(row.get(1)))
                    .append("</td><td class=\"num\">").append(escape(row.get(2))).append("</td><td class=\"status ")
                    .append(a.status().name()).append("\">").append(escape(row.get(3))).append("</td><td>").append(escape(row.get(4)))
                    .append("</td></tr>\n");
        }
        page.append("</tbody>\n</table>\n<p class=\"meta\">Tính trên mọi đơn vị được đánh giá: tổng số liệu của các đơn vị"
                + " (không phải trung bình tỷ lệ); tiêu chí có/không tính theo số đơn vị đạt.</p>\n</section>\n");
    }

    /** The workbook's first sheet, "Chỉ tiêu chung", finished before the ranking's sheet is streamed. */
    static void xlsx(Workbook workbook, List<AreaFinding> area) throws IOException {
        if (area.isEmpty()) {
            return;
        }
        Worksheet sheet = workbook.newWorksheet("Chỉ tiêu chung");
        XlsxHeader.write(sheet, HEADER, List.of(60, 12, 28, 16, 36));
        List<List<String>> rows = rows(area);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < HEADER.size(); c++) {
                sheet.value(r + 1, c, rows.get(r).get(c));
            }
            sheet.style(r + 1, 0).wrapText(true).set();
        }
        sheet.value(rows.size() + 2, 0, title(area));
        sheet.style(rows.size() + 2, 0).bold().set();
        sheet.finish();
    }
}
