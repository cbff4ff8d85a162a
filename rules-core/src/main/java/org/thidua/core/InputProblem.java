package org.thidua.core;

/**
 * A refused value in a request: where it is ({@code reports[3].satisfaction.satisfied}) and what is wrong.
 */
public record InputProblem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
