package org.thidua.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Ranks each ranking group of a campaign apart ({@code rankingGroups} in campaign.yaml) and caps the top grade
 * ({@code gradeCap}): at most {@code share} of a group's units, rounded down, keep the capped grade, the best ranked;
 * the others get the next grade and their result says why. Units tied at the cut keep it only if all of them fit.
 */
final class RankingGroups {
    private RankingGroups() {
    }

    static EvaluationResult apply(Campaign campaign, EvaluationResult result) {
        if (campaign.rankingGroups().isEmpty() && campaign.gradeCap() == null) {
            return result;
        }
        List<Evaluation> evaluations = new ArrayList<>(result.evaluations());
        List<Campaign.RankingGroup> groups = campaign.rankingGroups().isEmpty()
                ? List.of(new Campaign.RankingGroup("ALL", "mọi đơn vị", campaign.unitKinds())) : campaign.rankingGroups();
        for (Campaign.RankingGroup group : groups) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < evaluations.size(); i++) {
                if (group.unitKinds().contains(evaluations.get(i).kind())) {
                    members.add(i);
                }
            }
            List<BigDecimal> earned = new ArrayList<>();
            List<BigDecimal> possible = new ArrayList<>();
            for (int i : members) {
                BigDecimal[] total = Scoring.exactTotal(campaign, evaluations.get(i).findings());
                earned.add(total[0]);
                possible.add(total[1]);
            }
            int[] ranks = Ranks.byPoints(earned, possible);
            Campaign.GradeCap cap = campaign.gradeCap();
            int allowed = cap == null ? 0 : cap.share().multiply(BigDecimal.valueOf(members.size())).intValue(); // rounded down
            String groupId = campaign.rankingGroups().isEmpty() ? null : group.id();
            for (int k = 0; k < members.size(); k++) {
                Evaluation e = evaluations.get(members.get(k));
                String grade = e.grade();
                String note = null;
                if (cap != null && grade.equals(cap.grade())) {
                    int rank = ranks[k];
                    long tied = java.util.Arrays.stream(ranks).filter(r -> r == rank).count();
                    if (rank + tied - 1 > allowed) {
                        grade = next(campaign, cap.grade());
                        note = note(campaign, cap, group, members.size(), allowed, rank, tied > 1);
                    }
                }
                evaluations.set(members.get(k), e.withRanking(ranks[k], grade, groupId, note));
            }
        }
        return new EvaluationResult(result.campaign(), result.ruleSetVersion(), evaluations, result.commendations());
    }

    private static String next(Campaign campaign, String grade) {
        List<Campaign.GradeBand> grades = campaign.grades();
        for (int i = 0; i < grades.size() - 1; i++) {
            if (grades.get(i).code().equals(grade)) {
                return grades.get(i + 1).code();
            }
        }
        return grade;
    }

    private static String note(Campaign campaign, Campaign.GradeCap cap, Campaign.RankingGroup group, int size, int allowed,
                               int rank, boolean tie) {
        String capped = label(campaign, cap.grade());
        String percent = cap.share().movePointRight(2).stripTrailingZeros().toPlainString().replace('.', ',') + "%";
        return "Điểm đạt mức " + capped + " nhưng chỉ " + percent + " số đơn vị của nhóm " + group.label() + " (" + allowed + " trên "
                + size + " đơn vị, làm tròn xuống) được " + capped + "; đơn vị xếp hạng " + rank
                + (tie ? " (đồng hạng tại ngưỡng: các đơn vị đồng hạng cùng xuống mức dưới)" : "")
                + " nên được " + label(campaign, next(campaign, cap.grade())) + " (capped: at most " + percent + " of the group may get "
                + cap.grade() + ")";
    }

    private static String label(Campaign campaign, String code) {
        return campaign.grade(code).map(Campaign.GradeBand::label).orElse(code);
    }
}
