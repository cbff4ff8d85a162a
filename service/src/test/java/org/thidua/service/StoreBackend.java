package org.thidua.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.thidua.service.store.DatabaseAddress;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.RoundStore;
import org.thidua.service.store.SqlRoundStore;
import org.thidua.service.store.SqliteEvaluationStore;

/**
 * Which database the service tests' {@link RunningService} keeps its history in: SQLite (a file at the test's path)
 * unless the test class runs {@code @ExtendWith(StoreBackend.OnPostgres.class)}; then each path a test names stands
 * for a new PostgreSQL database of its own (the same path, the same database: a restart reads it back), dropped after
 * the class. So one HTTP test class runs against both with a two-line subclass.
 */
final class StoreBackend {
    private static volatile boolean postgres;
    private static final Map<Path, TestPostgres.Database> DATABASES = new ConcurrentHashMap<>();

    private StoreBackend() {
    }

    /** Opens the history the running test class uses, for a test path. */
    static EvaluationStore open(Path db) {
        if (!postgres) {
            return SqliteEvaluationStore.open(db);
        }
        TestPostgres.Database database = DATABASES.computeIfAbsent(db.toAbsolutePath(), p -> TestPostgres.freshDatabase());
        return database.address().open(TestPostgres.PASSWORD);
    }

    /** Opens the assessment rounds beside {@code history}, the history of a test path (after {@link #open}). */
    static RoundStore openRounds(Path db, EvaluationStore history) {
        if (!postgres) {
            return SqlRoundStore.open(db);
        }
        return DATABASES.get(db.toAbsolutePath()).address().openRounds(history);
    }

    /** A plain JDBC connection to the history the running test class uses for a test path, to count its rows. */
    static Connection sql(Path db) throws SQLException {
        if (!postgres) {
            return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        }
        DatabaseAddress.Postgres address = DATABASES.get(db.toAbsolutePath()).address();
        return DriverManager.getConnection(address.jdbcUrl(), address.user(), TestPostgres.PASSWORD);
    }

    /**
     * The {@code thidua} arguments that name the history the running test class uses for a test path:
     * {@code --db FILE}, or {@code --db postgresql://… --db-password-file FILE}.
     */
    static List<String> arguments(Path db) throws IOException {
        if (!postgres) {
            return List.of("--db", db.toString());
        }
        Path password = Files.createTempFile("thidua-test-password", ".txt");
        password.toFile().deleteOnExit();
        Files.writeString(password, TestPostgres.PASSWORD + "\n");
        return List.of("--db", DATABASES.get(db.toAbsolutePath()).url(), "--db-password-file", password.toString());
    }

    /** Runs a test class's services on PostgreSQL. */
    static final class OnPostgres implements BeforeAllCallback, AfterAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            postgres = true;
        }

        @Override
        public void afterAll(ExtensionContext context) {
            postgres = false;
            DATABASES.values().forEach(TestPostgres.Database::close);
            DATABASES.clear();
        }
    }
}
