package org.thidua.core;

/**
 * A title decided by a rule, as a fact other rules can match while the evaluation runs: this is how
 * Chiến sĩ thi đua cơ sở counts the unit's Lao động tiên tiến, and a collective title counts both.
 * The engine inserts one per unit (or official) and title, and replaces it when the deciding rule fires again.
 *
 * <pre>{@code
 * accumulate( TitleDecision( report == $r, title == "LAO_DONG_TIEN_TIEN", qualified ); $ldtt : count() )
 * }</pre>
 *
 * @param member    the official, or {@code null} for a collective title
 * @param qualified every condition of the deciding rule held
 */
public record TitleDecision(UnitReport report, Member member, String title, boolean qualified) {
}
