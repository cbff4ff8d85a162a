package org.thidua.service.report;

import static org.thidua.service.report.Html.escape;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.thidua.core.AreaFinding;
import org.thidua.core.Campaign;
import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationResult;
import org.thidua.core.Finding;
import org.thidua.core.Status;
import org.thidua.core.VietnameseNumbers;

/**
 * The ranking report as one self-contained HTML page (styles and the chart inlined; no script, no external file):
 * the ranking table, a chart of scores, the units × criteria matrix coloured by status, and each unit's findings
 * with their figures and messages; Vietnamese number and date formats; laid out to print on A4.
 */
public final class RankingReportPage {
    private final Campaign campaign;
    private final LocalDate madeOn;

    /** @param madeOn the date printed as the report's date */
    public RankingReportPage(Campaign campaign, LocalDate madeOn) {
        this.campaign = campaign;
        this.madeOn = madeOn;
    }

    /** The whole report on one page, as {@code thidua report} writes it and the service serves a small campaign. */
    public String render(EvaluationResult result) {
        return render(result.campaign(), result.ruleSetVersion(), result.evaluations().size(),
                gradeCounts(result.evaluations().stream().map(Evaluation::grade).toList()), AreaScorecard.of(campaign, result),
                result.ranking(), null);
    }

    /**
     * One page of a long ranking (the service pages a campaign of more than {@value #PAGE_SIZE} units): the summary of
     * the whole standing first (units per grade, the first units), then this page's units in the ranking, chart,
     * matrix and details, with links to the other pages ({@code ?page=}).
     *
     * @param top     the first units of the whole ranking (bodies not needed)
     * @param units   this page's units, whole, in ranking order
     * @param area    the area's scorecard over the whole standing ({@link AreaScorecard}); empty without area targets
     */
    public record Part(int page, int pages, int unitCount, Map<String, Integer> byGrade, List<Evaluation> top, List<Evaluation> units,
                       List<AreaFinding> area) {
    }

    /** Units on one page of the served report. */
    public static final int PAGE_SIZE = 500;

    public String render(String campaignId, String ruleSetVersion, Part part) {
        return render(campaignId, ruleSetVersion, part.unitCount(), part.byGrade(), part.area(), part.units(), part);
    }

    /** Units per grade, every grade of the campaign listed (in its order), then any other code met. */
    public Map<String, Integer> gradeCounts(List<String> grades) {
        Map<String, Integer> byGrade = new LinkedHashMap<>();
        campaign.grades().forEach(g -> byGrade.put(g.code(), 0));
        grades.forEach(grade -> byGrade.merge(grade, 1, Integer::sum));
        return byGrade;
    }

    private String render(String campaignId, String ruleSetVersion, int unitCount, Map<String, Integer> byGrade,
            List<AreaFinding> area, List<Evaluation> ranking, Part part) {
        StringBuilder page = new StringBuilder(16_384 + ranking.size() * 4_096);
        page.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Xếp hạng — ").append(escape(campaign.title())).append("</title>\n<style>\n")
                .append(ReportStyle.CSS).append("</style>\n</head>\n<body>\n");
        header(page, unitCount);
        AreaScorecard.html(page, area);
        summary(page, byGrade);
        if (part != null) {
            top(page, part);
            pages(page, part);
        }
        page.append("<section id=\"ranking\">\n<h2>Bảng xếp hạng</h2>\n<table class=\"ranking\">\n<thead><tr><th>Hạng</th><th>Đơn vị</th>")
                .append("<th>Loại</th><th class=\"num\">Điểm</th><th>Xếp loại</th></tr></thead>\n<tbody>\n");
        for (Evaluation e : ranking) {
            page.append("<tr data-unit=\"").append(escape(e.unitId())).append("\" data-rank=\"").append(e.rank()).append("\"><td class=\"num\">")
                    .append(e.rank()).append("</td><td><a href=\"#unit-").append(escape(e.unitId())).append("\">").append(escape(e.unitName()))
                    .append("</a></td><td>").append(escape(e.kind().label())).append("</td><td class=\"num\">")
                    .append(VietnameseNumbers.score(e.score())).append("</td><td>").append(badge(e.grade())).append("</td></tr>\n");
        }
        page.append("</tbody>\n</table>\n</section>\n");
        page.append("<section id=\"chart\">\n<h2>Biểu đồ điểm</h2>\n").append(ScoreChart.render(campaign, ranking)).append("\n</section>\n");
        matrix(page, ranking);
        findings(page, ranking);
        if (part != null) {
            pages(page, part);
        }
        page.append("<footer>Lập bằng thidua ngày ").append(VietnameseNumbers.date(madeOn)).append(" · bộ luật ")
                .append(escape(campaignId)).append(" <code>").append(escape(ruleSetVersion)).append("</code></footer>\n");
        return page.append("</body>\n</html>\n").toString();
    }

    private String badge(String grade) {
        return "<span class=\"grade\" style=\"background:" + ScoreChart.colour(campaign, grade) + "\">" + escape(gradeLabel(grade)) + "</span>";
    }

    private void header(StringBuilder page, int unitCount) {
        page.append("<header>\n<h1>").append(escape(campaign.title())).append("</h1>\n");
        if (campaign.legalBasis() != null && !campaign.legalBasis().isEmpty()) {
            page.append("<p class=\"basis\">").append(escape(campaign.legalBasis())).append("</p>\n");
        }
        page.append("<p class=\"meta\">");
        if (campaign.periodFrom() != null && campaign.periodTo() != null) {
            page.append("Kỳ đánh giá: ").append(VietnameseNumbers.date(campaign.periodFrom())).append(" – ")
                    .append(VietnameseNumbers.date(campaign.periodTo())).append(" · ");
        }
        page.append(VietnameseNumbers.count(unitCount)).append(" đơn vị · Ngày lập: ")
                .append(VietnameseNumbers.date(madeOn)).append("</p>\n</header>\n");
    }

    private void summary(StringBuilder page, Map<String, Integer> byGrade) {
        page.append("<section id=\"summary\"><ul class=\"grades\">");
        byGrade.forEach((code, n) -> page.append("<li><span class=\"grade\" style=\"background:").append(ScoreChart.colour(campaign, code))
                .append("\">").append(escape(gradeLabel(code))).append("</span> ").append(VietnameseNumbers.count(n)).append(" đơn vị</li>"));
        page.append("</ul></section>\n");
    }

    /** The first units of the whole ranking, on every page of a long one. */
    private void top(StringBuilder page, Part part) {
        page.append("<section id=\"top\">\n<h2>Dẫn đầu</h2>\n<ol class=\"top\">");
        for (Evaluation e : part.top()) {
            page.append("<li data-unit=\"").append(escape(e.unitId())).append("\">").append(e.rank()).append(". ").append(escape(e.unitName()))
                    .append(" · ").append(VietnameseNumbers.score(e.score())).append(" điểm ").append(badge(e.grade())).append("</li>");
        }
        page.append("</ol>\n</section>\n");
    }

    /** Links to every page: "Trang 2/80", the previous and next, and each page number. */
    private void pages(StringBuilder page, Part part) {
        page.append("<nav class=\"pages\" aria-label=\"Trang\"><span>Trang ").append(part.page()).append("/").append(part.pages())
                .append(" (đơn vị ").append(VietnameseNumbers.count((part.page() - 1) * PAGE_SIZE + 1)).append("–")
                .append(VietnameseNumbers.count((part.page() - 1) * PAGE_SIZE + part.units().size())).append(")</span>");
        if (part.page() > 1) {
            page.append(" <a rel=\"prev\" href=\"?page=").append(part.page() - 1).append("\">‹ Trang trước</a>");
        }
        if (part.page() < part.pages()) {
            page.append(" <a rel=\"next\" href=\"?page=").append(part.page() + 1).append("\">Trang sau ›</a>");
        }
        page.append(" <span class=\"all\">");
        for (int p = 1; p <= part.pages(); p++) {
            page.append(p == part.page() ? "<b>" + p + "</b>" : "<a href=\"?page=" + p + "\">" + p + "</a>").append(' ');
        }
        page.append("</span></nav>\n");
    }

    private void matrix(StringBuilder page, List<Evaluation> ranking) {
        page.append("<section id=\"matrix\">\n<h2>Kết quả theo tiêu chí</h2>\n<table class=\"matrix\">\n<thead><tr><th>Hạng</th><th>Đơn vị</th>");
        for (int i = 0; i < campaign.criteria().size(); i++) {
            page.append("<th title=\"").append(escape(campaign.criteria().get(i).title())).append("\">TC").append(i + 1).append("</th>");
        }
        List<String> groups = CriterionCells.groups(ranking);
        for (int i = 0; i < groups.size(); i++) {
            page.append("<th class=\"group\" title=\"").append(escape(groups.get(i))).append("\">N").append(i + 1).append("</th>");
        }
        page.append("</tr></thead>\n<tbody>\n");
        for (Evaluation e : ranking) {
            page.append("<tr data-unit=\"").append(escape(e.unitId())).append("\"><td class=\"num\">").append(e.rank()).append("</td><td>")
                    .append(escape(e.unitName())).append("</td>");
            for (Campaign.Criterion criterion : campaign.criteria()) {
                Finding finding = e.finding(criterion.id()).orElse(null);
                Status status = finding == null ? Status.NO_DATA : finding.status();
                String kind = criterion.isBonusOrPenalty() ? " " + criterion.kind().name() : "";
                page.append("<td class=\"status ").append(status.name()).append(kind).append("\" data-criterion=\"").append(criterion.id())
                        .append("\" data-status=\"").append(status.name()).append("\">")
                        .append(escape(finding == null ? status.label() : CriterionCells.cell(criterion, finding, Status::label))).append("</td>");
            }
            for (String group : groups) {
                page.append("<td class=\"num group\" data-group=\"").append(escape(group)).append("\">")
                        .append(escape(CriterionCells.subtotal(e, group))).append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</tbody>\n</table>\n<ol class=\"legend\">");
        for (int i = 0; i < campaign.criteria().size(); i++) {
            Campaign.Criterion criterion = campaign.criteria().get(i);
            page.append("<li><b>TC").append(i + 1).append("</b> ").append(escape(criterion.title())).append(" <small>(")
                    .append(criterion.id()).append(")</small></li>");
        }
        page.append("</ol>\n");
        if (!groups.isEmpty()) {
            page.append("<ol class=\"legend groups\">");
            for (int i = 0; i < groups.size(); i++) {
                page.append("<li><b>N").append(i + 1).append("</b> ").append(escape(groups.get(i))).append(" <small>(điểm nhóm)</small></li>");
            }
            page.append("</ol>\n");
        }
        page.append("</section>\n");
    }

    private void findings(StringBuilder page, List<Evaluation> ranking) {
        page.append("<section id=\"findings\">\n<h2>Kết quả chi tiết từng đơn vị</h2>\n");
        for (Evaluation e : ranking) {
            page.append("<article class=\"unit\" id=\"unit-").append(escape(e.unitId())).append("\">\n<h3>").append(e.rank()).append(". ")
                    .append(escape(e.unitName())).append(" <small>").append(escape(e.kind().label())).append(" · ")
                    .append(VietnameseNumbers.score(e.score())).append(" điểm · ").append(escape(gradeLabel(e.grade()))).append("</small></h3>\n")
                    .append(e.gradeNote() == null ? "" : "<p class=\"grade-note\">" + escape(e.gradeNote()) + "</p>\n")
                    .append("<table class=\"findings\"><thead><tr><th>Tiêu chí</th><th>Kết quả</th><th class=\"num\">Số liệu</th>")
                    .append("<th class=\"num\">Chỉ tiêu</th><th class=\"num\">Điểm</th><th>Nhận xét</th></tr></thead><tbody>\n");
            for (Finding f : e.findings()) {
                page.append("<tr><td>").append(escape(f.title())).append("</td><td class=\"status ").append(f.status().name()).append("\">")
                        .append(f.status().label()).append("</td><td class=\"num\">").append(figure(f))
                        .append("</td><td class=\"num\">").append(f.target() == null ? "" : figure(f.target(), f.target()))
                        .append("</td><td class=\"num\">").append(points(f)).append("</td><td>").append(escape(f.message())).append("</td></tr>\n");
            }
            if (e.groups() != null) {
                for (org.thidua.core.GroupTotal group : e.groups()) {
                    page.append("<tr class=\"group\"><td colspan=\"4\"><b>").append(escape(group.group())).append("</b></td><td class=\"num\">")
                            .append(escape(CriterionCells.subtotal(group))).append("</td><td>Điểm nhóm (group subtotal)</td></tr>\n");
                }
            }
            page.append("</tbody></table>\n</article>\n");
        }
        page.append("</section>\n");
    }

    /** The unit's figure: a share of counts from the counts themselves (rounded once), any other as {@link #figure(Double, Double)}. */
    private static String figure(Finding f) {
        if (f.part() != null && f.whole() != null && f.whole() > 0) {
            return VietnameseNumbers.percent(f.part(), f.whole());
        }
        return figure(f.actual(), f.target());
    }

    /** A share against a share target is a percentage; any other figure a plain number. */
    private static String figure(Double value, Double target) {
        if (value == null) {
            return "–";
        }
        boolean share = value >= 0 && value <= 1 && (target == null || target <= 1);
        return share ? VietnameseNumbers.percent(value) : VietnameseNumbers.number(value);
    }

    private static String points(Finding f) {
        if (f.maxPoints() == 0) {
            return f.points() == 0 ? "–" : CriterionCells.signed(f.points());
        }
        return VietnameseNumbers.points(f.points()) + "/" + VietnameseNumbers.points(f.maxPoints());
    }

    private String gradeLabel(String code) {
        return campaign.grade(code).map(Campaign.GradeBand::label).orElse(code);
    }
}
