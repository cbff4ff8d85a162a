package org.thidua.service.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history's schema, versioned by Flyway from the numbered SQL files in {@code org/thidua/service/db}
 * ({@code V1__evaluation_history.sql}, …). Flyway's core handles SQLite itself; a change to the schema is a new
 * file, never an edit of an applied one (Flyway refuses a changed checksum).
 */
public final class SchemaMigrations {
    static final String LOCATION = "classpath:org/thidua/service/db";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private SchemaMigrations() {
    }

    static void migrate(String jdbcUrl) {
        MigrateResult result = Flyway.configure()
                .dataSource(jdbcUrl, "", "")
                .locations(LOCATION)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Cơ sở dữ liệu lên phiên bản {} ({} migrations applied)", result.targetSchemaVersion, result.migrationsExecuted);
        }
    }
}
