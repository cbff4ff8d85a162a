package org.thidua.core.compile;

import org.thidua.core.RuleProblem;

/**
 * A cell of a criteria sheet, or a field of campaign.yaml's {@code criteria:} list, to report a problem at.
 *
 * @param key for a field of campaign.yaml, the key it stands for as a problem names it, Vietnamese first
 *            ({@code Cách chấm (method)}): a line of YAML has no column header to say it; {@code null} for a cell
 */
record SheetPlace(String campaign, String file, int row, int column, String key) {
    SheetPlace(String campaign, String file, int row, int column) {
        this(campaign, file, row, column, null);
    }

    RuleProblem problem(String message) {
        return new RuleProblem(campaign, file, row, column, key == null ? message : key + ": " + message);
    }

    SheetPlace at(int otherColumn) {
        return new SheetPlace(campaign, file, row, otherColumn, key);
    }
}
