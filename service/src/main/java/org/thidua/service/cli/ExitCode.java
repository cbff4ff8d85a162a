package org.thidua.service.cli;

/**
 * The exit codes of every {@code thidua} command, as its help text lists them. Scripts branch on them, so a code never
 * changes meaning.
 */
public final class ExitCode {
    public static final int OK = 0;
    /** Something went wrong that the user did not cause (the message says what). */
    public static final int FAILED = 1;
    /** The input was refused: a file, an option, a field of the request. */
    public static final int BAD_INPUT = 2;
    /** The rules do not compile, fail their tests, or failed while evaluating. */
    public static final int BAD_RULES = 3;

    private ExitCode() {
    }
}
