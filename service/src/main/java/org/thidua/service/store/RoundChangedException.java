package org.thidua.service.store;

/**
 * A round write refused because the round is no longer as the use case read it: another request, another process or
 * another instance on the same database acted on it in between (closed it, moved its deadline, took the unit's next
 * number). Nothing of the write is stored; reading again and retrying gives the right answer.
 */
public final class RoundChangedException extends RuntimeException {
    public RoundChangedException(String message) {
        super(message);
    }
}
