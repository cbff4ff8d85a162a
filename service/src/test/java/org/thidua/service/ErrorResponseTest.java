package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.http.AccessTokens;
import org.thidua.service.http.EvaluationService;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.NewFigures;
import org.thidua.service.store.NewRequest;
import org.thidua.service.store.Page;
import org.thidua.service.store.RuleSetVersion;
import org.thidua.service.store.SqliteWriter;
import org.thidua.service.store.StoreException;
import org.thidua.service.store.StoredEvaluation;
import org.thidua.service.store.StoredImport;
import org.thidua.service.store.StoredRequest;

import com.fasterxml.jackson.databind.JsonNode;

/** Every error is application/problem+json with the paths of what was refused; a refused request stores nothing. */
class ErrorResponseTest {
    @TempDir
    Path dir;
    RunningService running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    private Api start() {
        running = RunningService.start(dir.resolve("thidua.db"));
        return running.api;
    }

    @Test
    void malformed_json_is_400_with_where_it_breaks() {
        Api.Answer answer = start().post("/api/v1/evaluations", "{\"reports\": [");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:thidua:problem:malformed-json");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/evaluations");
        assertThat(problem.get("problems").get(0).get("path").asText()).isEqualTo("$");
        assertThat(problem.get("detail").asText()).contains("dòng 1");
    }

    @Test
    void values_the_contract_refuses_are_422_naming_every_field_path_and_nothing_is_stored() {
        Api api = start();
        String refused = Requests.request(
                Requests.commune("xa-mot", "UBND xã Một", 5),
                Requests.commune("xa-hai", "UBND xã Hai", 5).replace("\"satisfied\": 191", "\"satisfied\": 201")
                        .replace("\"kind\": \"COMMUNE\"", "\"kind\": \"VILLAGE\""));

        Api.Answer answer = api.post("/api/v1/evaluations", refused);

        assertThat(answer.status()).isEqualTo(422);
        List<String> paths = new ArrayList<>();
        answer.json().get("problems").forEach(p -> paths.add(p.get("path").asText()));
        assertThat(paths).contains("reports[1].unit.kind", "reports[1].satisfaction.satisfied");
        assertThat(api.get("/api/v1/units/xa-mot/evaluations").status()).isEqualTo(404);
        assertThat(running.service).isNotNull();
    }

    @Test
    void an_unknown_campaign_is_422_at_path_campaign() {
        Api.Answer answer = start().post("/api/v1/evaluations",
                Requests.request(Requests.commune("xa-mot", "UBND xã Một", 5)).replace(Requests.CAMPAIGN, "khong-co"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("problems").get(0).get("path").asText()).isEqualTo("campaign");
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        Api api = start();
        Api.Answer form = api.post("/api/v1/evaluations", "reports=1", "application/x-www-form-urlencoded");
        Api.Answer none = api.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-mot", "UBND xã Một", 5)), null);
        Api.Answer latin1 = api.post("/api/v1/evaluations", "{}", "application/json; charset=ISO-8859-1");

        assertThat(form.status()).isEqualTo(415);
        assertThat(form.json().get("problems").get(0).get("path").asText()).isEqualTo("header.Content-Type");
        assertThat(none.status()).isEqualTo(415);
        assertThat(latin1.status()).isEqualTo(415);
    }

    @Test
    void a_body_declared_over_the_limit_is_413_before_any_of_it_is_sent() throws IOException {
        start();
        // A raw request that declares 100 MB and sends none of it: the answer must come without the body.
        try (Socket socket = new Socket("127.0.0.1", running.service.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/evaluations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readHead(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("application/problem+json");
        }
    }

    @Test
    void a_chunked_body_over_the_limit_is_413() {
        running = RunningService.start(dir.resolve("thidua.db"),
                new EvaluationService.Settings("127.0.0.1", 0, 64 * 1024, AccessTokens.none()));
        byte[] big = Requests.request(java.util.Collections.nCopies(400, Requests.commune("xa-mot", "UBND xã Một", 5)))
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = running.api.request("/api/v1/evaluations")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build();

        Api.Answer answer = running.api.send(chunked);

        assertThat(big.length).isGreaterThan(64 * 1024);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("type").asText()).isEqualTo("urn:thidua:problem:content-too-large");
    }

    @Test
    void an_unknown_address_is_a_404_problem() {
        Api.Answer answer = start().get("/api/v1/evaluations/abc/def");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_server_error_is_500_with_an_error_id_that_the_log_also_has_and_no_stack_trace() {
        running = RunningService.start(dir.resolve("thidua.db"), EvaluationService.Settings.loopback(0), FailingStore::new);
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Api.Answer answer;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            answer = running.api.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-mot", "UBND xã Một", 5)));
        } finally {
            System.setErr(original);
        }

        assertThat(answer.status()).isEqualTo(500);
        String errorId = answer.json().get("errorId").asText();
        assertThat(errorId).isNotBlank();
        assertThat(answer.json().get("detail").asText()).contains(errorId);
        assertThat(answer.body()).doesNotContain("disk on fire", "Exception", "at org.", "SqliteWriter");
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains(errorId).contains("disk on fire");
    }

    @Test
    void health_is_503_down_with_an_error_id_when_the_database_does_not_answer() {
        running = RunningService.start(dir.resolve("thidua.db"), EvaluationService.Settings.loopback(0), FailingStore::new);

        Api.Answer answer = running.api.get("/health");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("database").asText()).isEqualTo("DOWN");
        assertThat(answer.json().get("errorId").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("disk on fire");
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** A store whose writes fail as a broken disk would. */
    private record FailingStore(EvaluationStore real) implements EvaluationStore {
        @Override
        public StoredRequest save(NewRequest request) {
            throw new StoreException("disk on fire", new IOException("disk on fire"));
        }

        @Override
        public Optional<StoredEvaluation> find(String evaluationId) {
            return real.find(evaluationId);
        }

        @Override
        public Page<StoredEvaluation> history(String unitId, String campaign, int limit, int offset) {
            return real.history(unitId, campaign, limit, offset);
        }

        @Override
        public org.thidua.service.store.CursorPage<StoredEvaluation> historyAfter(String unitId, String campaign, String after, int limit) {
            return real.historyAfter(unitId, campaign, after, limit);
        }

        @Override
        public List<StoredEvaluation> latestPerUnit(String campaign) {
            return real.latestPerUnit(campaign);
        }

        @Override
        public List<StoredEvaluation> latestStandings(String campaign) {
            return real.latestStandings(campaign);
        }

        @Override
        public List<StoredEvaluation> evaluations(List<String> evaluationIds) {
            return real.evaluations(evaluationIds);
        }

        @Override
        public RuleSetVersion recordRuleSet(org.thidua.core.RuleSet ruleSet) {
            return real.recordRuleSet(ruleSet);
        }

        @Override
        public Optional<RuleSetVersion> ruleSet(String version) {
            return real.ruleSet(version);
        }

        @Override
        public StoredImport saveFigures(NewFigures figures) {
            throw new StoreException("disk on fire", new IOException("disk on fire"));
        }

        @Override
        public List<org.thidua.service.imports.ImportedUnit> figures(String measure, org.thidua.service.imports.Period period) {
            return real.figures(measure, period);
        }

        @Override
        public boolean isEmpty() {
            return real.isEmpty();
        }

        @Override
        public void check() {
            throw new StoreException("disk on fire", new IOException("disk on fire"));
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
