package org.thidua.core;

/** Survey of citizens and businesses (SIPAS-style): how many were asked, how many were satisfied. */
public record Satisfaction(long surveyed, long satisfied) {
    public Satisfaction {
        Counts.requireNonNegative("surveyed", surveyed);
        Counts.requireNonNegative("satisfied", satisfied);
        Counts.requirePartOfWhole("satisfied", satisfied, "surveyed", surveyed);
    }
}
