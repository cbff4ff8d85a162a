package org.thidua.service.report;

import static org.thidua.service.report.Html.escape;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.thidua.core.Campaign;
import org.thidua.core.RuleProblem;
import org.thidua.core.RuleSet;
import org.thidua.core.RuleTests;
import org.thidua.core.UnitKind;
import org.thidua.core.VietnameseNumbers;

/**
 * The page staff open after saving a rule file: which version is live and since when (Vietnam time), its criteria,
 * its rule tests' results, and the last refused edit with every problem at {@code file:line:column}. Styled as the
 * ranking report; self-contained.
 */
public final class CampaignPage {
    /** A refused edit as the page shows it: when, the version tried, its problems and its failed rule tests. */
    public record Refused(Instant at, String versionAttempted, List<RuleProblem> problems, List<String> failedTests) {
        public Refused {
            problems = List.copyOf(problems);
            failedTests = List.copyOf(failedTests);
        }
    }

    private CampaignPage() {
    }

    /** @param refused the last refused edit, or {@code null} when the files on disk are the live version */
    public static String render(RuleSet live, RuleTests.Report tests, Refused refused) {
        Campaign campaign = live.campaign();
        StringBuilder page = new StringBuilder(8_192);
        page.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Bộ luật — ").append(escape(campaign.title())).append("</title>\n<style>\n")
                .append(ReportStyle.CSS).append("</style>\n</head>\n<body>\n<header>\n<h1>").append(escape(campaign.title()))
                .append("</h1>\n<p id=\"live\">Phiên bản đang phục vụ: <code>").append(escape(live.version()))
                .append("</code> · từ ").append(VietnamTime.dateTime(live.loadedAt())).append(" (giờ Việt Nam)</p>\n</header>\n");
        refused(page, refused);
        page.append("<section id=\"criteria\">\n<h2>Tiêu chí</h2>\n<table>\n<thead><tr><th>Mã</th><th>Tiêu chí</th>")
                .append("<th class=\"num\">Điểm</th><th>Áp dụng cho</th></tr></thead>\n<tbody>\n");
        for (Campaign.Criterion criterion : campaign.criteria()) {
            page.append("<tr><td><code>").append(escape(criterion.id())).append("</code></td><td>").append(escape(criterion.title()))
                    .append("</td><td class=\"num\">").append(VietnameseNumbers.points(criterion.points())).append("</td><td>")
                    .append(escape(String.join(", ", criterion.appliesTo().stream().sorted(Comparator.naturalOrder())
                            .map(UnitKind::label).toList())))
                    .append("</td></tr>\n");
        }
        page.append("</tbody>\n</table>\n</section>\n");
        area(page, campaign.area());
        tests(page, tests);
        return page.append("</body>\n</html>\n").toString();
    }

    /** The plan's targets for the whole area, which each answer's and report's area scorecard judges; none, no section. */
    private static void area(StringBuilder page, List<Campaign.AreaTarget> targets) {
        if (targets.isEmpty()) {
            return;
        }
        page.append("<section id=\"area\">\n<h2>Chỉ tiêu chung của địa bàn</h2>\n<table>\n<thead><tr><th>Tiêu chí</th>")
                .append("<th>Chỉ tiêu</th><th class=\"num\">Mức</th></tr></thead>\n<tbody>\n");
        for (Campaign.AreaTarget target : targets) {
            page.append("<tr><td><code>").append(escape(target.criterion())).append("</code></td><td>").append(escape(target.title()))
                    .append("</td><td class=\"num\">").append(VietnameseNumbers.percent(target.target().doubleValue()))
                    .append("</td></tr>\n");
        }
        page.append("</tbody>\n</table>\n</section>\n");
    }

    private static void refused(StringBuilder page, Refused refused) {
        page.append("<section id=\"refused\">\n<h2>Bản sửa bị từ chối gần nhất</h2>\n");
        if (refused == null) {
            page.append("<p>Không có: các tệp trong thư mục luật là phiên bản đang phục vụ.</p>\n</section>\n");
            return;
        }
        page.append("<p>Lúc ").append(VietnamTime.dateTime(refused.at())).append(" (giờ Việt Nam) · phiên bản thử: ")
                .append(refused.versionAttempted() == null ? "không biên dịch được" : "<code>" + escape(refused.versionAttempted()) + "</code>")
                .append(" · phiên bản trên vẫn phục vụ.</p>\n<ul class=\"problems\">\n");
        for (RuleProblem problem : refused.problems()) {
            page.append("<li><code>").append(escape(problem.place())).append("</code> ")
                    .append(escape(problem.message())).append("</li>\n");
        }
        for (String failed : refused.failedTests()) {
            page.append("<li>").append(escape(failed)).append("</li>\n");
        }
        page.append("</ul>\n</section>\n");
    }

    private static void tests(StringBuilder page, RuleTests.Report tests) {
        page.append("<section id=\"tests\">\n<h2>Kiểm thử luật: ").append(VietnameseNumbers.count(tests.cases().size())).append(" ca, ")
                .append(VietnameseNumbers.count(tests.failedCount())).append(" không đạt</h2>\n<ul>\n");
        for (RuleProblem problem : tests.problems()) {
            page.append("<li class=\"NOT_MET\"><code>").append(escape(problem.place()))
                    .append("</code> ").append(escape(problem.message())).append("</li>\n");
        }
        for (RuleTests.CaseResult result : tests.cases()) {
            page.append("<li class=\"").append(result.passed() ? "MET" : "NOT_MET").append("\">").append(result.passed() ? "✓ " : "✗ ")
                    .append("<code>").append(escape(result.file() + ":" + result.line())).append("</code> ").append(escape(result.name()));
            result.failures().forEach(f -> page.append("<br><small>").append(escape(f)).append("</small>"));
            page.append("</li>\n");
        }
        page.append("</ul>\n</section>\n");
    }
}
