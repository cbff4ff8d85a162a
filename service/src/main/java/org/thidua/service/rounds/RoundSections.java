package org.thidua.service.rounds;

import static org.thidua.service.report.Html.escape;

import java.util.List;

import org.thidua.core.VietnameseNumbers;
import org.thidua.service.report.VietnamTime;

/**
 * The rounds in the HTML pages: on the staff page, a campaign's rounds with who has submitted and links to their
 * results and audit trail; on the ranking report of a round, each unit self-assessed beside appraised with every
 * correction and its reason. Times in Vietnam time.
 */
public final class RoundSections {
    private RoundSections() {
    }

    /** The staff page's section: each round of the campaign, the latest opened first. */
    public static String rounds(List<RoundResults> rounds) {
        StringBuilder html = new StringBuilder("<section id=\"rounds\">\n<h2>Kỳ đánh giá</h2>\n");
        if (rounds.isEmpty()) {
            return html.append("<p>Chưa có kỳ đánh giá nào (POST /api/v1/campaigns/{id}/rounds hoặc thidua round open).</p>\n</section>\n")
                    .toString();
        }
        html.append("<table>\n<thead><tr><th>Kỳ</th><th>Trạng thái</th><th>Hạn nộp (giờ Việt Nam)</th><th class=\"num\">Đã nộp</th>")
                .append("<th>Chưa nộp</th><th>Kết quả, nhật ký</th></tr></thead>\n<tbody>\n");
        for (RoundResults results : rounds) {
            Round round = results.round();
            String base = "/api/v1/rounds/" + escape(round.id());
            html.append("<tr><td>").append(escape(round.period())).append("<br><small><code>").append(escape(round.id()))
                    .append("</code></small></td><td>").append(round.isOpen() ? "đang mở" : "đã đóng lúc " + VietnamTime.dateTime(round.closedAt()))
                    .append("</td><td>").append(VietnamTime.dateTime(round.deadline())).append("</td><td class=\"num\">")
                    .append(VietnameseNumbers.count(results.units().size())).append("</td><td>")
                    .append(escape(String.join(", ", results.notSubmitted()))).append("</td><td>")
                    .append("<a href=\"/reports/").append(escape(round.campaign())).append("?round=").append(escape(round.id()))
                    .append("\">báo cáo</a> · <a href=\"").append(base).append("/results?format=xlsx\">kết quả .xlsx</a> · <a href=\"")
                    .append(base).append("/audit?format=csv\">nhật ký .csv</a></td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</section>\n").toString();
    }

    /** The round's section of its ranking report: self-assessed beside appraised, with the corrections and reasons. */
    public static String results(RoundResults results) {
        Round round = results.round();
        StringBuilder html = new StringBuilder("<section id=\"round\">\n<h2>Kỳ đánh giá ").append(escape(round.period())).append("</h2>\n<p>")
                .append(results.isFinal() ? "Kết quả chính thức, chốt lúc " + VietnamTime.dateTime(round.closedAt()) + " (giờ Việt Nam), bộ luật "
                        + "<code>" + escape(round.ruleSetVersions()) + "</code>" : "Kết quả tạm tính: kỳ đang mở, hạn nộp "
                        + VietnamTime.dateTime(round.deadline()) + " (giờ Việt Nam)")
                .append(".</p>\n<table>\n<thead><tr><th class=\"num\">Hạng</th><th>Đơn vị</th><th class=\"num\">Tự chấm</th>")
                .append("<th class=\"num\">Thẩm định</th><th>Điều chỉnh và lý do</th></tr></thead>\n<tbody>\n");
        for (RoundResults.UnitResult unit : results.units()) {
            html.append("<tr><td class=\"num\">").append(unit.rank()).append("</td><td>").append(escape(unit.standing().unitName()))
                    .append("</td><td class=\"num\">").append(VietnameseNumbers.score(unit.self().score())).append("</td><td class=\"num\">")
                    .append(unit.appraised() == null ? "" : VietnameseNumbers.score(unit.appraised().score())).append("</td><td>");
            for (Correction correction : unit.corrections()) {
                html.append(escape(RoundTables.correction(correction))).append("<br>");
            }
            html.append("</td></tr>\n");
        }
        for (String unitId : results.notSubmitted()) {
            html.append("<tr><td></td><td>").append(escape(unitId)).append("</td><td colspan=\"3\">chưa nộp báo cáo</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n</section>\n").toString();
    }

    /** A page with a section put in before its end. */
    public static String insert(String page, String section) {
        int end = page.lastIndexOf("</body>");
        return page.substring(0, end) + section + page.substring(end);
    }
}
