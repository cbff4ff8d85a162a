package org.thidua.core.compile;

import org.thidua.core.RuleProblem;

/** A cell of a criteria sheet (or a field of campaign.yaml's {@code criteria:} list), to report a problem at. */
record SheetPlace(String campaign, String file, int row, int column) {
    RuleProblem problem(String message) {
        return new RuleProblem(campaign, file, row, column, message);
    }

    SheetPlace at(int otherColumn) {
        return new SheetPlace(campaign, file, row, otherColumn);
    }
}
