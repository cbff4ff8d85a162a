package org.thidua.service.store;

import java.util.List;
import java.util.Optional;

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
 * is never stored without its entry nor the reverse. Implementations must be thread-safe; the use cases
 * ({@code rounds/AssessmentRounds}) serialise their own writes, so a store need not detect races between them.
 */
public interface RoundStore extends AutoCloseable {

    /** Stores a new round and its {@code OPENED} entry. */
    void open(Round round, AuditEntry opened);

    Optional<Round> round(String roundId);

    /** A campaign's rounds, the latest opened first. */
    List<Round> rounds(String campaign);

    /** Stores a submission with its evidence, the unit's new standing and the entry; returns the submission. */
    Submission submit(Submission submission, UnitStanding standing, AuditEntry entry);

    /** Stores a correction, the unit's new standing and the entry; returns the correction. */
    Correction correct(Correction correction, UnitStanding standing, AuditEntry entry);

    /** Stores a round's new status (closed or reopened) or deadline, and the entry. */
    void change(Round round, AuditEntry entry);

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
