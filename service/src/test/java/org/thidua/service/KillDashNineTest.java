package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as an operator runs it, {@code thidua serve}, in its own JVM: evaluations it acknowledged are still
 * there after it is killed with SIGKILL, with no chance to shut down.
 */
class KillDashNineTest {
    static final int ACKNOWLEDGED = 20;
    private static final Pattern SERVING = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    @Test
    void every_acknowledged_evaluation_survives_kill_dash_nine() throws Exception {
        Path db = dir.resolve("thidua.db");
        Path seed = Path.of(KillDashNineTest.class.getClassLoader().getResource("requests/seed-two-communes.json").toURI());
        List<String> ids = new ArrayList<>();

        Process first = serve(db, "--seed", seed.toString());
        try {
            Api api = new Api(awaitUri(first));
            assertThat(api.get("/api/v1/units/xa-binh-yen/evaluations").json().get("evaluations").get(0)
                    .get("unitName").asText()).isEqualTo("UBND xã Bình Yên");
            for (int i = 0; i < ACKNOWLEDGED; i++) {
                Api.Answer answer = api.post("/api/v1/evaluations",
                        Requests.request(Requests.commune("xa-chang-son-" + i, "UBND xã Chàng Sơn " + i, i % 6)));
                assertThat(answer.status()).isEqualTo(200);
                ids.add(answer.json().get("evaluations").get(0).get("id").asText());
            }
        } finally {
            first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs, nothing is flushed by the service
            first.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(first.exitValue()).isEqualTo(137);

        Process second = serve(db, "--seed", seed.toString());
        try {
            Api api = new Api(awaitUri(second));
            for (String id : ids) {
                assertThat(api.get("/api/v1/evaluations/" + id).status()).as(id).isEqualTo(200);
            }
            // The seed went into the empty database only: a restart does not store it again.
            assertThat(api.get("/api/v1/units/xa-binh-yen/evaluations").json().get("total").asLong()).isEqualTo(1);
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process serve(Path db, String... more) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dfile.encoding=UTF-8", "-cp", classPath, Main.class.getName(),
                "serve", "--port", "0", "--db", db.toString()));
        command.addAll(List.of(more));
        return new ProcessBuilder(command)
                .redirectError(dir.resolve("serve-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    /** Reads the process's output until it prints where it serves. */
    private static URI awaitUri(Process process) throws Exception {
        CompletableFuture<URI> uri = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher matcher = SERVING.matcher(line);
                    if (matcher.find() && !uri.isDone()) {
                        uri.complete(new URI(matcher.group(1)));
                    }
                }
                uri.completeExceptionally(new IllegalStateException("thidua serve ended without serving"));
            } catch (IOException | URISyntaxException e) {
                uri.completeExceptionally(e);
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        return uri.get(90, TimeUnit.SECONDS);
    }
}
