package org.thidua.service.store;

import static org.thidua.service.store.RoundRows.time;
import static org.thidua.service.store.RoundRows.update;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import org.sqlite.SQLiteConfig;
import org.thidua.service.rounds.AuditEntry;
import org.thidua.service.rounds.Correction;
import org.thidua.service.rounds.Evidence;
import org.thidua.service.rounds.Round;
import org.thidua.service.rounds.Submission;
import org.thidua.service.rounds.UnitStanding;

/**
 * The rounds beside the history (the tables of {@code V5__assessment_rounds.sql}): in a SQLite file over one connection
 * of their own with {@code synchronous=FULL}, or in a PostgreSQL database over connections borrowed from the history's
 * pool (the same plain, standard statements). A round act is durable when it returns.
 *
 * <p>Every write is one transaction that first takes the round's lock and then checks that the round is still as the
 * use case read it, so that processes and instances sharing the database cannot interleave a check and a write: on
 * SQLite the transaction holds the database's write lock from its start (IMMEDIATE); on PostgreSQL it takes a
 * transaction-scoped advisory lock named after the round (after the campaign, to open one). A write whose round
 * changed meanwhile is refused with {@link RoundChangedException} and stores nothing.
 */
public final class SqlRoundStore implements RoundStore {
    private final RoundConnections connections;
    /** The connection of the write this thread is in ({@link #withEvaluations}): the writes its act makes join it. */
    private final ThreadLocal<Connection> writing = new ThreadLocal<>();

    private SqlRoundStore(RoundConnections connections) {
        this.connections = connections;
    }

    /** Opens the rounds of a database file, creating and migrating it when needed. */
    public static SqlRoundStore open(Path file) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            SchemaMigrations.migrateSqlite(url, file.toString());
            Connection connection = SqliteEvaluationStore.connect(url, SQLiteConfig.SynchronousMode.FULL);
            return new SqlRoundStore(RoundConnections.sqlite(connection));
        } catch (SQLException e) {
            throw new StoreException("Không mở được cơ sở dữ liệu " + file + " (cannot open the database): " + e.getMessage(), e);
        }
    }

    /**
     * The rounds of a PostgreSQL database whose history is open and migrated, over connections borrowed from the
     * history's pool (closing the rounds leaves the pool to the history).
     */
    static SqlRoundStore borrowing(DataSource pool) {
        return new SqlRoundStore(RoundConnections.borrowing(pool));
    }

    /**
     * One transaction under the lock {@code key} ({@code null}: none); a refusal ({@link RoundChangedException}) rolls it
     * back as it is. Inside {@link #withEvaluations}'s act, a write is part of that transaction.
     */
    private <T> T write(String key, SqlWork<T> work) {
        Connection joined = writing.get();
        try {
            if (joined != null) {
                if (key != null) {
                    connections.lock(joined, key);
                }
                return work.run(joined);
            }
            return connections.with(connection -> {
                connection.setAutoCommit(false);
                writing.set(connection);
                try {
                    if (key != null) {
                        connections.lock(connection, key);
                    }
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    try {
                        connection.rollback();
                    } catch (SQLException rollback) {
                        e.addSuppressed(rollback);
                    }
                    throw e;
                } finally {
                    writing.remove();
                    // outside writes the connection holds no lock (the driver begins the next transaction at once
                    // after a commit when auto-commit is off)
                    connection.setAutoCommit(true);
                }
            });
        } catch (RoundChangedException | StoreException e) {
            throw e;
        } catch (SQLException | RuntimeException e) {
            throw StoreException.writeFailed(e);
        }
    }

    private <T> T read(SqlWork<T> work) {
        try {
            return connections.with(work);
        } catch (SQLException e) {
            throw StoreException.readFailed(e);
        }
    }

    @Override
    public <T> T withEvaluations(NewRequest evaluations, Function<StoredRequest, T> act) {
        byte[][] utf8 = evaluations.utf8();
        return write(null, c -> act.apply(connections.inserts(c).request(evaluations, utf8)));
    }

    @Override
    public void open(Round round, AuditEntry opened) {
        write("campaign:" + round.campaign(), c -> {
            if (RoundRows.number(c, "SELECT count(*) FROM assessment_round WHERE campaign = ? AND period = ?", round.campaign(),
                    round.period()) > 0) {
                throw new RoundChangedException("Chiến dịch '" + round.campaign() + "' vừa có kỳ đánh giá cho kỳ '" + round.period()
                        + "' (a round of this period was opened meanwhile)");
            }
            update(c, "INSERT INTO assessment_round (id, campaign, period, deadline, status, expected_units, opened_at,"
                            + " opened_by, closed_at, closed_by, rule_set_versions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    round.id(), round.campaign(), round.period(), Timestamps.format(round.deadline()), round.status().name(),
                    String.join("\n", round.expectedUnits()), Timestamps.format(round.openedAt()), round.openedBy(),
                    time(round.closedAt()), round.closedBy(), round.ruleSetVersions());
            append(c, opened);
            return null;
        });
    }

    @Override
    public Optional<Round> round(String roundId) {
        return read(c -> RoundRows.rounds(c, RoundRows.ROUND + " WHERE id = ?", roundId).stream().findFirst());
    }

    @Override
    public List<Round> rounds(String campaign) {
        return read(c -> RoundRows.rounds(c, RoundRows.ROUND + " WHERE campaign = ? ORDER BY opened_at DESC, id", campaign));
    }

    @Override
    public Submission submit(Round read, Submission submission, UnitStanding standing, AuditEntry entry) {
        return write("round:" + read.id(), c -> {
            unchanged(c, read);
            int number = submission.number();
            if (RoundRows.number(c, "SELECT count(*) FROM round_submission WHERE round_id = ? AND unit_id = ?", read.id(),
                    submission.unitId()) != number - 1) {
                throw changed(read, "đơn vị '" + submission.unitId() + "' vừa nộp một báo cáo khác (the unit submitted meanwhile)");
            }
            update(c, "INSERT INTO round_submission (id, round_id, unit_id, number, submitted_at, submitted_by, evaluation_id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", submission.id(), submission.roundId(), submission.unitId(), number,
                    Timestamps.format(submission.submittedAt()), submission.submittedBy(), submission.evaluationId());
            for (int i = 0; i < submission.evidence().size(); i++) {
                Evidence e = submission.evidence().get(i);
                update(c, "INSERT INTO round_evidence (submission_id, position, criterion, doc_number, doc_symbol, issued_on,"
                                + " summary, link) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", submission.id(), i, e.criterion(), e.number(),
                        e.symbol(), e.issuedOn().toString(), e.summary(), e.link());
            }
            stand(c, standing);
            append(c, entry);
            return submission;
        });
    }

    @Override
    public Correction correct(Round read, Correction k, UnitStanding standing, AuditEntry entry) {
        return write("round:" + read.id(), c -> {
            unchanged(c, read);
            if (RoundRows.number(c, "SELECT count(*) FROM round_correction WHERE round_id = ? AND unit_id = ?", read.id(), k.unitId())
                    != k.number() - 1 || !k.submissionId().equals(RoundRows.text(c, "SELECT id FROM round_submission WHERE round_id = ?"
                    + " AND unit_id = ? ORDER BY number DESC", read.id(), k.unitId()))) {
                throw changed(read, "đơn vị '" + k.unitId() + "' vừa nộp lại hoặc vừa được thẩm định (the unit changed meanwhile)");
            }
            update(c, "INSERT INTO round_correction (id, round_id, unit_id, number, kind, submission_id, figure, old_value,"
                            + " new_value, evidence_position, reason, corrected_at, corrected_by, evaluation_id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", k.id(), k.roundId(), k.unitId(), k.number(),
                    k.kind().name(), k.submissionId(), k.figure(), k.oldValue(), k.newValue(), k.evidence(), k.reason(),
                    Timestamps.format(k.correctedAt()), k.correctedBy(), k.evaluationId());
            stand(c, standing);
            append(c, entry);
            return k;
        });
    }

    @Override
    public void close(Round read, Round closed, List<UnitStanding> standings, AuditEntry entry) {
        write("round:" + read.id(), c -> {
            unchanged(c, read);
            if (!RoundRows.standings(c, read.id()).equals(standings)) {
                throw changed(read, "có đơn vị vừa nộp hoặc vừa được thẩm định (a unit changed meanwhile)");
            }
            set(c, closed, entry);
            return null;
        });
    }

    @Override
    public void change(Round read, Round changed, AuditEntry entry) {
        write("round:" + read.id(), c -> {
            unchanged(c, read);
            set(c, changed, entry);
            return null;
        });
    }

    @Override
    public void record(AuditEntry entry) {
        write("round:" + entry.roundId(), c -> {
            append(c, entry);
            return null;
        });
    }

    @Override
    public List<Submission> submissions(String roundId, String unitId) {
        return read(c -> RoundRows.submissions(c, roundId, unitId));
    }

    @Override
    public List<Correction> corrections(String roundId, String unitId) {
        return read(c -> RoundRows.corrections(c, roundId, unitId));
    }

    @Override
    public List<UnitStanding> standings(String roundId) {
        return read(c -> RoundRows.standings(c, roundId));
    }

    @Override
    public List<AuditEntry> audit(String roundId, String unitId) {
        return read(c -> RoundRows.audit(c, roundId, unitId));
    }

    @Override
    public void close() {
        connections.close();
    }

    /** Refuses the write unless the round's status and deadline are those the use case decided on. */
    private static void unchanged(Connection c, Round read) throws SQLException {
        Optional<Round> now = RoundRows.rounds(c, RoundRows.ROUND + " WHERE id = ?", read.id()).stream().findFirst();
        if (now.isEmpty() || now.get().status() != read.status() || !Objects.equals(now.get().deadline(), read.deadline())) {
            throw changed(read, "kỳ vừa được đóng, mở lại hoặc đổi hạn nộp (it was closed, reopened or its deadline moved)");
        }
    }

    private static RoundChangedException changed(Round round, String what) {
        return new RoundChangedException("Kỳ đánh giá " + round.id() + " vừa thay đổi: " + what + "; không có gì được lưu, hãy xem"
                + " lại và thử lại (nothing stored: read the round again and retry)");
    }

    private static void set(Connection c, Round round, AuditEntry entry) throws SQLException {
        update(c, "UPDATE assessment_round SET status = ?, deadline = ?, closed_at = ?, closed_by = ?, rule_set_versions = ?"
                        + " WHERE id = ?", round.status().name(), Timestamps.format(round.deadline()), time(round.closedAt()),
                round.closedBy(), round.ruleSetVersions(), round.id());
        append(c, entry);
    }

    private static void stand(Connection c, UnitStanding standing) throws SQLException {
        update(c, "DELETE FROM round_result WHERE round_id = ? AND unit_id = ?", standing.roundId(), standing.unitId());
        update(c, "INSERT INTO round_result (round_id, unit_id, self_evaluation_id, appraised_evaluation_id) VALUES (?, ?, ?, ?)",
                standing.roundId(), standing.unitId(), standing.selfEvaluationId(), standing.appraisedEvaluationId());
    }

    private static void append(Connection c, AuditEntry e) throws SQLException {
        int seq = RoundRows.number(c, "SELECT max(seq) FROM round_audit WHERE round_id = ?", e.roundId()) + 1;
        update(c, "INSERT INTO round_audit (round_id, seq, at, actor, action, unit_id, detail, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                e.roundId(), seq, Timestamps.format(e.at()), e.actor(), e.action().name(), e.unitId(), e.detail(), e.reason());
    }
}
