package org.thidua.core;

import java.util.List;

/**
 * Where a unit (or one of its officials) stands on the campaign's criteria once every criterion has been
 * judged: how many of those that apply were met, and which were not (no data counts as not met). The engine
 * inserts one per unit and per official after the criteria rules have run, so that rules can propose
 * commendations for those who met every criterion:
 *
 * <pre>{@code
 * $s : Standing( report == $r, member == null )
 * }</pre>
 *
 * @param member     the official, or {@code null} for the unit itself
 * @param met        criteria met
 * @param applicable criteria that apply (to the unit's kind, or to the official's role)
 * @param notMet     the ids of the applicable criteria not met, in the order of {@code campaign.yaml}
 * @param notMetTitles the same criteria by their titles, for messages
 */
public record Standing(UnitReport report, Member member, int met, int applicable, List<String> notMet, List<String> notMetTitles) {
    public Standing {
        notMet = List.copyOf(notMet);
        notMetTitles = List.copyOf(notMetTitles);
    }

    /** Every applicable criterion was met (and at least one applies). Usable in DRL as {@code allMet}. */
    public boolean isAllMet() {
        return applicable > 0 && met == applicable;
    }
}
