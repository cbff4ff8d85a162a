package org.thidua.service.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only thread that writes the history. Requests wait in a queue; the writer takes all that are waiting
 * (up to a batch), writes each inside its own savepoint, commits once, and answers them only once the commit is on
 * disk: either the commit syncs (synchronous FULL), or, with a write-ahead log to sync, the batch goes to the sync
 * threads, which fsync the log and then answer, while this thread commits the next batch. So each caller is
 * answered after its rows are durable, and concurrent callers share one fsync instead of queueing for one each.
 * A request that fails is rolled back to its savepoint alone; the others of the batch are still committed.
 */
public final class SqliteWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteWriter.class);

    /** One write, run by the writer thread inside its own savepoint. */
    interface Job<T> {
        T run(Connection connection) throws SQLException;
    }

    private record Pending(Job<?> job, CompletableFuture<Object> done) {
    }

    private static final Pending STOP = new Pending(null, null);

    /** Threads that make committed batches durable: fsyncs in flight together finish sooner than one after another. */
    static final int SYNC_THREADS = 4;

    private final Connection connection;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private boolean closed;
    /** The write-ahead log to fsync before answering; {@code null} when each commit syncs it itself (FULL). */
    private final Path wal;
    private final ExecutorService syncers;
    /** Batches committed so far, and how many of them are known durable (an fsync begun after their commit ended). */
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong durable = new AtomicLong();
    /** The two inserts of an evaluation request, prepared once; used by the writer thread only. */
    private PreparedStatement insertRequest;
    private PreparedStatement insertEvaluation;
    /** Rule-set versions known to be committed (writer thread only): their files need not be offered again. */
    private final Set<String> recordedVersions = new HashSet<>();
    /** Versions inserted by the batch being written (writer thread only); known once it commits. */
    private final List<String> batchVersions = new ArrayList<>();

    public SqliteWriter(Connection connection, int maxBatch) throws SQLException {
        this(connection, maxBatch, null);
    }

    /**
     * @param wal the database's write-ahead log when the connection commits without syncing (synchronous NORMAL):
     *            the writer then fsyncs it on other threads before answering, while it commits the next batch;
     *            {@code null} when the connection syncs at each commit (synchronous FULL)
     */
    public SqliteWriter(Connection connection, int maxBatch, Path wal) throws SQLException {
        this.connection = connection;
        this.maxBatch = maxBatch;
        this.wal = wal;
        this.syncers = wal == null ? null : Executors.newFixedThreadPool(SYNC_THREADS, task -> {
            Thread syncer = new Thread(task, "thidua-sqlite-sync");
            syncer.setDaemon(true);
            return syncer;
        });
        // Transactions are begun and ended by statements, below: sqlite-jdbc begins one as soon as auto-commit is
        // turned off and again right after each commit, which would hold the write lock between batches.
        connection.setAutoCommit(true);
        this.thread = new Thread(this::run, "thidua-sqlite-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a request and waits until it is committed (or refused). */
    public StoredRequest save(NewRequest request) {
        // Each unit's report and result in UTF-8, encoded on the caller's thread: encoding is most of the CPU of binding
        // a row (the Vietnamese text makes them UTF-16 strings), and the one writer would do it for every caller.
        byte[][] utf8 = new byte[request.evaluations().size() * 2][];
        int i = 0;
        for (NewRequest.Unit unit : request.evaluations()) {
            utf8[i++] = unit.reportJson() == null ? null : unit.reportJson().getBytes(StandardCharsets.UTF_8);
            utf8[i++] = unit.resultJson() == null ? null : unit.resultJson().getBytes(StandardCharsets.UTF_8);
        }
        return submit(connection -> insert(request, utf8));
    }

    /** Stores a rule-set version and its files unless it is stored already; waits until it is committed. */
    void record(RuleSetVersion ruleSet) {
        submit(connection -> {
            insertRuleSet(ruleSet);
            return null;
        });
    }

    /** Queues a write and waits until it is committed (or refused); it shares the group commit of evaluations. */
    @SuppressWarnings("unchecked")
    <T> T submit(Job<T> job) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the evaluation store is closed");
            }
            queue.add(new Pending(job, done));
        }
        try {
            return (T) done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for the database write", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof StoreException s ? s : new StoreException("Ghi cơ sở dữ liệu thất bại (database write failed): "
                    + cause.getMessage(), cause);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, maxBatch - 1);
            stopping = batch.remove(STOP);
            if (!batch.isEmpty()) {
                write(batch);
            }
            batch.clear();
        }
        // Whatever arrived after the stop is refused, never left waiting.
        Pending late;
        while ((late = queue.poll()) != null) {
            if (late != STOP) {
                late.done().completeExceptionally(new IllegalStateException("the evaluation store is closed"));
            }
        }
    }

    private void write(List<Pending> batch) {
        List<Object> stored = new ArrayList<>(batch.size());
        batchVersions.clear();
        List<Exception> failed = new ArrayList<>(batch.size());
        try (Statement control = connection.createStatement()) {
            control.execute("BEGIN IMMEDIATE");
            for (Pending pending : batch) {
                control.execute("SAVEPOINT request");
                int versionsBefore = batchVersions.size();
                try {
                    stored.add(pending.job().run(connection));
                    failed.add(null);
                } catch (SQLException | RuntimeException e) {
                    if (insertEvaluation != null) {
                        insertEvaluation.clearBatch(); // nothing of the refused request may reach the next one
                    }
                    control.execute("ROLLBACK TO request");
                    batchVersions.subList(versionsBefore, batchVersions.size()).clear();
                    stored.add(null);
                    failed.add(e);
                }
                control.execute("RELEASE request");
            }
            control.execute("COMMIT");
            recordedVersions.addAll(batchVersions);
        } catch (SQLException | RuntimeException e) {
            LOG.error("Ghi {} yêu cầu thất bại, không yêu cầu nào được lưu (commit of a batch failed)", batch.size(), e);
            rollbackQuietly();
            StoreException failure = new StoreException("Ghi cơ sở dữ liệu thất bại (database write failed): " + e.getMessage(), e);
            batch.forEach(p -> p.done().completeExceptionally(failure));
            return;
        }
        List<Runnable> answers = new ArrayList<>(batch.size());
        List<CompletableFuture<Object>> waiting = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<Object> done = batch.get(i).done();
            if (failed.get(i) == null) {
                Object request = stored.get(i);
                answers.add(() -> done.complete(request));
                waiting.add(done);
            } else {
                // nothing of this request was stored: it can be told at once
                Exception e = failed.get(i);
                done.completeExceptionally(new StoreException("Ghi cơ sở dữ liệu thất bại (database write failed): " + e.getMessage(), e));
            }
        }
        if (wal == null) {
            answers.forEach(Runnable::run);
        } else if (!answers.isEmpty()) {
            long batchNumber = committed.incrementAndGet();
            syncers.execute(() -> syncThenAnswer(batchNumber, answers, waiting));
        }
    }

    /**
     * Answers a committed batch once the write-ahead log is on disk up to its commit. One fsync covers every batch
     * committed before it began, so a batch that a later fsync has already covered is answered without another.
     */
    private void syncThenAnswer(long batchNumber, List<Runnable> answers, List<CompletableFuture<Object>> waiting) {
        try {
            if (durable.get() < batchNumber) {
                long upTo = committed.get(); // every batch up to this one has finished writing its commit
                try (FileChannel log = FileChannel.open(wal, StandardOpenOption.WRITE)) {
                    log.force(false);
                }
                durable.accumulateAndGet(upTo, Math::max);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Đồng bộ nhật ký WAL thất bại, {} yêu cầu không được xác nhận (fsync of the WAL failed)", answers.size(), e);
            StoreException failure = new StoreException("Ghi cơ sở dữ liệu thất bại (database sync failed): " + e.getMessage(), e);
            waiting.forEach(done -> done.completeExceptionally(failure));
            return;
        }
        answers.forEach(Runnable::run);
    }

    private StoredRequest insert(NewRequest request, byte[][] utf8) throws SQLException {
        String requestId = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String createdAt = Timestamps.format(now);
        if (request.ruleSet() != null) {
            // The evaluations and the rules that made them are committed together: a stored evaluation always finds its rules.
            insertRuleSet(request.ruleSet());
        }
        if (insertRequest == null) {
            insertRequest = connection.prepareStatement("INSERT INTO evaluation_request"
                    + " (id, campaign, rule_set_version, caller, created_at, unit_count) VALUES (?, ?, ?, ?, ?, ?)");
            insertEvaluation = connection.prepareStatement("INSERT INTO evaluation (id, request_id, campaign,"
                    + " rule_set_version, unit_id, unit_name, kind, report_json, result_json, score, points, max_points, grade,"
                    + " rank_in_request, created_at, caller)"
                    // the JSON is bound as its UTF-8 bytes and stored as TEXT, as a string would be
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?)");
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
                StoredEvaluation row = new StoredEvaluation(UUID.randomUUID().toString(), requestId, request.campaign(),
                        request.ruleSetVersion(), unit.unitId(), unit.unitName(), unit.kind(), unit.reportJson(),
                        unit.resultJson(), unit.score(), unit.points(), unit.maxPoints(), unit.grade(), unit.rank(), now,
                        request.caller());
                insert.setString(1, row.id());
                insert.setString(2, row.requestId());
                insert.setString(3, row.campaign());
                insert.setString(4, row.ruleSetVersion());
                insert.setString(5, row.unitId());
                insert.setString(6, row.unitName());
                insert.setString(7, row.kind());
                insert.setBytes(8, utf8[2 * rows.size()]); // rows.size(): this unit's position in the request
                insert.setBytes(9, utf8[2 * rows.size() + 1]);
                insert.setDouble(10, row.score());
                insert.setDouble(11, row.points());
                insert.setDouble(12, row.maxPoints());
                insert.setString(13, row.grade());
                insert.setInt(14, row.rankInRequest());
                insert.setString(15, createdAt);
                insert.setString(16, row.caller());
                insert.addBatch();
                rows.add(row);
            }
            insert.executeBatch();
        }
        return new StoredRequest(requestId, request.campaign(), request.ruleSetVersion(), now, rows);
    }

    /** Inserts a rule-set version and its files unless that version is stored already (then nothing changes). */
    private void insertRuleSet(RuleSetVersion ruleSet) throws SQLException {
        if (recordedVersions.contains(ruleSet.version()) || batchVersions.contains(ruleSet.version())) {
            return;
        }
        int inserted;
        try (PreparedStatement head = connection.prepareStatement(
                "INSERT OR IGNORE INTO rule_set (version, campaign, first_live_at) VALUES (?, ?, ?)")) {
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

    private void rollbackQuietly() {
        try (Statement control = connection.createStatement()) {
            control.execute("ROLLBACK");
        } catch (SQLException e) {
            // No transaction left to roll back (BEGIN itself failed, or SQLite already rolled back): nothing to undo.
            LOG.debug("Rollback: {}", e.getMessage());
        }
    }

    /** Commits what is queued, then stops the thread and closes the connection. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            thread.join();
            if (syncers != null) {
                syncers.shutdown(); // the batches already committed are still synced and answered
                syncers.awaitTermination(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the database failed: {}", e.getMessage());
        }
    }
}
