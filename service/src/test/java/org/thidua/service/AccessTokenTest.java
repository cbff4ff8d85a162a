package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.http.AccessControl;
import org.thidua.service.http.AccessTokens;
import org.thidua.service.http.EvaluationService;
import org.thidua.service.http.ProblemResponses;
import org.thidua.service.http.Role;

import io.javalin.Javalin;

/** API tokens with roles: 401 without a known token, 403 without the role; no tokens only on loopback. */
class AccessTokenTest {
    static final String READER = "reader-secret-token";
    static final String EVALUATOR = "evaluator-secret-token";

    @TempDir
    Path dir;
    RunningService running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    private static String line(String name, String token, String roles) {
        return name + " = " + HexFormat.of().formatHex(AccessTokens.sha256(token)) + " " + roles;
    }

    private Api startWithTokens() {
        AccessTokens tokens = AccessTokens.parse(line("phong-noi-vu", EVALUATOR, "read,evaluate") + "\n"
                + line("lanh-dao", READER, "read"), "test");
        running = RunningService.start(dir.resolve("thidua.db"),
                new EvaluationService.Settings("127.0.0.1", 0, EvaluationService.DEFAULT_MAX_BODY, tokens));
        return running.api;
    }

    @Test
    void with_tokens_configured_a_request_without_one_is_401_with_a_bearer_challenge() {
        Api.Answer answer = startWithTokens().get("/api/v1/campaigns");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void an_unknown_token_is_401() {
        Api api = startWithTokens();

        assertThat(api.as("guessed").get("/api/v1/campaigns").status()).isEqualTo(401);
        assertThat(api.as(READER + "x").get("/api/v1/campaigns").status()).isEqualTo(401);
    }

    @Test
    void a_token_without_the_role_is_403() {
        Api.Answer answer = startWithTokens().as(READER)
                .post("/api/v1/evaluations", Requests.request(Requests.commune("xa-mot", "UBND xã Một", 5)));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("detail").asText()).contains("lanh-dao", "evaluate");
    }

    @Test
    void a_token_with_the_role_is_served_and_its_name_is_stored_as_the_caller() {
        Api api = startWithTokens();

        Api.Answer posted = api.as(EVALUATOR).post("/api/v1/evaluations", Requests.request(Requests.commune("xa-mot", "UBND xã Một", 5)));
        String id = posted.json().get("evaluations").get(0).get("id").asText();
        Api.Answer read = api.as(READER).get("/api/v1/evaluations/" + id);

        assertThat(posted.status()).isEqualTo(200);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("caller").asText()).isEqualTo("phong-noi-vu");
    }

    @Test
    void health_and_the_openapi_document_need_no_token() {
        Api api = startWithTokens();

        assertThat(api.get("/health").status()).isEqualTo(200);
        assertThat(api.get("/openapi.json").status()).isEqualTo(200);
    }

    @Test
    void without_tokens_on_loopback_reading_and_evaluating_are_open_but_the_rules_role_is_closed() {
        AccessControl access = new AccessControl(AccessTokens.none());
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.beforeMatched(access::authorize);
            cfg.routes.get("/rules", ctx -> ctx.result("changed"), Role.RULES);
            cfg.routes.get("/read", ctx -> ctx.result(AccessControl.caller(ctx).name()), Role.READ);
            ProblemResponses.register(cfg.routes);
        }).start("127.0.0.1", 0);
        try {
            Api api = new Api(java.net.URI.create("http://127.0.0.1:" + app.port()));
            var rules = send(api, "/rules");
            var read = send(api, "/read");

            assertThat(rules.statusCode()).isEqualTo(403);
            assertThat(rules.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo("anonymous@loopback");
        } finally {
            app.stop();
        }
    }

    private static java.net.http.HttpResponse<String> send(Api api, String path) {
        try {
            return Api.CLIENT.send(api.request(path).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_service_refuses_to_listen_beyond_loopback_without_tokens_and_says_why() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Main.run(new String[] {"serve", "--host", "0.0.0.0", "--port", "0", "--db", dir.resolve("x.db").toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("0.0.0.0", "token", "--tokens");
        assertThat(dir.resolve("x.db")).doesNotExist();
    }

    @Test
    void a_tokens_file_with_a_plain_token_or_an_unknown_role_is_refused_naming_the_entry() throws Exception {
        Path file = dir.resolve("tokens.properties");
        Files.writeString(file, "so-noi-vu = my-plain-secret read\n" + line("ubnd", "t", "read,admin") + "\n");

        assertThatThrownBy(() -> AccessTokens.read(file))
                .hasMessageContaining("so-noi-vu").hasMessageContaining("SHA-256")
                .hasMessageContaining("ubnd").hasMessageContaining("admin");
    }

    @Test
    void thidua_token_prints_a_token_and_a_line_that_accepts_it() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = Main.run(new String[] {"token", "phong-noi-vu", "--roles", "read,evaluate"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
        String token = lines[1].replace("#", "").trim();
        String entry = lines[3];
        AccessTokens tokens = AccessTokens.parse(entry, "printed");
        assertThat(entry).doesNotContain(token);
        assertThat(tokens.authenticate(token)).hasValueSatisfying(caller -> {
            assertThat(caller.name()).isEqualTo("phong-noi-vu");
            assertThat(caller.roles()).containsExactlyInAnyOrder(Role.READ, Role.EVALUATE);
        });
    }

    @Test
    void a_unit_token_names_its_units_and_a_unit_role_without_them_is_refused() {
        AccessTokens tokens = AccessTokens.parse(line("xa-huong-ngai", "u", "unit:xa-huong-ngai,unit:xa-tien-xuan"), "test");
        assertThat(tokens.authenticate("u")).hasValueSatisfying(caller -> {
            assertThat(caller.roles()).containsExactly(Role.UNIT);
            assertThat(caller.units()).containsExactlyInAnyOrder("xa-huong-ngai", "xa-tien-xuan");
        });
        assertThatThrownBy(() -> AccessTokens.parse(line("xa", "u", "unit") + "\n" + line("xb", "v", "unit:Xa Lớn"), "test"))
                .hasMessageContaining("xa: quyền unit cần mã đơn vị").hasMessageContaining("xb: 'unit:Xa'");
    }

    @Test
    void thidua_token_units_prints_a_unit_token_with_no_other_role() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = Main.run(new String[] {"token", "xa-huong-ngai", "--units", "xa-huong-ngai"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
        assertThat(lines[3]).endsWith(" unit:xa-huong-ngai");
        assertThat(AccessTokens.parse(lines[3], "printed").authenticate(lines[1].replace("#", "").trim()))
                .hasValueSatisfying(caller -> assertThat(caller.units()).containsExactly("xa-huong-ngai"));
    }
}
