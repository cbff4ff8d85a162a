package org.thidua.core;

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
}
