package org.thidua.service;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.RoundStore;

/**
 * The round store's contract on PostgreSQL: both stores over one fresh database, as {@code thidua serve --db
 * postgresql://…} opens them (the history first, which migrates, then the rounds).
 */
class SqlRoundStoreOnPostgresTest extends RoundStoreContractTest {
    private TestPostgres.Database database;

    @Override
    EvaluationStore openEvaluations(Path dir) {
        database = TestPostgres.freshDatabase();
        return database.address().open(TestPostgres.PASSWORD);
    }

    @Override
    RoundStore open(Path dir) {
        return database.address().openRounds(TestPostgres.PASSWORD);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }
}
