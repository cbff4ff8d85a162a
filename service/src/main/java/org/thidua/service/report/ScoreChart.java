package org.thidua.service.report;

import static org.thidua.service.report.Html.escape;

import java.util.List;
import java.util.Locale;

import org.thidua.core.Campaign;
import org.thidua.core.Evaluation;
import org.thidua.core.VietnameseNumbers;

/**
 * The scores of the units as a horizontal bar chart in inline SVG (no script, no external file): one bar per unit in
 * ranking order, coloured by grade (the colours of the grade badges above it), with a dashed line at each grade's
 * lower bound.
 */
final class ScoreChart {
    static final String[] GRADE_COLOURS = {"#1b5e20", "#43a047", "#f9a825", "#c62828", "#6d4c41"};
    private static final int LABEL = 250;
    private static final int BAR_AREA = 420;
    private static final int ROW = 20;
    private static final int TOP = 28;

    private ScoreChart() {
    }

    static String render(Campaign campaign, List<Evaluation> ranking) {
        int height = TOP + ranking.size() * ROW + 10;
        int width = LABEL + BAR_AREA + 70;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"score-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"Biểu đồ điểm của các đơn vị\">\n");
        for (Campaign.GradeBand band : campaign.grades()) {
            if (band.minScore() <= 0) {
                continue;
            }
            double x = LABEL + band.minScore() / 100 * BAR_AREA;
            svg.append("<line class=\"grade-line\" x1=\"").append(num(x)).append("\" y1=\"").append(TOP - 6).append("\" x2=\"").append(num(x))
                    .append("\" y2=\"").append(height - 6).append("\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>")
                    .append("<text x=\"").append(num(x)).append("\" y=\"").append(TOP - 10).append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">")
                    .append("≥ ").append(VietnameseNumbers.number(band.minScore())).append("</text>\n");
        }
        for (int i = 0; i < ranking.size(); i++) {
            Evaluation evaluation = ranking.get(i);
            double y = TOP + i * ROW;
            double barWidth = Math.max(0, Math.min(100, evaluation.score())) / 100 * BAR_AREA;
            svg.append("<g class=\"bar\" data-unit=\"").append(escape(evaluation.unitId())).append("\" data-score=\"")
                    .append(num(evaluation.score())).append("\">")
                    .append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(num(y + 14)).append("\" font-size=\"12\" text-anchor=\"end\">")
                    .append(evaluation.rank()).append(". ").append(escape(shorten(evaluation.unitName()))).append("</text>")
                    .append("<rect x=\"").append(LABEL).append("\" y=\"").append(num(y + 3)).append("\" width=\"").append(num(barWidth))
                    .append("\" height=\"").append(ROW - 6).append("\" fill=\"").append(colour(campaign, evaluation.grade())).append("\"/>")
                    .append("<text x=\"").append(num(LABEL + barWidth + 5)).append("\" y=\"").append(num(y + 14)).append("\" font-size=\"12\">")
                    .append(VietnameseNumbers.score(evaluation.score())).append("</text></g>\n");
        }
        svg.append("<line x1=\"").append(LABEL).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(LABEL).append("\" y2=\"")
                .append(height - 6).append("\" stroke=\"#333\"/>\n");
        return svg.append("</svg>").toString();
    }

    /** The colour of a grade: by the grade's place in the campaign's list, best first. */
    static String colour(Campaign campaign, String grade) {
        for (int i = 0; i < campaign.grades().size(); i++) {
            if (campaign.grades().get(i).code().equals(grade)) {
                return GRADE_COLOURS[Math.min(i, GRADE_COLOURS.length - 1)];
            }
        }
        return GRADE_COLOURS[GRADE_COLOURS.length - 1];
    }

    private static String shorten(String name) {
        return name.length() <= 30 ? name : name.substring(0, 29) + "…";
    }

    private static String num(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
