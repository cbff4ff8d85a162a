package org.thidua.core;

/** Commune officials: how many there are, how many were trained on the PAR INDEX, SIPAS and PAPI indices. */
public record CommuneOfficials(long total, long trainedOnIndices) {
    public CommuneOfficials {
        Counts.requireNonNegative("total", total);
        Counts.requireNonNegative("trainedOnIndices", trainedOnIndices);
        Counts.requirePartOfWhole("trainedOnIndices", trainedOnIndices, "total", total);
    }
}
