package org.thidua.service.store;

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

import org.thidua.service.rounds.AuditEntry;
import org.thidua.service.rounds.Correction;
import org.thidua.service.rounds.Evidence;
import org.thidua.service.rounds.Round;
import org.thidua.service.rounds.Submission;
import org.thidua.service.rounds.UnitStanding;

/**
 * The rounds' rows read back into records, and the plain JDBC they are read and written with: the same standard
 * statements on SQLite and PostgreSQL. {@link SqlRoundStore} runs them in its transactions.
 */
final class RoundRows {
    static final String ROUND = "SELECT id, campaign, period, deadline, status, expected_units, opened_at, opened_by,"
            + " closed_at, closed_by, rule_set_versions FROM assessment_round";
    private static final String CORRECTION = "SELECT id, round_id, unit_id, number, kind, submission_id, figure, old_value,"
            + " new_value, evidence_position, reason, corrected_at, corrected_by, evaluation_id FROM round_correction";

    private RoundRows() {
    }

    static List<Round> rounds(Connection c, String sql, String parameter) throws SQLException {
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

    static List<Submission> submissions(Connection c, String roundId, String unitId) throws SQLException {
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
    }

    static List<Correction> corrections(Connection c, String roundId, String unitId) throws SQLException {
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
    }

    static List<UnitStanding> standings(Connection c, String roundId) throws SQLException {
        List<UnitStanding> found = new ArrayList<>();
        try (PreparedStatement select = prepare(c, "SELECT round_id, unit_id, self_evaluation_id, appraised_evaluation_id"
                + " FROM round_result WHERE round_id = ? ORDER BY unit_id", roundId); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                found.add(new UnitStanding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return found;
    }

    static List<AuditEntry> audit(Connection c, String roundId, String unitId) throws SQLException {
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
    }

    /** The first column of the first row as a number; 0 for none (or for {@code max()} of no rows, which is NULL). */
    static int number(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = prepare(c, sql, parameters); ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The first column of the first row as text; {@code null} for none. */
    static String text(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = prepare(c, sql, parameters); ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static Object[] withUnit(String roundId, String unitId) {
        return unitId == null ? new Object[] {roundId} : new Object[] {roundId, unitId};
    }

    static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
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

    static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    static String time(Instant instant) {
        return instant == null ? null : Timestamps.format(instant);
    }

    private static Instant instant(String text) {
        return text == null ? null : Timestamps.parse(text);
    }
}
