package org.thidua.service.store;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history's schema, versioned by Flyway from numbered SQL files: those both dialects run as they are in
 * {@code org/thidua/service/db/common}, the others in each dialect's folder ({@code …/db/sqlite/V1__evaluation_history.sql},
 * …; see {@link Dialect}). A change to the schema is a new file, never an edit of an applied one: Flyway refuses a
 * changed checksum (a file moved to another folder keeps its checksum).
 *
 * <p>Several instances may start together on one database. On PostgreSQL Flyway holds an advisory lock while it
 * migrates, so the second waits and then finds nothing to do. SQLite has no such lock: the second's transaction
 * meets the first's ({@code SQLITE_BUSY}, or a table the first has just created), is rolled back whole, and is tried
 * again after a pause, when it finds the migrations applied.
 */
public final class SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    /** Attempts while another process migrates the same SQLite file: about 20 s in all. */
    static final int ATTEMPTS = 80;

    private SchemaMigrations() {
    }

    /** Migrates a SQLite file, waiting for another process migrating it at the same time. */
    static void migrateSqlite(String jdbcUrl, String where) {
        migrate(Flyway.configure().dataSource(jdbcUrl, "", ""), Dialect.SQLITE, where);
    }

    static void migrate(DataSource dataSource, Dialect dialect, String where) {
        migrate(Flyway.configure().dataSource(dataSource), dialect, where);
    }

    private static void migrate(FluentConfiguration configuration, Dialect dialect, String where) {
        Flyway flyway = configuration.locations(dialect.migrations()).load();
        for (int attempt = 1; ; attempt++) {
            try {
                MigrateResult result = flyway.migrate();
                if (result.migrationsExecuted > 0) {
                    LOG.info("Cơ sở dữ liệu lên phiên bản {} ({} migrations applied)", result.targetSchemaVersion, result.migrationsExecuted);
                }
                return;
            } catch (FlywayException e) {
                if (attempt < ATTEMPTS && dialect == Dialect.SQLITE && anotherIsMigrating(e)) {
                    LOG.debug("Another process migrates {} (attempt {}): {}", where, attempt, e.getMessage());
                    pause();
                    continue;
                }
                throw new StoreException("Không nâng cấp được lược đồ cơ sở dữ liệu " + where + " (migration failed): "
                        + firstLine(rootCause(e).getMessage()), e);
            }
        }
    }

    /** Whether a failed migration met another process's: a lock it holds, or a table it has just made. */
    private static boolean anotherIsMigrating(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED")
                    || (cause instanceof SQLException && message.contains("already exists"))) {
                return true;
            }
        }
        return false;
    }

    /** A pause of 100 to 300 ms while another process works on the same file. */
    static void pause() {
        try {
            Thread.sleep(100 + ThreadLocalRandom.current().nextInt(200));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for another process's migration", interrupted);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
