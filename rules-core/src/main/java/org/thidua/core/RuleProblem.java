package org.thidua.core;

/**
 * Something wrong in a campaign's files, at a place a person can find: {@code file:line:column: message}.
 * Line and column count from 1; 0 means unknown.
 *
 * @param file path relative to the campaign folder, for example {@code criteria/on-time.drl}
 */
public record RuleProblem(String campaign, String file, int line, int column, String message) {
    @Override
    public String toString() {
        return (campaign == null ? "" : campaign + "/") + place() + ": " + message;
    }

    /**
     * Where to look: {@code file:line:column}, or for a spreadsheet (a criteria sheet saved as {@code .xlsx} or
     * {@code .ods}) the cell as the spreadsheet names it, {@code criteria.xlsx!B7}.
     */
    public String place() {
        if ((file.endsWith(".xlsx") || file.endsWith(".ods")) && line > 0) {
            StringBuilder cell = new StringBuilder();
            for (int c = column; c > 0; c = (c - 1) / 26) {
                cell.insert(0, (char) ('A' + (c - 1) % 26));
            }
            return file + "!" + cell + line;
        }
        return file + ":" + line + ":" + column;
    }
}
