package org.thidua.core;

import java.util.List;

/** A campaign that cannot be used: it does not load or does not compile. Carries every problem found. */
public class RuleSetException extends RuntimeException {
    private final transient List<RuleProblem> problems;

    public RuleSetException(List<RuleProblem> problems) {
        super(ProblemSummary.of("tệp luật (problems in rule files)", problems));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
