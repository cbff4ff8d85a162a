package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as an operator runs it, {@code thidua serve}, in its own JVM: evaluations it acknowledged are still
 * there after it is killed with SIGKILL, with no chance to shut down.
 */
class KillDashNineTest {
    static final int ACKNOWLEDGED = 20;

    @TempDir
    Path dir;

    /** {@code thidua serve} on the history at {@code db} (a SQLite file here; a PostgreSQL database in a subclass). */
    ServeProcess serve(Path db, Path log, String... arguments) throws Exception {
        return ServeProcess.start(db, log, arguments);
    }

    @Test
    void every_acknowledged_evaluation_survives_kill_dash_nine() throws Exception {
        Path db = dir.resolve("thidua.db");
        Path seed = Path.of(KillDashNineTest.class.getClassLoader().getResource("requests/seed-two-communes.json").toURI());
        List<String> ids = new ArrayList<>();

        ServeProcess first = serve(db, dir.resolve("serve-1.log"), "--seed", seed.toString());
        try {
            Api api = new Api(first.uri());
            assertThat(api.get("/api/v1/units/xa-binh-yen/evaluations").json().get("evaluations").get(0)
                    .get("unitName").asText()).isEqualTo("UBND xã Bình Yên");
            for (int i = 0; i < ACKNOWLEDGED; i++) {
                Api.Answer answer = api.post("/api/v1/evaluations",
                        Requests.request(Requests.commune("xa-chang-son-" + i, "UBND xã Chàng Sơn " + i, i % 6)));
                assertThat(answer.status()).isEqualTo(200);
                ids.add(answer.json().get("evaluations").get(0).get("id").asText());
            }
        } finally {
            assertThat(first.kill()).as("killed by SIGKILL").isEqualTo(137);
        }

        try (ServeProcess second = serve(db, dir.resolve("serve-2.log"), "--seed", seed.toString())) {
            Api api = new Api(second.uri());
            for (String id : ids) {
                assertThat(api.get("/api/v1/evaluations/" + id).status()).as(id).isEqualTo(200);
            }
            // The seed went into the empty database only: a restart does not store it again.
            assertThat(api.get("/api/v1/units/xa-binh-yen/evaluations").json().get("total").asLong()).isEqualTo(1);
        }
    }
}
