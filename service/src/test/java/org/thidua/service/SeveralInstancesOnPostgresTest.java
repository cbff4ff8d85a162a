package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.http.AccessTokens;
import org.thidua.service.store.DatabaseAddress;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two {@code thidua serve} processes on one PostgreSQL database, as behind a provincial load balancer: started
 * together they migrate the schema once; what one acknowledges the other reads back at once; killing one loses
 * nothing it acknowledged; and both serve the same rule-set versions from the same rules folder: a reload through
 * one is live on the other, and an edit one refuses the other refuses too.
 */
class SeveralInstancesOnPostgresTest {
    private static final String STAFF = "token-cua-phong-noi-vu";
    private static final String CAMPAIGN = "/api/v1/campaigns/" + Requests.CAMPAIGN;

    @TempDir
    Path dir;

    private TestPostgres.Database database;
    private RulesFolder rules;
    private final List<ServeProcess> running = new ArrayList<>();

    @BeforeEach
    void database() {
        database = TestPostgres.freshDatabase();
        rules = RulesFolder.copy(dir.resolve("campaigns"));
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (ServeProcess process : running) {
            process.close();
        }
        database.close();
    }

    /** Starts two instances at the same moment, each on the same database and rules folder. */
    private List<Api> startTwo() throws Exception {
        Map<String, String> environment = Map.of("THIDUA_DB_PASSWORD", TestPostgres.PASSWORD,
                "THIDUA_TOKENS", "phong-noi-vu = " + HexFormat.of().formatHex(AccessTokens.sha256(STAFF)) + " read,evaluate,rules");
        List<CompletableFuture<ServeProcess>> starting = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return ServeProcess.startIn(null, dir.resolve("serve-" + name + ".log"),
                            List.of("--db", database.url(), "--rules", rules.root.toString()), environment);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<Api> apis = new ArrayList<>();
        for (CompletableFuture<ServeProcess> process : starting) {
            running.add(process.join());
            apis.add(new Api(process.join().uri()).as(STAFF));
        }
        return apis;
    }

    private static String evaluate(Api api, String unit) {
        Api.Answer answer = api.post("/api/v1/evaluations", Requests.request(Requests.commune(unit, "UBND " + unit, 3)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("evaluations").get(0).get("id").asText();
    }

    @Test
    void started_together_they_migrate_once_share_evaluations_and_rule_set_versions_and_a_kill_loses_nothing() throws Exception {
        List<Api> instances = startTwo();
        Api a = instances.get(0);
        Api b = instances.get(1);
        DatabaseAddress.Postgres address = database.address();
        try (Connection sql = DriverManager.getConnection(address.jdbcUrl(), address.user(), TestPostgres.PASSWORD)) {
            MigrationFoldersTest.assertEachAppliedOnce(sql, "postgresql");
        }

        List<String> acknowledgedByA = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = evaluate(a, "xa-a-" + i);
            acknowledgedByA.add(id);
            assertThat(b.get("/api/v1/evaluations/" + id).status()).as("read back from the other at once").isEqualTo(200);
            String fromB = evaluate(b, "xa-b-" + i);
            assertThat(a.get("/api/v1/evaluations/" + fromB).status()).isEqualTo(200);
        }
        assertThat(b.get(CAMPAIGN + "/ranking").json().get("units")).hasSize(20);

        // the same rule-set versions: a reload through one is live on the other, a refused edit serves on neither
        String original = a.get(CAMPAIGN).json().get("ruleSetVersion").asText();
        assertThat(b.get(CAMPAIGN).json().get("ruleSetVersion").asText()).isEqualTo(original);

        rules.editMetMessage(" — bản sửa của tỉnh");
        Api.Answer reload = a.post(CAMPAIGN + "/reload", "");
        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        String published = reload.json().get("ruleSetVersion").asText();
        assertThat(published).isNotEqualTo(original);

        JsonNode onB = RulesFolder.poll(() -> b.get(CAMPAIGN).json(), c -> c.get("ruleSetVersion").asText().equals(published),
                Duration.ofSeconds(60), "the published version to go live on the other instance");
        assertThat(onB.has("refusedEdit")).isFalse();
        assertThat(b.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-b", "UBND xã B", 5)))
                .json().get("ruleSetVersion").asText()).isEqualTo(published);
        assertThat(b.get("/api/v1/rulesets/" + published).status()).as("the version is kept once, for both").isEqualTo(200);

        // a broken edit: refused by the instance asked, and by the other, which keeps the published version
        rules.write(Requests.CAMPAIGN, RulesFolder.SATISFACTION, rules.read(RulesFolder.SATISFACTION).replace("\nend", "\n"));
        assertThat(a.post(CAMPAIGN + "/reload", "").status()).isEqualTo(422);
        JsonNode refusedOnB = RulesFolder.poll(() -> b.get(CAMPAIGN).json(), c -> c.has("refusedEdit"),
                Duration.ofSeconds(60), "the other instance to refuse the broken edit");
        assertThat(refusedOnB.get("ruleSetVersion").asText()).isEqualTo(published);
        for (Api instance : instances) {
            assertThat(instance.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-c", "UBND xã C", 5)))
                    .json().get("ruleSetVersion").asText()).isEqualTo(published);
        }

        assertThat(running.get(0).kill()).as("killed by SIGKILL").isEqualTo(137);
        for (String id : acknowledgedByA) {
            assertThat(b.get("/api/v1/evaluations/" + id).status()).as(id).isEqualTo(200);
        }
        evaluate(b, "xa-sau-khi-a-chet");
    }
}
