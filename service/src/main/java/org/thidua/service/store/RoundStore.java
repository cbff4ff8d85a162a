package org.thidua.service.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.thidua.service.rounds.AuditEntry;
import org.thidua.service.rounds.Correction;
import org.thidua.service.rounds.Round;
import org.thidua.service.rounds.Submission;
import org.thidua.service.rounds.UnitStanding;

/**
 * The assessment rounds' memory: rounds, submissions with their evidence, corrections, each unit's standing and the
 * audit trail. The evaluations themselves are in the {@link EvaluationStore} of the same database; rows here point at
 * them by id.
 *
 * <p>Each write is one transaction, durable when it returns, and appends its audit entry in that transaction: an act
 * is never stored without its entry nor the reverse. A write on a round is given the round as the use case read it
 * ({@code read}) and is refused with {@link RoundChangedException}, storing nothing, when, under the round's lock, the
 * round is no longer so: its status or deadline changed, the unit's next number was taken, or (closing) a standing
 * changed. So requests of any process or instance on the same database never interleave a check and a write.
 * Implementations must be thread-safe.
 */
public interface RoundStore extends AutoCloseable {

    /** Stores a new round and its {@code OPENED} entry; refused when the campaign has a round of that period already. */
    void open(Round round, AuditEntry opened);

    Optional<Round> round(String roundId);

    /** A campaign's rounds, the latest opened first. */
    List<Round> rounds(String campaign);

    /**
     * Stores the evaluations a round act made ({@code evaluations}, of one request) and runs {@code act}, the round's
     * writes about them, in the same transaction: when the act is refused ({@link RoundChangedException}) or fails,
     * neither is stored, so no evaluation of a round is ever left in the history without the round's rows that link it.
     *
     * @param act given the evaluations as stored (with their ids); the writes of this store it makes join the transaction
     */
    <T> T withEvaluations(NewRequest evaluations, Function<StoredRequest, T> act);

    /**
     * Stores a submission with its evidence, the unit's new standing and the entry; returns the submission. Refused
     * unless the submission's number follows the unit's last.
     */
    Submission submit(Round read, Submission submission, UnitStanding standing, AuditEntry entry);

    /**
     * Stores a correction, the unit's new standing and the entry; returns the correction. Refused unless its number
     * follows the unit's last and it corrects the unit's latest submission.
     */
    Correction correct(Round read, Correction correction, UnitStanding standing, AuditEntry entry);

    /** Stores the round closed and the entry; refused unless the standings are still {@code standings}. */
    void close(Round read, Round closed, List<UnitStanding> standings, AuditEntry entry);

    /** Stores a round's new status (reopened) or deadline, and the entry. */
    void change(Round read, Round changed, AuditEntry entry);

    /** Appends an entry on its own (a refused submission). */
    void record(AuditEntry entry);

    /** A round's submissions, oldest first; {@code unitId} {@code null} means every unit's. */
    List<Submission> submissions(String roundId, String unitId);

    /** A round's corrections, oldest first; {@code unitId} {@code null} means every unit's. */
    List<Correction> corrections(String roundId, String unitId);

    /** Each unit's standing in a round, in order of unit id. */
    List<UnitStanding> standings(String roundId);

    /** A round's audit trail in order; {@code unitId} {@code null} means the whole trail, else that unit's entries. */
    List<AuditEntry> audit(String roundId, String unitId);

    @Override
    void close();
}
