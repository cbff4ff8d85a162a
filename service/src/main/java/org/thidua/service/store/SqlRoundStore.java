package org.thidua.service.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sqlite.SQLiteConfig;
import org.thidua.service.rounds.AuditEntry;
import org.thidua.service.rounds.Correction;
import org.thidua.service.rounds.Evidence;
import org.thidua.service.rounds.Round;
import org.thidua.service.rounds.Submission;
import org.thidua.service.rounds.UnitStanding;

/**
 * The rounds beside the history (the tables of {@code V5__assessment_rounds.sql}), over one connection of their own:
 * in a SQLite file with {@code synchronous=FULL}, or in a PostgreSQL database (the same plain, standard statements).
 * A round act is durable when it returns.
 */
public final class SqlRoundStore implements RoundStore {
    private static final String ROUND = "SELECT id, campaign, period, deadline, status, expected_units, opened_at, opened_by,"
            + " closed_at, closed_by, rule_set_versions FROM assessment_round";
    private static final String CORRECTION = "SELECT id, round_id, unit_id, number, kind, submission_id, figure, old_value,"
            + " new_value, evidence_position, reason, corrected_at, corrected_by, evaluation_id FROM round_correction";

    private final Connection connection;

    private SqlRoundStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens the rounds of a database file, creating and migrating it when needed. */
    public static SqlRoundStore open(Path file) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            SchemaMigrations.migrateSqlite(url, file.toString());
            Connection connection = SqliteEvaluationStore.connect(url, SQLiteConfig.SynchronousMode.FULL);
            return new SqlRoundStore(connection);
        } catch (SQLException e) {
            throw new StoreException("Không mở được cơ sở dữ liệu " + file + " (cannot open the database): " + e.getMessage(), e);
        }
    }

    /**
     * Opens the rounds of a PostgreSQL database whose history is already migrated (the {@link EvaluationStore} of the
     * same address opens first), over a connection of their own.
     */
    static SqlRoundStore open(DatabaseAddress.Postgres address, String password) {
        try {
            return new SqlRoundStore(java.sql.DriverManager.getConnection(address.jdbcUrl(), address.user(), password));
        } catch (SQLException e) {
            throw new StoreException("Không mở được cơ sở dữ liệu " + address.describe() + " (cannot open the database): "
                    + e.getMessage(), e);
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * One transaction (it takes the write lock as it begins: the connection's transactions are IMMEDIATE); outside
     * writes the connection is in auto-commit, so it holds no lock between them (the driver begins the next
     * transaction at once after a commit when auto-commit is off).
     */
    private synchronized <T> T write(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
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
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("Ghi cơ sở dữ liệu thất bại (database write failed): " + e.getMessage(), e);
        }
    }

    private synchronized <T> T read(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Đọc cơ sở dữ liệu thất bại (database read failed): " + e.getMessage(), e);
        }
    }

    @Override
    public void open(Round round, AuditEntry opened) {
        write(c -> {
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
        return read(c -> rounds(c, ROUND + " WHERE id = ?", roundId).stream().findFirst());
    }

    @Override
    public List<Round> rounds(String campaign) {
        return read(c -> rounds(c, ROUND + " WHERE campaign = ? ORDER BY opened_at DESC, id", campaign));
    }

    @Override
    public Submission submit(Submission submission, UnitStanding standing, AuditEntry entry) {
        return write(c -> {
            int number = submission.number();
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
    public Correction correct(Correction k, UnitStanding standing, AuditEntry entry) {
        return write(c -> {
            int number = k.number();
            update(c, "INSERT INTO round_correction (id, round_id, unit_id, number, kind, submission_id, figure, old_value,"
                            + " new_value, evidence_position, reason, corrected_at, corrected_by, evaluation_id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", k.id(), k.roundId(), k.unitId(), number,
                    k.kind().name(), k.submissionId(), k.figure(), k.oldValue(), k.newValue(), k.evidence(), k.reason(),
                    Timestamps.format(k.correctedAt()), k.correctedBy(), k.evaluationId());
            stand(c, standing);
            append(c, entry);
            return k;
        });
    }

    @Override
    public void change(Round round, AuditEntry entry) {
        write(c -> {
            update(c, "UPDATE assessment_round SET status = ?, deadline = ?, closed_at = ?, closed_by = ?, rule_set_versions = ?"
                            + " WHERE id = ?", round.status().name(), Timestamps.format(round.deadline()), time(round.closedAt()),
                    round.closedBy(), round.ruleSetVersions(), round.id());
            append(c, entry);
            return null;
        });
    }

    @Override
    public void record(AuditEntry entry) {
        write(c -> {
            append(c, entry);
            return null;
        });
    }

    @Override
    public List<Submission> submissions(String roundId, String unitId) {
        return read(c -> {
            Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
            try (PreparedStatement select = prepare(c, "SELECT e.submission_id, e.criterion, e.doc_number, e.doc_symbol,"
                    + " e.issued_on, e.summary, e.link FROM round_evidence e JOIN round_submission s ON s.id = e.submission_id"
                    + " WHERE s.round_id = ?" + (unitId == null ? "" : " AND s.unit_id = ?") + " ORDER BY e.submission_id, e.position",
                    withUnit(roundId, unitId)); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    evidence.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new Evidence(rs.getString(2),
                            rs.getString(3), rs.getString(4), LocalDate.parse(rs.getString(5)), rs.getString(6), rs.getString(7)));
                }
            }
            List<Submission> found = new ArrayList<>();
            try (PreparedStatement select = prepare(c, "SELECT id, round_id, unit_id, number, submitted_at, submitted_by,"
                    + " evaluation_id FROM round_submission WHERE round_id = ?" + (unitId == null ? "" : " AND unit_id = ?")
                    + " ORDER BY submitted_at, unit_id, number", withUnit(roundId, unitId)); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(new Submission(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            Timestamps.parse(rs.getString(5)), rs.getString(6), rs.getString(7),
                            evidence.getOrDefault(rs.getString(1), List.of())));
                }
            }
            return found;
        });
    }

    @Override
    public List<Correction> corrections(String roundId, String unitId) {
        return read(c -> {
            List<Correction> found = new ArrayList<>();
            try (PreparedStatement select = prepare(c, CORRECTION + " WHERE round_id = ?" + (unitId == null ? "" : " AND unit_id = ?")
                    + " ORDER BY corrected_at, unit_id, number", withUnit(roundId, unitId)); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    int position = rs.getInt(10);
                    Integer evidence = rs.wasNull() ? null : position;
                    found.add(new Correction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            Correction.Kind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), evidence, rs.getString(11), Timestamps.parse(rs.getString(12)), rs.getString(13),
                            rs.getString(14)));
                }
            }
            return found;
        });
    }

    @Override
    public List<UnitStanding> standings(String roundId) {
        return read(c -> {
            List<UnitStanding> found = new ArrayList<>();
            try (PreparedStatement select = prepare(c, "SELECT round_id, unit_id, self_evaluation_id, appraised_evaluation_id"
                    + " FROM round_result WHERE round_id = ? ORDER BY unit_id", roundId); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(new UnitStanding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return found;
        });
    }

    @Override
    public List<AuditEntry> audit(String roundId, String unitId) {
        return read(c -> {
            List<AuditEntry> found = new ArrayList<>();
            try (PreparedStatement select = prepare(c, "SELECT round_id, seq, at, actor, action, unit_id, detail, reason"
                    + " FROM round_audit WHERE round_id = ?" + (unitId == null ? "" : " AND unit_id = ?") + " ORDER BY seq",
                    withUnit(roundId, unitId)); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(new AuditEntry(rs.getString(1), rs.getInt(2), Timestamps.parse(rs.getString(3)), rs.getString(4),
                            AuditEntry.Action.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return found;
        });
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing is pending: every write committed or rolled back before returning
        }
    }

    private static void stand(Connection c, UnitStanding standing) throws SQLException {
        update(c, "DELETE FROM round_result WHERE round_id = ? AND unit_id = ?", standing.roundId(), standing.unitId());
        update(c, "INSERT INTO round_result (round_id, unit_id, self_evaluation_id, appraised_evaluation_id) VALUES (?, ?, ?, ?)",
                standing.roundId(), standing.unitId(), standing.selfEvaluationId(), standing.appraisedEvaluationId());
    }

    private static void append(Connection c, AuditEntry e) throws SQLException {
        int seq = next(c, "SELECT max(seq) FROM round_audit WHERE round_id = ?", e.roundId());
        update(c, "INSERT INTO round_audit (round_id, seq, at, actor, action, unit_id, detail, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                e.roundId(), seq, Timestamps.format(e.at()), e.actor(), e.action().name(), e.unitId(), e.detail(), e.reason());
    }

    private static List<Round> rounds(Connection c, String sql, String parameter) throws SQLException {
        List<Round> found = new ArrayList<>();
        try (PreparedStatement select = prepare(c, sql, parameter); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String expected = rs.getString(6);
                found.add(new Round(rs.getString(1), rs.getString(2), rs.getString(3), Timestamps.parse(rs.getString(4)),
                        Round.Status.valueOf(rs.getString(5)), expected.isEmpty() ? List.of() : Arrays.asList(expected.split("\n")),
                        Timestamps.parse(rs.getString(7)), rs.getString(8), instant(rs.getString(9)), rs.getString(10),
                        rs.getString(11)));
            }
        }
        return found;
    }

    private static int next(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = prepare(c, sql, parameters); ResultSet rs = select.executeQuery()) {
            return (rs.next() ? rs.getInt(1) : 0) + 1; // max() of no rows is NULL, read as 0
        }
    }

    private static Object[] withUnit(String roundId, String unitId) {
        return unitId == null ? new Object[] {roundId} : new Object[] {roundId, unitId};
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL); // untyped: PostgreSQL takes it for an integer column too
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else {
                statement.setString(i + 1, value.toString());
            }
        }
        return statement;
    }

    private static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private static String time(Instant instant) {
        return instant == null ? null : Timestamps.format(instant);
    }

    private static Instant instant(String text) {
        return text == null ? null : Timestamps.parse(text);
    }
}
