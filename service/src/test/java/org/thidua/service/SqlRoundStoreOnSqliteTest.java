package org.thidua.service;

import java.nio.file.Path;

import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.RoundStore;
import org.thidua.service.store.SqliteEvaluationStore;
import org.thidua.service.store.SqlRoundStore;

/** The round store's contract on SQLite: both stores over one database file, as {@code thidua serve} opens them. */
class SqlRoundStoreOnSqliteTest extends RoundStoreContractTest {
    @Override
    EvaluationStore openEvaluations(Path dir) {
        return SqliteEvaluationStore.open(dir.resolve("thidua.db"));
    }

    @Override
    RoundStore open(Path dir) {
        return SqlRoundStore.open(dir.resolve("thidua.db"));
    }
}
