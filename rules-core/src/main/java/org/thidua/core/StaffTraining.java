package org.thidua.core;

/** Front-line staff (receiving citizens, handling dossiers): how many there are, how many were trained. */
public record StaffTraining(long total, long trained) {
    public StaffTraining {
        Counts.requireNonNegative("total", total);
        Counts.requireNonNegative("trained", trained);
        Counts.requirePartOfWhole("trained", trained, "total", total);
    }
}
