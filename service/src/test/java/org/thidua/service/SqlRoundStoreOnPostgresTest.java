package org.thidua.service;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.RoundStore;

/**
 * The round store's contract on PostgreSQL: both stores over one fresh database, as {@code thidua serve --db
 * postgresql://…} opens them (the history first, which migrates, then the rounds over
 * the history's pool).
 */
class SqlRoundStoreOnPostgresTest extends RoundStoreContractTest {
    private TestPostgres.Database database;
    private EvaluationStore history;

    @Override
    EvaluationStore openEvaluations(Path dir) {
        database = TestPostgres.freshDatabase();
        history = database.address().open(TestPostgres.PASSWORD);
        return history;
    }

    @Override
    RoundStore open(Path dir) {
        return database.address().openRounds(history);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }
}
