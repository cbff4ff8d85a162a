package org.thidua.service.rounds;

import java.util.List;

/**
 * A round act refused, with why in Vietnamese then English; {@link #reason} says what kind of refusal it is, and
 * {@link #faults} which parts of the request are at fault, when some are.
 */
public final class RoundException extends RuntimeException {
    public enum Reason {
        /** no such round, unit or submission */
        NOT_FOUND,
        /** the actor may not act on this unit or round */
        FORBIDDEN,
        /** the round's state forbids it: closed, already open, past the deadline */
        CONFLICT,
        /** the request itself is wrong */
        INVALID
    }

    /** One thing wrong in a request, at its place ({@code evidence[1].issuedOn}). */
    public record Fault(String path, String message) {
    }

    private final Reason reason;
    private final transient List<Fault> faults;

    RoundException(Reason reason, String message, List<Fault> faults) {
        super(message);
        this.reason = reason;
        this.faults = List.copyOf(faults);
    }

    public Reason reason() {
        return reason;
    }

    /** What is wrong where in the request, for {@link Reason#INVALID}; empty otherwise. */
    public List<Fault> faults() {
        return faults;
    }

    public static RoundException invalid(String path, String message) {
        return invalid(List.of(new Fault(path, message)));
    }

    static RoundException invalid(List<Fault> faults) {
        return new RoundException(Reason.INVALID, faults.size() == 1 ? faults.get(0).path() + ": " + faults.get(0).message()
                : faults.size() + " lỗi trong yêu cầu (" + faults.size() + " problems in the request)", faults);
    }

    static RoundException notFound(String message) {
        return new RoundException(Reason.NOT_FOUND, message, List.of());
    }

    static RoundException conflict(String message) {
        return new RoundException(Reason.CONFLICT, message, List.of());
    }

    static RoundException forbidden(String message) {
        return new RoundException(Reason.FORBIDDEN, message, List.of());
    }
}
