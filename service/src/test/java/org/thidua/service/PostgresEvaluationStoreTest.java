package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.thidua.service.store.DatabaseAddress;
import org.thidua.service.store.EvaluationStore;

/**
 * The PostgreSQL history against the store's whole specification, on a real server ({@code .ci/postgres}), and what
 * several instances on one database need: opened together, the schema is migrated once and all of them work.
 */
class PostgresEvaluationStoreTest extends EvaluationStoreContract {
    private TestPostgres.Database database;

    @Override
    EvaluationStore open() {
        database = TestPostgres.freshDatabase();
        return reopen();
    }

    @Override
    EvaluationStore reopen() {
        return database.address().open(TestPostgres.PASSWORD);
    }

    @AfterEach
    void drop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void stores_opened_together_on_a_new_database_migrate_it_once_and_share_what_they_store() throws Exception {
        database = TestPostgres.freshDatabase();
        int stores = 4;
        CyclicBarrier start = new CyclicBarrier(stores);
        ExecutorService threads = Executors.newFixedThreadPool(stores);
        List<Future<String>> saved = new ArrayList<>();
        List<EvaluationStore> open = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < stores; i++) {
            String unit = "xa-" + i;
            Callable<String> openAndSave = () -> {
                start.await();
                EvaluationStore store = reopen();
                open.add(store);
                return store.save(request(unit, "UBND " + unit)).evaluations().get(0).id();
            };
            saved.add(threads.submit(openAndSave));
        }
        threads.shutdown();
        try {
            for (Future<String> id : saved) {
                String stored = id.get();
                for (EvaluationStore other : List.copyOf(open)) {
                    assertThat(other.find(stored)).as("read back from every instance at once").isPresent();
                }
            }
        } finally {
            open.forEach(EvaluationStore::close);
        }
        DatabaseAddress.Postgres address = database.address();
        try (Connection db = DriverManager.getConnection(address.jdbcUrl(), address.user(), TestPostgres.PASSWORD)) {
            MigrationFoldersTest.assertEachAppliedOnce(db, "postgresql");
        }
    }
}
