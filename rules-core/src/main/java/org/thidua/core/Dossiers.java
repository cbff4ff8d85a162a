package org.thidua.core;

/**
 * Administrative-procedure dossiers (hồ sơ TTHC) of the period: returned early, on time or late,
 * and those still in progress past their due date.
 */
public record Dossiers(long early, long onTime, long late, long overdueInProgress) {
    public Dossiers {
        Counts.requireNonNegative("early", early);
        Counts.requireNonNegative("onTime", onTime);
        Counts.requireNonNegative("late", late);
        Counts.requireNonNegative("overdueInProgress", overdueInProgress);
    }

    /** Early plus on time. */
    public long inTime() {
        return early + onTime;
    }

    /** Late plus overdue still in progress: every dossier that missed its due date. */
    public long pastDue() {
        return late + overdueInProgress;
    }

    /** Every dossier counted: the denominator of the on-time share. */
    public long total() {
        return inTime() + pastDue();
    }
}
