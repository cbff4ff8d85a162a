package org.thidua.service.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One read or write on a connection a store lends: the history's ({@link SqlHistory}), its SQLite writer's
 * ({@link SqliteWriter}, inside a savepoint) and the rounds' ({@link RoundConnections}).
 */
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
