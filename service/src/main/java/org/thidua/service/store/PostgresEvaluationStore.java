package org.thidua.service.store;

import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Evaluation history in a PostgreSQL database, for several {@code thidua serve} instances on one database server.
 * Its queries are {@link SqlHistory}'s, shared with SQLite; the schema is the same, from the PostgreSQL migrations.
 *
 * <p>Connections come from a kept pool (HikariCP). Each write is one transaction on a connection of its own,
 * committed before it returns; PostgreSQL's {@code synchronous_commit} (on by default, and it must stay on) makes the
 * commit durable, so an acknowledged evaluation survives a crash of this process or of the server. Many writes run
 * at once, from this instance and others: a rule-set version offered by two at the same time is stored once
 * ({@code ON CONFLICT DO NOTHING} waits for the other's commit).
 */
public final class PostgresEvaluationStore extends SqlHistory {
    private final HikariDataSource pool;
    private final String where;
    private volatile boolean closed;

    private PostgresEvaluationStore(HikariDataSource pool, String where) {
        this.pool = pool;
        this.where = where;
    }

    /** Connects, migrates the schema when needed (once, whoever else starts at the same time), and keeps a pool. */
    public static PostgresEvaluationStore open(DatabaseAddress.Postgres address, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(address.jdbcUrl());
        config.setUsername(address.user());
        config.setPassword(password);
        config.setMaximumPoolSize(address.pool());
        config.setPoolName("thidua-postgresql");
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("ApplicationName", "thidua");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("Không kết nối được PostgreSQL " + address.describe() + " (cannot connect): "
                    + rootMessage(e), e);
        }
        try {
            SchemaMigrations.migrate(pool, Dialect.POSTGRESQL, address.describe());
            return new PostgresEvaluationStore(pool, address.describe());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The kept connections, which the rounds of the same database borrow ({@code SqlRoundStore}). */
    javax.sql.DataSource pool() {
        return pool;
    }

    @Override
    public StoredRequest save(NewRequest request) {
        return write(connection -> new HistoryInserts(connection, Dialect.POSTGRESQL).request(request, null));
    }

    @Override
    void record(RuleSetVersion ruleSet) {
        write(connection -> {
            new HistoryInserts(connection, Dialect.POSTGRESQL).ruleSet(ruleSet);
            return null;
        });
    }

    @Override
    <T> T write(SqlWork<T> job) {
        requireOpen();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T done = job.run(connection);
                connection.commit();
                return done;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StoreException.writeFailed(e);
        }
    }

    @Override
    <T> T read(SqlWork<T> query) {
        requireOpen();
        try (Connection connection = pool.getConnection()) {
            return query.run(connection);
        } catch (SQLException e) {
            throw StoreException.readFailed(e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the evaluation store is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        pool.close();
    }

    @Override
    public String toString() {
        return "PostgreSQL " + where;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
