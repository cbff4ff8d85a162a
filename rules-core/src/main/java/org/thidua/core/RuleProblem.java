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
        return (campaign == null ? "" : campaign + "/") + file + ":" + line + ":" + column + ": " + message;
    }
}
