package org.thidua.core;

import java.util.List;

/** A request refused whole: carries every problem found in it. Nothing of it was evaluated. */
public class InvalidInputException extends RuntimeException {
    private final transient List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }

    private static String summary(List<InputProblem> problems) {
        StringBuilder text = new StringBuilder(problems.size() + " lỗi trong dữ liệu gửi lên (problems in the input):");
        problems.forEach(p -> text.append(System.lineSeparator()).append("  ").append(p));
        return text.toString();
    }
}
