package org.thidua.service.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.sqlite.SQLiteConfig;
import org.thidua.core.RuleSet;
import org.thidua.service.imports.ImportedUnit;
import org.thidua.service.imports.Period;

/**
 * Evaluation history in one SQLite file, in WAL mode.
 *
 * <p>Writes go through one writer thread ({@link SqliteWriter}) that commits the requests waiting for it together:
 * SQLite allows one writer at a time, so a single writer never meets {@code SQLITE_BUSY} from this process, and a
 * group commit pays one fsync for many requests. Reads use a small pool of their own connections, which WAL lets
 * run while a write is in progress. Every connection also has a busy timeout, for another process (a backup, the
 * sqlite3 shell) holding the file for a moment.
 */
public final class SqliteEvaluationStore implements EvaluationStore {
    static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int READERS = 4;

    static final String COLUMNS = "id, request_id, campaign, rule_set_version, unit_id, unit_name, kind, report_json,"
            + " result_json, score, points, max_points, grade, rank_in_request, created_at, caller";

    /**
     * How commits are made; the defaults are what the service uses, the rest is for measuring.
     *
     * @param synchronous  SQLite's {@code synchronous} setting: FULL syncs the WAL at every commit, NORMAL only at
     *                     checkpoints
     * @param maxBatch     requests committed together at most; 1 commits each request alone
     * @param syncWal      with NORMAL: the writer fsyncs the WAL itself after each commit, on other threads, and
     *                     answers only then: as durable as FULL, but the next batch is written while the disk syncs
     */
    public record Options(SQLiteConfig.SynchronousMode synchronous, int maxBatch, boolean syncWal) {
        static final Options DEFAULT = new Options(SQLiteConfig.SynchronousMode.NORMAL, 64, true);

        public Options(SQLiteConfig.SynchronousMode synchronous, int maxBatch) {
            this(synchronous, maxBatch, false);
        }

        public Options {
            if (syncWal && synchronous != SQLiteConfig.SynchronousMode.NORMAL) {
                throw new IllegalArgumentException("syncWal is for synchronous NORMAL");
            }
        }
    }

    private final String url;
    private final SqliteWriter writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

    private SqliteEvaluationStore(String url, SqliteWriter writer) {
        this.url = url;
        this.writer = writer;
    }

    /** Opens (creating and migrating when needed) the history in a file. */
    public static SqliteEvaluationStore open(Path file) {
        return open(file, Options.DEFAULT);
    }

    public static SqliteEvaluationStore open(Path file, Options options) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            Connection writeConnection = connect(url, options.synchronous());
            SchemaMigrations.migrate(url);
            try {
                requireWritable(writeConnection, file);
            } catch (StoreException e) {
                writeConnection.close();
                throw e;
            }
            Path wal = options.syncWal() ? Path.of(file.toAbsolutePath() + "-wal") : null;
            SqliteEvaluationStore store = new SqliteEvaluationStore(url, new SqliteWriter(writeConnection, options.maxBatch(), wal));
            for (int i = 0; i < READERS; i++) {
                store.readers.add(connect(url, options.synchronous()));
            }
            return store;
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("Không mở được cơ sở dữ liệu " + file + " (cannot open the database): " + e.getMessage(), e);
        }
    }

    /**
     * Fails at start when the file (or its folder, where the write-ahead log goes) cannot be written, instead of
     * answering every later write with SQLITE_READONLY.
     */
    private static void requireWritable(Connection connection, Path file) {
        try (Statement probe = connection.createStatement()) {
            int version;
            try (ResultSet read = probe.executeQuery("PRAGMA user_version")) {
                version = read.getInt(1);
            }
            // writing the value it has, in a transaction rolled back: BEGIN IMMEDIATE alone succeeds on a read-only file
            probe.execute("BEGIN IMMEDIATE");
            probe.execute("PRAGMA user_version = " + version);
            probe.execute("ROLLBACK");
        } catch (SQLException e) {
            throw new StoreException("Không ghi được vào cơ sở dữ liệu " + file + " (the database is read-only: check the"
                    + " permissions of the file and its folder): " + e.getMessage(), e);
        }
    }

    public static Connection connect(String url, SQLiteConfig.SynchronousMode synchronous) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(synchronous);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        // Take the write lock when a transaction begins, not halfway through it, where waiting cannot help.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config.createConnection(url);
    }

    @Override
    public StoredRequest save(NewRequest request) {
        return writer.save(request);
    }

    @Override
    public Optional<StoredEvaluation> find(String evaluationId) {
        return read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM evaluation WHERE id = ?")) {
                select.setString(1, evaluationId);
                List<StoredEvaluation> found = rows(select);
                return found.stream().findFirst();
            }
        });
    }

    @Override
    public Page<StoredEvaluation> history(String unitId, String campaign, int limit, int offset) {
        String where = campaign == null ? " WHERE unit_id = ?" : " WHERE unit_id = ? AND campaign = ?";
        return read(c -> {
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM evaluation" + where)) {
                bind(count, unitId, campaign);
                try (ResultSet rs = count.executeQuery()) {
                    total = rs.next() ? rs.getLong(1) : 0;
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM evaluation" + where + " ORDER BY seq DESC LIMIT ? OFFSET ?")) {
                int next = bind(select, unitId, campaign);
                select.setInt(next, limit);
                select.setInt(next + 1, offset);
                return new Page<>(rows(select), total, limit, offset);
            }
        });
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
                    + " (SELECT max(seq) FROM evaluation WHERE campaign = ? GROUP BY unit_id) ORDER BY seq")) {
                select.setString(1, campaign);
                return rows(select);
            }
        });
    }

    @Override
    public RuleSetVersion recordRuleSet(RuleSet ruleSet) {
        writer.record(RuleSetVersion.of(ruleSet));
        return ruleSet(ruleSet.version()).orElseThrow(() -> new StoreException(
                "Rule set " + ruleSet.version() + " was recorded but does not read back", null));
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

    public StoredImport saveFigures(NewFigures figures) {
        return writer.submit(connection -> ImportedFiguresRows.insert(connection, figures));
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

    /** The JDBC address of the file, for tools and tests. */
    String url() {
        return url;
    }

    @Override
    public void close() {
        writer.close();
        Connection reader;
        while ((reader = readers.poll()) != null) {
            try {
                reader.close();
            } catch (SQLException e) {
                // Closing a reader has nothing to lose: the data is the writer's, and committed.
            }
        }
    }

    private interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T read(Query<T> query) {
        Connection connection;
        try {
            connection = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for a database connection", e);
        }
        try {
            return query.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Đọc cơ sở dữ liệu thất bại (database read failed): " + e.getMessage(), e);
        } finally {
            readers.add(connection);
        }
    }

    static List<StoredEvaluation> rows(PreparedStatement select) throws SQLException {
        return rows(select, null);
    }

    /** The rows; with {@code positions}, each row's {@code seq} too (the query must select it). */
    static List<StoredEvaluation> rows(PreparedStatement select, List<Long> positions) throws SQLException {
        List<StoredEvaluation> rows = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                if (positions != null) {
                    positions.add(rs.getLong("seq"));
                }
                rows.add(new StoredEvaluation(
                        rs.getString("id"), rs.getString("request_id"), rs.getString("campaign"),
                        rs.getString("rule_set_version"), rs.getString("unit_id"), rs.getString("unit_name"),
                        rs.getString("kind"), rs.getString("report_json"), rs.getString("result_json"),
                        rs.getDouble("score"), rs.getDouble("points"), rs.getDouble("max_points"), rs.getString("grade"),
                        rs.getInt("rank_in_request"), Timestamps.parse(rs.getString("created_at")),
                        rs.getString("caller")));
            }
        }
        return rows;
    }
}
