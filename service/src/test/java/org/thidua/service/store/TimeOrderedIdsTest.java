package org.thidua.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** The ids of stored rows are UUIDs of version 7: each after the one before, with the time they were made, and random. */
class TimeOrderedIdsTest {
    @Test
    void each_id_is_a_version_7_uuid_after_the_one_before_with_its_time_and_random_bits() {
        long before = System.currentTimeMillis();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        long after = System.currentTimeMillis();

        Set<Long> randomHalves = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(uuid.version()).as(id).isEqualTo(7);
            assertThat(uuid.variant()).as(id).isEqualTo(2);
            long millis = uuid.getMostSignificantBits() >>> 16;
            // more than 4,096 ids in a millisecond move the time on: at most one millisecond per 4,096 ids
            assertThat(millis).as(id).isBetween(before, after + ids.size() / 4096 + 1);
            if (i > 0) {
                assertThat(id).as("id %d", i).isGreaterThan(ids.get(i - 1)); // as text, as an index orders them
            }
            randomHalves.add(uuid.getLeastSignificantBits());
        }
        assertThat(randomHalves).hasSize(ids.size());
    }

    @Test
    void threads_making_ids_at_once_never_make_the_same_one() throws Exception {
        Set<String> all = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                running.add(threads.submit(() -> {
                    String last = "";
                    for (int i = 0; i < 25_000; i++) {
                        String id = TimeOrderedIds.next();
                        assertThat(id).isGreaterThan(last);
                        last = id;
                        all.add(id);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(all).hasSize(100_000);
    }
}
