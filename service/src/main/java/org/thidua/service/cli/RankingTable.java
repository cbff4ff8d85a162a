package org.thidua.service.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.thidua.core.AreaFinding;
import org.thidua.core.Campaign;
import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationResult;
import org.thidua.core.Status;
import org.thidua.core.VietnameseNumbers;
import org.thidua.service.report.AreaScorecard;
import org.thidua.service.report.CriterionCells;

/** The ranking as a table a person reads in a terminal, Vietnamese intact and columns aligned. */
public final class RankingTable {
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
            text.append("Kỳ đánh giá: ").append(VietnameseNumbers.date(campaign.periodFrom())).append(" – ")
                    .append(VietnameseNumbers.date(campaign.periodTo())).append(NL);
        }
        text.append("Bộ luật: ").append(result.campaign()).append(" ").append(result.ruleSetVersion()).append(NL).append(NL);
        List<AreaFinding> area = AreaScorecard.of(campaign, result);
        if (!area.isEmpty()) { // the plan's own answer first, then the ranking
            text.append(AreaScorecard.title(area)).append(NL);
            TerminalTable.append(text, AreaScorecard.HEADER, AreaScorecard.rows(area), Set.of(1, 2));
            text.append(NL);
        }

        List<String> header = new ArrayList<>(List.of("Hạng", "Đơn vị", "Loại", "Điểm", "Xếp loại"));
        for (int i = 1; i <= campaign.criteria().size(); i++) {
            header.add("TC" + i);
        }
        List<String> groups = CriterionCells.groups(result.evaluations());
        for (int i = 1; i <= groups.size(); i++) {
            header.add("N" + i);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Evaluation evaluation : result.ranking()) {
            List<String> row = new ArrayList<>(List.of(
                    String.valueOf(evaluation.rank()),
                    evaluation.unitName(),
                    evaluation.kind().label(),
                    VietnameseNumbers.score(evaluation.score()),
                    campaign.grade(evaluation.grade()).map(Campaign.GradeBand::label).orElse(evaluation.grade())));
            for (Campaign.Criterion criterion : campaign.criteria()) {
                row.add(CriterionCells.cell(criterion, evaluation.finding(criterion.id()).orElse(null), RankingTable::mark));
            }
            groups.forEach(group -> row.add(CriterionCells.subtotal(evaluation, group)));
            rows.add(row);
        }
        TerminalTable.append(text, header, rows, Set.of(0, 3)); // rank and score to the right

        text.append(NL).append("Tiêu chí (criteria):").append(NL);
        for (int i = 0; i < campaign.criteria().size(); i++) {
            Campaign.Criterion criterion = campaign.criteria().get(i);
            text.append("  TC").append(i + 1).append("  ").append(criterion.id()).append(": ").append(criterion.title()).append(NL);
        }
        for (int i = 0; i < groups.size(); i++) {
            text.append("  N").append(i + 1).append("  ").append(groups.get(i)).append(" (điểm nhóm, group subtotal)").append(NL);
        }
        text.append("Ký hiệu: ✓ đạt · ✗ không đạt · – không áp dụng · ? chưa có số liệu");
        if (campaign.criteria().stream().anyMatch(c -> c.shown() != Campaign.Criterion.Shown.MARK || c.isBonusOrPenalty())) {
            text.append(" · 9,3/15 điểm đạt/tối đa · Có/Không · +3 điểm thưởng · −4 điểm trừ");
        }
        text.append(NL);
        for (Evaluation evaluation : result.ranking()) {
            if (evaluation.gradeNote() != null) {
                text.append("* ").append(evaluation.unitName()).append(": ").append(evaluation.gradeNote()).append(NL);
            }
        }
        Map<String, Integer> byGrade = new LinkedHashMap<>();
        campaign.grades().forEach(g -> byGrade.put(g.code(), 0));
        result.evaluations().forEach(e -> byGrade.merge(e.grade(), 1, Integer::sum));
        text.append("Tổng hợp: ").append(result.evaluations().size()).append(" đơn vị");
        byGrade.forEach((code, count) -> text.append(" · ")
                .append(campaign.grade(code).map(Campaign.GradeBand::label).orElse(code)).append(": ").append(count));
        return text.append(NL).toString();
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
