package org.thidua.core;

/** Dossiers one official handled in the period, and how many of them were returned late. */
public record MemberDossiers(long handled, long late) {
    public MemberDossiers {
        Counts.requireNonNegative("handled", handled);
        Counts.requireNonNegative("late", late);
        Counts.requirePartOfWhole("late", late, "handled", handled);
    }

    /** Handled minus late: returned early or on time. */
    public long inTime() {
        return handled - late;
    }
}
