package org.thidua.service.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.sqlite.SQLiteConfig;

/**
 * Evaluation history in one SQLite file, in WAL mode. Its queries are {@link SqlHistory}'s, shared with PostgreSQL.
 *
 * <p>Writes go through one writer thread ({@link SqliteWriter}) that commits the requests waiting for it together:
 * SQLite allows one writer at a time, so a single writer never meets {@code SQLITE_BUSY} from this process, and a
 * group commit pays one fsync for many requests. Reads use a small pool of their own connections, which WAL lets
 * run while a write is in progress. Every connection also has a busy timeout, for another process (a backup, the
 * sqlite3 shell) holding the file for a moment.
 */
public final class SqliteEvaluationStore extends SqlHistory {
    static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int READERS = 4;

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
            try {
                SchemaMigrations.migrateSqlite(url, file.toString());
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

    /**
     * A connection in write-ahead-log mode. Switching a file to that mode while another process creates or migrates it
     * fails at once with {@code SQLITE_BUSY} (SQLite calls no busy handler there), so it is tried again after a pause,
     * as {@link SchemaMigrations} does.
     */
    public static Connection connect(String url, SQLiteConfig.SynchronousMode synchronous) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(synchronous);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        // Take the write lock when a transaction begins, not halfway through it, where waiting cannot help.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        for (int attempt = 1; ; attempt++) {
            try {
                return config.createConnection(url);
            } catch (SQLException e) {
                if (attempt == SchemaMigrations.ATTEMPTS || !String.valueOf(e.getMessage()).contains("SQLITE_BUSY")) {
                    throw e;
                }
                SchemaMigrations.pause();
            }
        }
    }

    @Override
    public StoredRequest save(NewRequest request) {
        return writer.save(request);
    }

    @Override
    public StoredRequest save(NewRequest request, byte[][] utf8) {
        return writer.save(request, utf8);
    }

    @Override
    void record(RuleSetVersion ruleSet) {
        writer.record(ruleSet);
    }

    @Override
    <T> T write(SqlWork<T> job) {
        return writer.submit(job);
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

    @Override
    <T> T read(SqlWork<T> query) {
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
            throw StoreException.readFailed(e);
        } finally {
            readers.add(connection);
        }
    }
}
