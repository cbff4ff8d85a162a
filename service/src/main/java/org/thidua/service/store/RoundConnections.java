package org.thidua.service.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Where {@link SqlRoundStore} gets its connections and how it locks a round: SQLite's one connection of its own
 * (whose IMMEDIATE transactions hold the database's write lock, so a named lock is nothing more), or connections
 * borrowed from the PostgreSQL history's pool with a transaction-scoped advisory lock per name.
 */
interface RoundConnections extends AutoCloseable {
    <T> T with(SqlWork<T> work) throws SQLException;

    /** The inserts of the history's rows on {@code c}, a connection this gave. */
    HistoryInserts inserts(Connection c);

    /** Takes the lock named {@code key} until the transaction on {@code c} ends. */
    void lock(Connection c, String key) throws SQLException;

    @Override
    void close();

    static RoundConnections sqlite(Connection connection) {
        // one connection: its statements are prepared once, as the history's writer does
        HistoryInserts inserts = new HistoryInserts(connection, Dialect.SQLITE);
        return new RoundConnections() {
            @Override
            public synchronized <T> T with(SqlWork<T> work) throws SQLException {
                return work.run(connection);
            }

            @Override
            public HistoryInserts inserts(Connection c) {
                inserts.batchBegun();
                return inserts;
            }

            @Override
            public void lock(Connection c, String key) {
                // the IMMEDIATE transaction holds the database's write lock already
            }

            @Override
            public synchronized void close() {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // nothing is pending: every write committed or rolled back before returning
                }
            }
        };
    }

    static RoundConnections borrowing(DataSource pool) {
        return new RoundConnections() {
            @Override
            public <T> T with(SqlWork<T> work) throws SQLException {
                try (Connection connection = pool.getConnection()) {
                    return work.run(connection);
                }
            }

            @Override
            public HistoryInserts inserts(Connection c) {
                // a borrowed connection's statements are closed when it goes back to the pool
                return new HistoryInserts(c, Dialect.POSTGRESQL);
            }

            @Override
            public void lock(Connection c, String key) throws SQLException {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, UUID.nameUUIDFromBytes(("thidua:" + key).getBytes(StandardCharsets.UTF_8)).getMostSignificantBits());
                    lock.execute();
                }
            }

            @Override
            public void close() {
                // the pool is the history's
            }
        };
    }
}
