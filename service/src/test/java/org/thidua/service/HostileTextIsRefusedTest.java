package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.thidua.service.store.SqliteEvaluationStore;

/**
 * Text no one should store is refused before anything is evaluated or stored: a lone surrogate anywhere, a unit or
 * member id outside {@code [a-z0-9-]{1,64}}, a name too long or with control or bidi-override characters, and JSON
 * followed by more.
 */
class HostileTextIsRefusedTest extends ServiceTest {
    @Test
    void a_lone_surrogate_in_a_name_is_422_at_its_path_and_nothing_is_stored() {
        Api.Answer answer = api.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-mot", "X\\ud800y", 5)));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(paths(answer)).containsExactly("reports[0].unit.name");
        assertThat(storeIsEmpty()).isTrue();
    }

    @Test
    void a_lone_surrogate_in_an_indicator_name_is_refused_too() {
        Api.Answer answer = api.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-mot", "UBND xã Một", 5)
                .replace("digitizedShare", "digitized\\udc00Share")));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(paths(answer)).containsExactly("reports[0].indicators");
        assertThat(storeIsEmpty()).isTrue();
    }

    @Test
    void ids_outside_the_pattern_are_422_at_their_paths() {
        Api.Answer answer = api.post("/api/v1/evaluations", Requests.request(
                Requests.commune("../../etc/passwd", "UBND xã Một", 5),
                Requests.commune("xa-hai\\n", "UBND xã Hai", 5),
                Requests.commune("Xa-Ba", "UBND xã Ba", 5),
                Requests.commune("x".repeat(65), "UBND xã Bốn", 5),
                Requests.commune("x".repeat(64), "UBND xã Năm", 5)));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(paths(answer)).containsExactly("reports[0].unit.id", "reports[1].unit.id", "reports[2].unit.id",
                "reports[3].unit.id");
        assertThat(answer.json().get("problems").get(0).get("message").asText()).contains("[a-z0-9-]{1,64}");
        assertThat(storeIsEmpty()).isTrue();
    }

    @Test
    void names_with_control_or_bidi_characters_or_too_long_are_422_at_their_paths() {
        Api.Answer answer = api.post("/api/v1/evaluations", Requests.request(
                Requests.commune("xa-mot", "UBND \\u0000 xã Một", 5),
                Requests.commune("xa-hai", "UBND \\u001b[31m xã Hai", 5),
                Requests.commune("xa-ba", "UBND \\u202e xã Ba", 5),
                Requests.commune("xa-bon", "UBND \\u2066 xã Bốn\\u0085", 5),
                Requests.commune("xa-nam", "x".repeat(201), 5),
                Requests.commune("xa-sau", "Xã Sáu ".repeat(28), 5)));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(paths(answer)).containsExactly("reports[0].unit.name", "reports[1].unit.name", "reports[2].unit.name",
                "reports[3].unit.name", "reports[4].unit.name");
        assertThat(storeIsEmpty()).isTrue();
    }

    @Test
    void a_member_id_follows_the_same_pattern() {
        String member = """
                , "members": [{"id": "CB 01", "name": "Nguyễn Văn \\u202eA", "role": "FRONTLINE"}]}""";
        String report = Requests.commune("xa-mot", "UBND xã Một", 5);
        Api.Answer answer = api.post("/api/v1/evaluations",
                Requests.request(report.substring(0, report.length() - 1) + member));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(paths(answer)).containsExactly("reports[0].members[0].id", "reports[0].members[0].name");
    }

    @Test
    void json_followed_by_more_is_400_malformed_and_nothing_is_stored() {
        String request = Requests.request(Requests.commune("xa-mot", "UBND xã Một", 5));

        Api.Answer braces = api.post("/api/v1/evaluations", request + "}}}");
        Api.Answer words = api.post("/api/v1/evaluations", request + " trailing words");
        Api.Answer second = api.post("/api/v1/evaluations", request + request);

        for (Api.Answer answer : List.of(braces, words, second)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("type").asText()).isEqualTo("urn:thidua:problem:malformed-json");
        }
        assertThat(storeIsEmpty()).isTrue();
        assertThat(api.post("/api/v1/evaluations", request + "\n  ").status()).isEqualTo(200);
    }

    @Test
    void thidua_eval_refuses_json_followed_by_more_with_exit_2() throws Exception {
        Path input = dir.resolve("request.json");
        Files.writeString(input, Requests.request(Requests.commune("xa-mot", "UBND xã Một", 5)) + "}}}");

        CommandLineRun run = CommandLineRun.of("eval", "--input", input.toString());

        assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("malformed JSON");
    }

    private boolean storeIsEmpty() {
        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(running.db)) {
            return store.isEmpty();
        }
    }

    private static List<String> paths(Api.Answer answer) {
        List<String> paths = new ArrayList<>();
        answer.json().get("problems").forEach(p -> paths.add(p.get("path").asText()));
        return paths;
    }
}
