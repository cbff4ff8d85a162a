package org.thidua.core;

import java.util.List;

/** Input that is not well-formed JSON (or YAML) at all: where it breaks and why. */
public class MalformedInputException extends InvalidInputException {
    public MalformedInputException(InputProblem problem) {
        super(List.of(problem));
    }
}
