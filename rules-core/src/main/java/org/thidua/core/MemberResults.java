package org.thidua.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kie.api.runtime.KieSession;
import org.thidua.core.compile.CampaignReader;

/**
 * The part of an evaluation that concerns officials and titles: each official's findings on the individual
 * criteria, the {@link Standing} facts inserted once every criterion is judged, the title results of units and
 * officials, and the proposed commendations.
 */
final class MemberResults {
    /** What one unit's evaluation gains when the request has members. */
    record UnitPart(List<MemberResult> members, List<TitleResult> titles) {
    }

    private MemberResults() {
    }

    /** Inserts where each unit and each official stands on the criteria, for the rules that propose commendations. */
    static void insertStandings(KieSession session, Campaign campaign, List<UnitReport> chunk, EvaluationContext context,
                                List<List<Finding>> unitFindings) {
        java.util.Set<String> bonusOrPenalty = new java.util.HashSet<>();
        campaign.criteria().stream().filter(Campaign.Criterion::isBonusOrPenalty).forEach(c -> bonusOrPenalty.add(c.id()));
        for (int i = 0; i < chunk.size(); i++) {
            UnitReport report = chunk.get(i);
            // a bonus or a penalty is not a criterion to meet: "met n/m" counts the criteria alone
            session.insert(standing(report, null, unitFindings.get(i).stream().filter(f -> !bonusOrPenalty.contains(f.criterion())).toList()));
            for (Member member : report.members()) {
                session.insert(standing(report, member, memberFindings(campaign, context, i, member)));
            }
        }
    }

    private static Standing standing(UnitReport report, Member member, List<Finding> findings) {
        int met = 0;
        int applicable = 0;
        List<String> notMet = new ArrayList<>();
        List<String> notMetTitles = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding.status() == Status.NOT_APPLICABLE) {
                continue;
            }
            applicable++;
            if (finding.status() == Status.MET) {
                met++;
            } else {
                notMet.add(finding.criterion());
                notMetTitles.add(finding.title());
            }
        }
        return new Standing(report, member, met, applicable, notMet, notMetTitles);
    }

    /** Each unit's members and collective titles, once the rules have run. */
    static List<UnitPart> of(Campaign campaign, List<UnitReport> chunk, EvaluationContext context) {
        List<UnitPart> parts = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            UnitReport report = chunk.get(i);
            List<MemberResult> members = new ArrayList<>(report.members().size());
            for (Member member : report.members()) {
                members.add(new MemberResult(member.id(), member.name(), member.role(),
                        memberFindings(campaign, context, i, member), titles(campaign, context, i, report, member)));
            }
            parts.add(new UnitPart(members, titles(campaign, context, i, report, null)));
        }
        return parts;
    }

    private static List<Finding> memberFindings(Campaign campaign, EvaluationContext context, int index, Member member) {
        List<Finding> findings = new ArrayList<>(campaign.memberCriteria().size());
        for (Campaign.MemberCriterion criterion : campaign.memberCriteria()) {
            if (!criterion.appliesTo(member.role())) {
                findings.add(new Finding(criterion.id(), Status.NOT_APPLICABLE, null, null, 0, 0, criterion.title(),
                        "Không áp dụng cho vai trò " + member.role().label().toLowerCase(Locale.ROOT),
                        CampaignReader.FILE + ": memberCriteria.appliesTo"));
                continue;
            }
            Judgement judgement = context.memberJudgement(index, member.id(), criterion.id());
            findings.add(judgement != null
                    ? judgement.toFinding(criterion.title(), BigDecimal.ZERO)
                    : new Finding(criterion.id(), Status.NO_DATA, null, null, 0, 0, criterion.title(),
                    "Chưa báo cáo số liệu", CampaignReader.FILE + ": " + criterion.id()));
        }
        return findings;
    }

    private static List<TitleResult> titles(Campaign campaign, EvaluationContext context, int index, UnitReport report, Member member) {
        Campaign.Title.Subject subject = member == null ? Campaign.Title.Subject.UNIT : Campaign.Title.Subject.MEMBER;
        List<TitleResult> titles = new ArrayList<>();
        for (Campaign.Title title : campaign.titles()) {
            if (title.subject() != subject) {
                continue;
            }
            TitleJudgement judgement = context.titleJudgement(index, member == null ? null : member.id(), title.id());
            if (judgement != null) {
                titles.add(judgement.toResult(title.label()));
            } else {
                String why = member == null && report.members().isEmpty()
                        ? "Đơn vị chưa báo cáo danh sách cán bộ (members): chưa xét được"
                        : "Chưa xét được: thiếu số liệu cần cho danh hiệu này";
                titles.add(new TitleResult(title.id(), title.label(), Status.NO_DATA, why, CampaignReader.FILE + ": " + title.id()));
            }
        }
        return titles;
    }

    /** The evaluations with their members and collective titles, and the proposed commendations. */
    static EvaluationResult attach(Campaign campaign, EvaluationResult scored, List<UnitPart> parts) {
        List<Evaluation> evaluations = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Evaluation e = scored.evaluations().get(i);
            evaluations.add(new Evaluation(e.unitId(), e.unitName(), e.kind(), e.score(), e.grade(), e.rank(), e.findings(),
                    parts.get(i).members(), parts.get(i).titles(), e.groups(), e.rankingGroup(), e.gradeNote(), e.points(),
                    e.maxPoints()));
        }
        return new EvaluationResult(scored.campaign(), scored.ruleSetVersion(), evaluations, Commendation.proposed(campaign, evaluations));
    }
}
