package org.thidua.service.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.thidua.core.RuleSet;
import org.thidua.service.imports.ImportedUnit;
import org.thidua.service.imports.Period;

/**
 * What both SQL stores share: every query of the history, written once in SQL that SQLite and PostgreSQL both run.
 * A store says how it lends a connection to read ({@link #read}) and how it writes ({@link #write}: one transaction,
 * committed and durable when it returns).
 */
abstract class SqlHistory implements EvaluationStore {
    static final String COLUMNS = "id, request_id, campaign, rule_set_version, unit_id, unit_name, kind, report_json,"
            + " result_json, score, points, max_points, grade, rank_in_request, created_at, caller, finding_counts";

    /** Runs a read on a connection of the store's. */
    abstract <T> T read(SqlWork<T> query);

    /** Runs a write in a transaction of its own and returns once it is committed and durable. */
    abstract <T> T write(SqlWork<T> job);

    @Override
    public Optional<StoredEvaluation> find(String evaluationId) {
        return read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM evaluation WHERE id = ?")) {
                select.setString(1, evaluationId);
                return rows(select).stream().findFirst();
            }
        });
    }

    @Override
    public Page<StoredEvaluation> history(String unitId, String campaign, int limit, int offset) {
        return read(c -> {
            long total = historySize(c, unitId, campaign);
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM evaluation" + unitWhere(campaign) + " ORDER BY seq DESC LIMIT ? OFFSET ?")) {
                int next = bind(select, unitId, campaign);
                select.setInt(next, limit);
                select.setInt(next + 1, offset);
                return new Page<>(rows(select), total, limit, offset);
            }
        });
    }

    /** The {@code WHERE} of a unit's history, in one campaign or in all; {@link #bind} binds its parameters. */
    static String unitWhere(String campaign) {
        return campaign == null ? " WHERE unit_id = ?" : " WHERE unit_id = ? AND campaign = ?";
    }

    /** How many evaluations a unit's history holds, in one campaign or in all: the {@code total} of its pages. */
    static long historySize(Connection c, String unitId, String campaign) throws SQLException {
        try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM evaluation" + unitWhere(campaign))) {
            bind(count, unitId, campaign);
            try (ResultSet rs = count.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static int bind(PreparedStatement statement, String unitId, String campaign) throws SQLException {
        statement.setString(1, unitId);
        if (campaign == null) {
            return 2;
        }
        statement.setString(2, campaign);
        return 3;
    }

    @Override
    public CursorPage<StoredEvaluation> historyAfter(String unitId, String campaign, String after, int limit) {
        long before = LargeReads.position(after);
        return read(c -> LargeReads.historyAfter(c, unitId, campaign, before, limit));
    }

    @Override
    public List<StoredEvaluation> latestStandings(String campaign) {
        return read(c -> LargeReads.latestStandings(c, campaign));
    }

    @Override
    public List<StoredEvaluation> evaluations(List<String> evaluationIds) {
        return LargeReads.inOrder(evaluationIds, chunk -> read(c -> LargeReads.byIds(c, chunk)));
    }

    @Override
    public List<StoredEvaluation> latestPerUnit(String campaign) {
        return read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM evaluation WHERE seq IN"
                    + " (" + LargeReads.LATEST_OUTSIDE_ROUNDS + ") ORDER BY seq")) {
                select.setString(1, campaign);
                return rows(select);
            }
        });
    }

    @Override
    public Optional<RuleSetVersion> ruleSet(String version) {
        return read(c -> {
            String campaign;
            Instant firstLiveAt;
            try (PreparedStatement head = c.prepareStatement("SELECT campaign, first_live_at FROM rule_set WHERE version = ?")) {
                head.setString(1, version);
                try (ResultSet rs = head.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    campaign = rs.getString(1);
                    firstLiveAt = Timestamps.parse(rs.getString(2));
                }
            }
            SortedMap<String, String> files = new TreeMap<>();
            SortedMap<String, String> tests = new TreeMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT path, role, content FROM rule_set_file WHERE version = ?")) {
                select.setString(1, version);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ("test".equals(rs.getString(2)) ? tests : files).put(rs.getString(1), rs.getString(3));
                    }
                }
            }
            return Optional.of(new RuleSetVersion(version, campaign, firstLiveAt, files, tests));
        });
    }

    @Override
    public RuleSetVersion recordRuleSet(RuleSet ruleSet) {
        record(RuleSetVersion.of(ruleSet));
        return ruleSet(ruleSet.version()).orElseThrow(() -> new StoreException(
                "Rule set " + ruleSet.version() + " was recorded but does not read back", null));
    }

    /** Stores a rule-set version and its files unless that version is stored already. */
    abstract void record(RuleSetVersion ruleSet);

    @Override
    public StoredImport saveFigures(NewFigures figures) {
        return write(connection -> ImportedFiguresRows.insert(connection, figures));
    }

    @Override
    public List<ImportedUnit> figures(String measure, Period period) {
        return read(c -> ImportedFiguresRows.select(c, measure, period));
    }

    @Override
    public boolean isEmpty() {
        return read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM evaluation)");
                 ResultSet rs = select.executeQuery()) {
                return !(rs.next() && rs.getBoolean(1));
            }
        });
    }

    @Override
    public void check() {
        read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM evaluation_request LIMIT 1");
                 ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        });
    }

    static List<StoredEvaluation> rows(PreparedStatement select) throws SQLException {
        return rows(select, null);
    }

    /**
     * The rows, their columns in the order of {@link #COLUMNS}; with {@code positions}, each row's {@code seq} too,
     * which the query must select first. Read by position: by name, each getter looked the column up again, 17 times a
     * row over the 40,000 rows of a large campaign's standing.
     */
    static List<StoredEvaluation> rows(PreparedStatement select, List<Long> positions) throws SQLException {
        List<StoredEvaluation> rows = new ArrayList<>();
        int o = positions == null ? 0 : 1;
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                if (positions != null) {
                    positions.add(rs.getLong(1));
                }
                rows.add(new StoredEvaluation(
                        rs.getString(o + 1), rs.getString(o + 2), rs.getString(o + 3), rs.getString(o + 4),
                        rs.getString(o + 5), rs.getString(o + 6), rs.getString(o + 7), rs.getString(o + 8),
                        rs.getString(o + 9), rs.getDouble(o + 10), rs.getDouble(o + 11), rs.getDouble(o + 12),
                        rs.getString(o + 13), rs.getInt(o + 14), Timestamps.parse(rs.getString(o + 15)),
                        rs.getString(o + 16), rs.getString(o + 17)));
            }
        }
        return rows;
    }
}
