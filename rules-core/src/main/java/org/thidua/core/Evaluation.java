package org.thidua.core;

import java.util.List;

/**
 * One unit's result: its findings, score out of 100, grade and rank among the units evaluated together.
 *
 * @param grade the code of the campaign's grade band (for example {@code HOAN_THANH_TOT}); its label is in
 *              {@link Campaign#grades()}
 */
public record Evaluation(
        String unitId,
        String unitName,
        UnitKind kind,
        double score,
        String grade,
        int rank,
        List<Finding> findings) {

    public Evaluation {
        findings = List.copyOf(findings);
    }

    /** The finding for a criterion id, if the campaign has that criterion. */
    public java.util.Optional<Finding> finding(String criterion) {
        return findings.stream().filter(f -> f.criterion().equals(criterion)).findFirst();
    }
}
