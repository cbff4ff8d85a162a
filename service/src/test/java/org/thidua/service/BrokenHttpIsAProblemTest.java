package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thidua.service.store.SqliteEvaluationStore;

/**
 * Requests Jetty refuses before they reach a route, and bodies that break while they are read, are answered like every
 * other error: problem+json in UTF-8 with the right 4xx, never Jetty's HTML page and never a 5xx. Sent over a raw
 * socket, so that the bytes are exactly the broken ones.
 */
class BrokenHttpIsAProblemTest {
    private static final String VALID = Requests.request(Requests.commune("xa-mot", "UBND xã Một", 5));

    @TempDir
    static Path dir;
    static RunningService running;

    @BeforeAll
    static void start() {
        running = RunningService.start(dir.resolve("thidua.db"));
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    static Stream<Arguments> brokenRequests() {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("NUL in the path", get("/api/v1/evaluations/%00"), false, 400),
                Arguments.of("..;/ in the path", get("/api/v1/..;/health"), false, 400),
                Arguments.of("a percent sign that encodes nothing", get("/api/v1/evaluations/%zz"), false, 400),
                Arguments.of("invalid UTF-8 in the path", get("/api/v1/evaluations/%ff%fe"), false, 400),
                Arguments.of("a backslash in the path", get("/api/v1\\..\\health"), false, 400),
                Arguments.of("encoded dots", get("/api/v1/%2e%2e/%2e%2e/health"), false, 400),
                Arguments.of("an encoded slash", get("/api/v1/evaluations/a%2Fb"), false, 400),
                Arguments.of("an empty segment", get("/api/v1//evaluations/abc"), false, 400),
                Arguments.of("a UTF-16 escape", get("/reports/thach-that-cchc-2021%u002e"), false, 400),
                Arguments.of("an overlong UTF-8 slash", get("/api/v1/evaluations/%c0%af"), false, 400),
                Arguments.of("a negative Content-Length", post("Content-Length: -5\r\n", "{}"), false, 400),
                Arguments.of("a Content-Length that is no number", post("Content-Length: abc\r\n", "{}"), false, 400),
                Arguments.of("two Content-Lengths", post("Content-Length: 2\r\nContent-Length: 3\r\n", "{}"), false, 400),
                Arguments.of("a chunk size that is no number",
                        post("Transfer-Encoding: chunked\r\n", "ZZ\r\n" + VALID + "\r\n0\r\n\r\n"), false, 400),
                Arguments.of("a client that closes mid-body",
                        post("Content-Length: " + (valid.length + 1000) + "\r\n", VALID), true, 400),
                Arguments.of("a header line with a space in its name",
                        ("GET /health HTTP/1.1\r\nHost: t\r\nBad Header: y\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8),
                        false, 400),
                Arguments.of("no Host header", "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.UTF_8), false,
                        400),
                Arguments.of("an unknown HTTP version", "GET /health HTTP/7.0\r\n\r\n".getBytes(StandardCharsets.UTF_8), false, 400),
                Arguments.of("HTTP/0.9", "GET /\r\n\r\n".getBytes(StandardCharsets.UTF_8), false, 400),
                Arguments.of("bytes that are no HTTP", new byte[] {0, 1, 2, 'x', '\r', '\n', '\r', '\n'}, false, 400),
                Arguments.of("headers over the limit", ("GET /health HTTP/1.1\r\nHost: t\r\nX-Big: " + "a".repeat(70_000)
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8), false, 431),
                Arguments.of("a URI over the limit", get("/health?" + "a".repeat(70_000)), false, 414),
                Arguments.of("a method no route has", method("BREW", "/health"), false, 405),
                Arguments.of("DELETE on the evaluations", method("DELETE", "/api/v1/evaluations"), false, 405),
                Arguments.of("TRACE", method("TRACE", "/health"), false, 405),
                Arguments.of("an unknown path", get("/nope"), false, 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRequests")
    void is_answered_with_a_problem_in_utf8_and_the_right_status(String what, byte[] request, boolean closeAfter, int status) {
        RawHttp.Answer answer = RawHttp.send(running.service.port(), request, closeAfter);

        assertThat(answer.status()).as(what + ": " + answer).isEqualTo(status);
        assertThat(answer.isProblem()).as(what + ": " + answer).isTrue();
        assertThat(answer.text()).doesNotContain("<html", "Jetty", "Exception");
    }

    @Test
    void a_body_that_breaks_while_read_stores_nothing_and_the_next_request_is_served() {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        RawHttp.send(running.service.port(), post("Content-Length: " + (valid.length + 10) + "\r\n", VALID), true);
        RawHttp.send(running.service.port(), post("Transfer-Encoding: chunked\r\n",
                Integer.toHexString(valid.length) + "\r\n" + VALID + "\r\nZZ\r\n"), false);

        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(running.db)) {
            assertThat(store.isEmpty()).isTrue();
        }
        RawHttp.Answer fine = RawHttp.send(running.service.port(), post("Content-Length: " + valid.length + "\r\n", VALID), false);
        assertThat(fine.status()).as(fine.toString()).isEqualTo(200);
    }

    @Test
    void head_of_an_unknown_path_is_a_404_problem_without_a_body() {
        RawHttp.Answer answer = RawHttp.send(running.service.port(), method("HEAD", "/nope"), false);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).isEmpty();
    }

    private static byte[] get(String path) {
        return method("GET", path);
    }

    private static byte[] method(String method, String path) {
        return (method + " " + path + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] post(String headers, String body) {
        return ("POST /api/v1/evaluations HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nConnection: close\r\n" + headers
                + "\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }
}
