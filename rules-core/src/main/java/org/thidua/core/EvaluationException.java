package org.thidua.core;

/**
 * The rules failed while evaluating (a rule judged an unknown criterion, judged one twice, or exceeded the
 * evaluation's bounds). The message names the rule and the unit. No partial result is returned.
 */
public class EvaluationException extends RuntimeException {
    public EvaluationException(String message) {
        super(message);
    }

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
