package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many clients at once: every request answered 200, every evaluation stored, none lost or doubled. */
class ConcurrentClientsTest {
    static final int CLIENTS = 32;
    static final int REQUESTS_EACH = 5;
    static final int UNITS_PER_REQUEST = 2;

    @TempDir
    Path dir;

    @Test
    void thirty_two_clients_posting_at_once_are_all_answered_200_and_no_row_is_lost() throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        try (RunningService running = RunningService.start(dir.resolve("thidua.db"))) {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    go.await();
                    for (int r = 0; r < REQUESTS_EACH; r++) {
                        Api.Answer answer = running.api.post("/api/v1/evaluations", Requests.request(
                                Requests.commune("xa-" + client + "-" + r + "-a", "UBND xã Hữu Bằng " + client, r % 6),
                                Requests.commune("xa-" + client + "-" + r + "-b", "UBND xã Thạch Xá " + client, 5)));
                        statuses.add(answer.status());
                        answer.json().get("evaluations").forEach(e -> ids.add(e.get("id").asText()));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get();
            }
            clients.shutdown();
        }

        int expected = CLIENTS * REQUESTS_EACH * UNITS_PER_REQUEST;
        assertThat(statuses).hasSize(CLIENTS * REQUESTS_EACH).containsOnly(200);
        assertThat(ids).hasSize(expected);
        try (Connection db = StoreBackend.sql(dir.resolve("thidua.db"));
             ResultSet rows = db.createStatement().executeQuery(
                     "SELECT count(*), count(DISTINCT id), (SELECT count(*) FROM evaluation_request) FROM evaluation")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(expected);
            assertThat(rows.getInt(2)).isEqualTo(expected);
            assertThat(rows.getInt(3)).isEqualTo(CLIENTS * REQUESTS_EACH);
        }
    }
}
