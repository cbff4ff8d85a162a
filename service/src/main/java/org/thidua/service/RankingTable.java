package org.thidua.service;

import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.thidua.core.Campaign;
import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationResult;
import org.thidua.core.Finding;
import org.thidua.core.Status;

/** The ranking as a table a person reads in a terminal, Vietnamese intact and columns aligned. */
final class RankingTable {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String NL = System.lineSeparator();

    private final Campaign campaign;

    RankingTable(Campaign campaign) {
        this.campaign = campaign;
    }

    String render(EvaluationResult result) {
        StringBuilder text = new StringBuilder();
        text.append(campaign.title()).append(NL);
        if (!campaign.legalBasis().isEmpty()) {
            text.append(campaign.legalBasis()).append(NL);
        }
        if (campaign.periodFrom() != null && campaign.periodTo() != null) {
            text.append("Kỳ đánh giá: ").append(DATE.format(campaign.periodFrom())).append(" – ")
                    .append(DATE.format(campaign.periodTo())).append(NL);
        }
        text.append("Bộ luật: ").append(result.campaign()).append(" ").append(result.ruleSetVersion()).append(NL).append(NL);

        List<String> header = new ArrayList<>(List.of("Hạng", "Đơn vị", "Loại", "Điểm", "Xếp loại"));
        for (int i = 1; i <= campaign.criteria().size(); i++) {
            header.add("TC" + i);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Evaluation evaluation : result.ranking()) {
            List<String> row = new ArrayList<>(List.of(
                    String.valueOf(evaluation.rank()),
                    evaluation.unitName(),
                    evaluation.kind().label(),
                    score(evaluation.score()),
                    campaign.grade(evaluation.grade()).map(Campaign.GradeBand::label).orElse(evaluation.grade())));
            for (Campaign.Criterion criterion : campaign.criteria()) {
                row.add(evaluation.finding(criterion.id()).map(Finding::status).map(RankingTable::mark).orElse(" "));
            }
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (List<String> row : concat(header, rows)) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        appendRow(text, header, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("─".repeat(width));
        }
        appendRow(text, rule, widths);
        rows.forEach(row -> appendRow(text, row, widths));

        text.append(NL).append("Tiêu chí (criteria):").append(NL);
        for (int i = 0; i < campaign.criteria().size(); i++) {
            Campaign.Criterion criterion = campaign.criteria().get(i);
            text.append("  TC").append(i + 1).append("  ").append(criterion.id()).append(": ").append(criterion.title()).append(NL);
        }
        text.append("Ký hiệu: ✓ đạt · ✗ không đạt · – không áp dụng · ? chưa có số liệu").append(NL);
        Map<String, Integer> byGrade = new LinkedHashMap<>();
        campaign.grades().forEach(g -> byGrade.put(g.code(), 0));
        result.evaluations().forEach(e -> byGrade.merge(e.grade(), 1, Integer::sum));
        text.append("Tổng hợp: ").append(result.evaluations().size()).append(" đơn vị");
        byGrade.forEach((code, count) -> text.append(" · ")
                .append(campaign.grade(code).map(Campaign.GradeBand::label).orElse(code)).append(": ").append(count));
        return text.append(NL).toString();
    }

    private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>(rows);
        all.add(header);
        return all;
    }

    private static void appendRow(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - width(cell));
            boolean numeric = c == 0 || c == 3;
            line.append(numeric ? padding + cell : cell + padding).append(c == cells.size() - 1 ? "" : "  ");
        }
        text.append(line.toString().stripTrailing()).append(NL);
    }

    /** Columns a text takes in a terminal: combining marks take none. */
    static int width(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        return (int) composed.codePoints().filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK).count();
    }

    private static String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score).replace('.', ',');
    }

    private static String mark(Status status) {
        return switch (status) {
            case MET -> "✓";
            case NOT_MET -> "✗";
            case NOT_APPLICABLE -> "–";
            case NO_DATA -> "?";
        };
    }
}
