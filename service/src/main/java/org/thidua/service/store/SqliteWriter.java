package org.thidua.service.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

    /** A queued write, run by the writer thread inside its own savepoint, and its caller's answer. */
    private record Pending(SqlWork<?> job, CompletableFuture<Object> done) {
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
    /** The SQL of each write; used by the writer thread only. */
    private final HistoryInserts inserts;

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
        this.inserts = new HistoryInserts(connection, Dialect.SQLITE);
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
        return save(request, request.utf8());
    }

    /**
     * As {@link #save(NewRequest)}, with each unit's report and result in UTF-8 ({@link NewRequest#utf8()}), encoded on
     * the caller's thread: encoding is most of the CPU of binding a row (the Vietnamese text makes them UTF-16 strings),
     * and the one writer would do it for every caller.
     */
    public StoredRequest save(NewRequest request, byte[][] utf8) {
        return submit(connection -> inserts.request(request, utf8));
    }

    /** Stores a rule-set version and its files unless it is stored already; waits until it is committed. */
    void record(RuleSetVersion ruleSet) {
        submit(connection -> {
            inserts.ruleSet(ruleSet);
            return null;
        });
    }

    /** Queues a write and waits until it is committed (or refused); it shares the group commit of evaluations. */
    @SuppressWarnings("unchecked")
    <T> T submit(SqlWork<T> job) {
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
            throw cause instanceof StoreException s ? s : StoreException.writeFailed(cause);
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
        inserts.batchBegun();
        List<Exception> failed = new ArrayList<>(batch.size());
        try (Statement control = connection.createStatement()) {
            control.execute("BEGIN IMMEDIATE");
            for (Pending pending : batch) {
                control.execute("SAVEPOINT request");
                int mark = inserts.mark();
                try {
                    stored.add(pending.job().run(connection));
                    failed.add(null);
                } catch (SQLException | RuntimeException e) {
                    inserts.refused(mark);
                    control.execute("ROLLBACK TO request");
                    stored.add(null);
                    failed.add(e);
                }
                control.execute("RELEASE request");
            }
            control.execute("COMMIT");
            inserts.committed();
        } catch (SQLException | RuntimeException e) {
            LOG.error("Ghi {} yêu cầu thất bại, không yêu cầu nào được lưu (commit of a batch failed)", batch.size(), e);
            rollbackQuietly();
            StoreException failure = StoreException.writeFailed(e);
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
                done.completeExceptionally(StoreException.writeFailed(e));
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
