package org.thidua.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.thidua.service.store.DatabaseAddress;

/**
 * The PostgreSQL server of the tests, as {@code .ci/postgres} sets it up (CI runs it; developers run it too): by default
 * role and database {@code thidua_test} on 127.0.0.1:5432 over TCP; another server through
 * {@code THIDUA_TEST_PG_URL}/{@code THIDUA_TEST_PG_PASSWORD} or the system properties {@code thidua.test.pg.url} /
 * {@code thidua.test.pg.password}. Each test gets a new database of its own ({@link #freshDatabase}), dropped when
 * closed. A test that needs PostgreSQL fails when the server does not answer: it never skips.
 */
public final class TestPostgres {
    static final String URL = setting("thidua.test.pg.url", "THIDUA_TEST_PG_URL", "postgresql://127.0.0.1:5432/thidua_test?user=thidua_test");
    static final String PASSWORD = setting("thidua.test.pg.password", "THIDUA_TEST_PG_PASSWORD", "thidua_test");

    private TestPostgres() {
    }

    private static String setting(String property, String variable, String otherwise) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** A new, empty database on the test server, dropped (with its connections) when closed. */
    public record Database(String name, String url) implements AutoCloseable {
        /** The address {@code thidua} takes, {@code postgresql://…/NAME?user=…}. */
        public DatabaseAddress.Postgres address() {
            return (DatabaseAddress.Postgres) DatabaseAddress.parse(url);
        }

        /**
         * Drops the database. An autovacuum worker busy in it can make the drop fail when the role may not end it
         * (roles set up before {@code .ci/postgres} granted {@code pg_signal_backend}); the worker leaves soon, so
         * the drop is tried again a few times before the test is failed.
         */
        @Override
        public void close() {
            for (int attempt = 1; ; attempt++) {
                try {
                    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    return;
                } catch (AssertionError e) {
                    if (attempt == 5) {
                        throw e;
                    }
                    try {
                        Thread.sleep(200L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }
    }

    /** A file in {@code dir} holding the test server's password, for {@code --db-password-file}. */
    static java.nio.file.Path passwordFile(java.nio.file.Path dir) throws java.io.IOException {
        return java.nio.file.Files.writeString(dir.resolve("pg-password"), PASSWORD + "\n");
    }

    public static Database freshDatabase() {
        String name = "thidua_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name);
        return new Database(name, URL.replaceFirst("(//[^/]+/)[^?]+", "$1" + name));
    }

    private static void admin(String sql) {
        DatabaseAddress.Postgres server = (DatabaseAddress.Postgres) DatabaseAddress.parse(URL);
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("Cần PostgreSQL cho phép thử này (this test needs PostgreSQL at " + URL
                    + "; start it with: bash .ci/postgres): " + e.getMessage(), e);
        }
    }
}
