package org.thidua.service.imports;

import java.util.ArrayList;
import java.util.List;

import org.thidua.service.sheets.CellProblem;

/**
 * The bad rows of an import, kept within bounds: a file of a million bad rows must not fill the memory, so only the
 * first {@value #KEPT} problems are kept; all are counted.
 */
public final class ProblemLog {
    public static final int KEPT = 1000;

    private final List<CellProblem> kept = new ArrayList<>();
    private long count;
    private long badRows;
    private int lastBadRow = -1;

    public void add(CellProblem problem) {
        count++;
        if (problem.row() != lastBadRow) {
            badRows++;
            lastBadRow = problem.row();
        }
        if (kept.size() < KEPT) {
            kept.add(problem);
        }
    }

    public List<CellProblem> kept() {
        return List.copyOf(kept);
    }

    /** Every problem found, kept or not. */
    public long count() {
        return count;
    }

    public long badRows() {
        return badRows;
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
