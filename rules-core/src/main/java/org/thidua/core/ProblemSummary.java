package org.thidua.core;

import java.util.List;

/** The message of an exception that carries a list of problems: how many and what, then each on a line of its own. */
final class ProblemSummary {
    private ProblemSummary() {
    }

    /** {@code 2 lỗi trong …:} then each problem indented by two spaces. */
    static String of(String what, List<?> problems) {
        StringBuilder text = new StringBuilder(problems.size() + " lỗi trong " + what + ":");
        problems.forEach(p -> text.append(System.lineSeparator()).append("  ").append(p));
        return text.toString();
    }
}
