package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code thidua serve} processes as an operator starts them: two at once on a new SQLite file both come up (issue 15:
 * one used to die with SQLITE_BUSY_SNAPSHOT and 41 lines of stack trace), and a database that cannot be reached is
 * one plain line, never a stack trace.
 */
class ServesStartedTogetherTest {
    @TempDir
    Path dir;

    @Test
    void two_serves_started_together_on_a_new_sqlite_file_both_serve_and_share_it() throws Exception {
        Path db = dir.resolve("thidua.db");
        List<CompletableFuture<ServeProcess>> starting = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return ServeProcess.start(db, dir.resolve("serve-" + name + ".log"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<ServeProcess> serving = new ArrayList<>();
        try {
            for (CompletableFuture<ServeProcess> process : starting) {
                serving.add(process.join());
            }
            Api a = new Api(serving.get(0).uri());
            Api b = new Api(serving.get(1).uri());
            String id = a.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-a", "UBND xã A", 4)))
                    .json().get("evaluations").get(0).get("id").asText();
            assertThat(b.get("/api/v1/evaluations/" + id).status()).isEqualTo(200);
        } finally {
            for (ServeProcess process : serving) {
                process.close();
            }
        }
        for (String name : List.of("a", "b")) {
            assertThat(Files.readString(dir.resolve("serve-" + name + ".log"), StandardCharsets.UTF_8))
                    .doesNotContain("Exception", "\tat ", "SQLITE_BUSY");
        }
    }

    @Test
    void a_postgresql_server_that_does_not_answer_is_one_plain_line() throws Exception {
        Path log = dir.resolve("serve.log");
        // port 1 on loopback: nothing listens there
        assertThatThrownBy(() -> ServeProcess.startIn(null, log, List.of("--db", "postgresql://127.0.0.1:1/thidua?user=thidua")))
                .hasMessageContaining("did not start");

        String said = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(said).contains("Không kết nối được PostgreSQL postgresql://127.0.0.1:1/thidua?user=thidua (cannot connect)")
                .doesNotContain("\tat ", "Exception");
    }
}
