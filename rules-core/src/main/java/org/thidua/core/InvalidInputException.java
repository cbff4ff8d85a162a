package org.thidua.core;

import java.util.List;

/** A request refused whole: carries every problem found in it. Nothing of it was evaluated. */
public class InvalidInputException extends RuntimeException {
    private final transient List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super(ProblemSummary.of("dữ liệu gửi lên (problems in the input)", problems));
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
