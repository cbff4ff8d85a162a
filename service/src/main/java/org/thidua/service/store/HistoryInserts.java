package org.thidua.service.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a write, as SQL both dialects run: a request with its evaluations, a rule-set version with its files.
 * Used by one thread at a time, inside the transaction its caller holds (SQLite: the savepoint {@link SqliteWriter}
 * holds; PostgreSQL: the transaction of one write); it remembers which versions are stored so that their files are
 * offered once.
 */
final class HistoryInserts {
    private final Connection connection;
    /** SQLite: each report and result is bound as its UTF-8 bytes, cast to text; PostgreSQL: bound as a string. */
    private final boolean jsonAsUtf8;
    /** The two inserts of an evaluation request, prepared once. */
    private PreparedStatement insertRequest;
    private PreparedStatement insertEvaluation;
    /** Rule-set versions known to be committed: their files need not be offered again. */
    private final Set<String> recordedVersions = new HashSet<>();
    /** Versions inserted by the batch being written; known once it commits. */
    private final List<String> batchVersions = new ArrayList<>();

    HistoryInserts(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.jsonAsUtf8 = dialect == Dialect.SQLITE;
    }

    /** A batch begins: nothing of it is inserted yet. */
    void batchBegun() {
        batchVersions.clear();
    }

    /** Where the next write of the batch begins, to forget it if it is refused. */
    int mark() {
        return batchVersions.size();
    }

    /** The write begun at {@code mark} was rolled back to its savepoint: nothing of it may reach the next one. */
    void refused(int mark) throws SQLException {
        if (insertEvaluation != null) {
            insertEvaluation.clearBatch();
        }
        batchVersions.subList(mark, batchVersions.size()).clear();
    }

    /** The batch is committed: its versions are stored. */
    void committed() {
        recordedVersions.addAll(batchVersions);
    }

    /**
     * Inserts a request and its evaluations, each unit's report and result given as UTF-8 (two per unit, in order)
     * for SQLite; {@code utf8} is not read for PostgreSQL.
     */
    StoredRequest request(NewRequest request, byte[][] utf8) throws SQLException {
        String requestId = TimeOrderedIds.next();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String createdAt = Timestamps.format(now);
        if (request.ruleSet() != null) {
            // The evaluations and the rules that made them are committed together: a stored evaluation always finds its rules.
            ruleSet(request.ruleSet());
        }
        if (insertRequest == null) {
            insertRequest = connection.prepareStatement("INSERT INTO evaluation_request"
                    + " (id, campaign, rule_set_version, caller, created_at, unit_count) VALUES (?, ?, ?, ?, ?, ?)");
            insertEvaluation = connection.prepareStatement("INSERT INTO evaluation (id, request_id, campaign,"
                    + " rule_set_version, unit_id, unit_name, kind, report_json, result_json, score, points, max_points, grade,"
                    + " rank_in_request, created_at, caller, finding_counts)"
                    // SQLite: the JSON is bound as its UTF-8 bytes and stored as TEXT, as a string would be
                    + (jsonAsUtf8 ? " VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?, ?)"
                            : " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        }
        {
            PreparedStatement head = insertRequest;
            head.setString(1, requestId);
            head.setString(2, request.campaign());
            head.setString(3, request.ruleSetVersion());
            head.setString(4, request.caller());
            head.setString(5, createdAt);
            head.setInt(6, request.evaluations().size());
            head.executeUpdate();
        }
        List<StoredEvaluation> rows = new ArrayList<>(request.evaluations().size());
        {
            PreparedStatement insert = insertEvaluation;
            for (NewRequest.Unit unit : request.evaluations()) {
                StoredEvaluation row = new StoredEvaluation(TimeOrderedIds.next(), requestId, request.campaign(),
                        request.ruleSetVersion(), unit.unitId(), unit.unitName(), unit.kind(), unit.reportJson(),
                        unit.resultJson(), unit.score(), unit.points(), unit.maxPoints(), unit.grade(), unit.rank(), now,
                        request.caller(), unit.findingCounts());
                insert.setString(1, row.id());
                insert.setString(2, row.requestId());
                insert.setString(3, row.campaign());
                insert.setString(4, row.ruleSetVersion());
                insert.setString(5, row.unitId());
                insert.setString(6, row.unitName());
                insert.setString(7, row.kind());
                if (jsonAsUtf8) {
                    insert.setBytes(8, utf8[2 * rows.size()]); // rows.size(): this unit's position in the request
                    insert.setBytes(9, utf8[2 * rows.size() + 1]);
                } else {
                    insert.setString(8, row.reportJson());
                    insert.setString(9, row.resultJson());
                }
                insert.setDouble(10, row.score());
                insert.setDouble(11, row.points());
                insert.setDouble(12, row.maxPoints());
                insert.setString(13, row.grade());
                insert.setInt(14, row.rankInRequest());
                insert.setString(15, createdAt);
                insert.setString(16, row.caller());
                insert.setString(17, row.findingCounts());
                insert.addBatch();
                rows.add(row);
            }
            insert.executeBatch();
        }
        return new StoredRequest(requestId, request.campaign(), request.ruleSetVersion(), now, rows);
    }

    /** Inserts a rule-set version and its files unless that version is stored already (then nothing changes). */
    void ruleSet(RuleSetVersion ruleSet) throws SQLException {
        if (recordedVersions.contains(ruleSet.version()) || batchVersions.contains(ruleSet.version())) {
            return;
        }
        int inserted;
        try (PreparedStatement head = connection.prepareStatement(
                "INSERT INTO rule_set (version, campaign, first_live_at) VALUES (?, ?, ?) ON CONFLICT (version) DO NOTHING")) {
            head.setString(1, ruleSet.version());
            head.setString(2, ruleSet.campaign());
            head.setString(3, Timestamps.format(Instant.now()));
            inserted = head.executeUpdate();
        }
        if (inserted == 1) {
            try (PreparedStatement file = connection.prepareStatement(
                    "INSERT INTO rule_set_file (version, path, role, content) VALUES (?, ?, ?, ?)")) {
                addFiles(file, ruleSet.version(), "rule", ruleSet.files());
                addFiles(file, ruleSet.version(), "test", ruleSet.tests());
                file.executeBatch();
            }
        }
        batchVersions.add(ruleSet.version());
    }

    private static void addFiles(PreparedStatement file, String version, String role, Map<String, String> files) throws SQLException {
        for (Map.Entry<String, String> entry : files.entrySet()) {
            file.setString(1, version);
            file.setString(2, entry.getKey());
            file.setString(3, role);
            file.setString(4, entry.getValue());
            file.addBatch();
        }
    }
}
