package org.thidua.core;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the proposed commendations: a unit or an official who qualifies for a title, ready for the
 * leadership's decision.
 *
 * @param memberId   {@code null} for a collective title
 * @param memberName {@code null} for a collective title
 */
public record Commendation(
        String title,
        String label,
        Campaign.Title.Subject subject,
        String unitId,
        String unitName,
        String memberId,
        String memberName,
        String explanation) {

    /**
     * The proposed commendations of evaluations: every title of the campaign that a unit or one of its officials
     * qualifies for ({@link TitleResult#qualifies()}), in the order of the campaign's titles, then of the
     * evaluations given, then of each unit's officials. The grounds are each title result's explanation.
     *
     * <p>This is how {@link EvaluationResult#commendations()} is made; an application that keeps evaluations
     * (made at different times, even by other versions of the rules) gets the same list from them. An evaluation
     * without members or titles (a request without members) proposes nothing; a title the campaign no longer
     * declares is left out.
     */
    public static List<Commendation> proposed(Campaign campaign, List<Evaluation> evaluations) {
        List<Commendation> list = new ArrayList<>();
        for (Campaign.Title title : campaign.titles()) {
            for (Evaluation unit : evaluations) {
                if (title.subject() == Campaign.Title.Subject.UNIT) {
                    unit.title(title.id()).filter(TitleResult::qualifies).ifPresent(t -> list.add(new Commendation(title.id(),
                            title.label(), title.subject(), unit.unitId(), unit.unitName(), null, null, t.explanation())));
                } else if (unit.members() != null) {
                    for (MemberResult member : unit.members()) {
                        member.title(title.id()).filter(TitleResult::qualifies).ifPresent(t -> list.add(new Commendation(title.id(),
                                title.label(), title.subject(), unit.unitId(), unit.unitName(), member.memberId(), member.name(),
                                t.explanation())));
                    }
                }
            }
        }
        return list;
    }
}
