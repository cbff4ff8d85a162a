package org.thidua.service.rounds;

import java.time.Instant;

/**
 * One act in a round's audit trail: who did what, when and why.
 *
 * @param seq    the entry's place in the round's trail, from 1 (given by the store)
 * @param unitId the unit acted on; empty for acts on the round itself (open, close, reopen)
 * @param reason why, as the actor gave it; empty when the act needs none (a submission)
 */
public record AuditEntry(String roundId, int seq, Instant at, String actor, Action action, String unitId, String detail,
                         String reason) {
    public enum Action { OPENED, SUBMITTED, REFUSED, CORRECTED, EVIDENCE_REJECTED, CLOSED, REOPENED, DEADLINE_CHANGED }

    static AuditEntry of(String roundId, Instant at, String actor, Action action, String unitId, String detail, String reason) {
        return new AuditEntry(roundId, 0, at, actor, action, unitId == null ? "" : unitId, detail, reason == null ? "" : reason);
    }
}
