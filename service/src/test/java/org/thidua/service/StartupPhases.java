package org.thidua.service;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.service.http.EvaluationService;
import org.thidua.service.store.SqliteEvaluationStore;

/**
 * Times the phases of a cold {@code thidua serve} in one fresh JVM (not a test; run by hand, numbers in BENCHMARKS.md):
 * JVM start to main, each bundled campaign's compile, the database (SQLite's native library, Flyway), Javalin, and the
 * first evaluation (parsing, rules, storing) in process.
 *
 * <pre>
 * java -cp service/target/thidua.jar:service/target/test-classes org.thidua.service.StartupPhases DIR
 * </pre>
 */
public final class StartupPhases {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        long jvm = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/startup-phases"));
        Files.deleteIfExists(dir.resolve("t.db"));
        print("JVM start to main", jvm);
        long t = System.nanoTime();
        RuleLibrary library = RuleLibrary.bundled();
        t = lap("RuleLibrary.bundled() (all campaigns, as serve does)", t);
        for (RuleSet set : library.ruleSets().values()) {
            RuleSet.load(library.source().resolve(set.campaign().id()));
            t = lap("  again, warm: " + set.campaign().id(), t);
        }
        SqliteEvaluationStore store = SqliteEvaluationStore.open(dir.resolve("t.db"));
        t = lap("SqliteEvaluationStore.open (native library, Flyway, connections)", t);
        EvaluationService service = EvaluationService.start(library, store, EvaluationService.Settings.loopback(0));
        t = lap("EvaluationService.start (Javalin, Jetty)", t);
        String body = "{\"campaign\":\"thach-that-cchc-2021\",\"reports\":[{\"unit\":{\"id\":\"x\",\"name\":\"X\",\"kind\":\"COMMUNE\"},"
                + "\"satisfaction\":{\"surveyed\":200,\"satisfied\":191},\"dossiers\":{\"early\":300,\"onTime\":1215,\"late\":5,"
                + "\"overdueInProgress\":0},\"frontlineStaff\":{\"total\":12,\"trained\":12},"
                + "\"communeOfficials\":{\"total\":20,\"trainedOnIndices\":19},\"portalPage\":true}]}";
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        t = lap("HttpClient", t);
        java.net.http.HttpResponse<String> answer = client.send(java.net.http.HttpRequest.newBuilder(service.uri().resolve("/api/v1/evaluations"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        t = lap("first POST answered (" + answer.statusCode() + ")", t);
        client.send(java.net.http.HttpRequest.newBuilder(service.uri().resolve("/api/v1/evaluations"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        lap("second POST answered", t);
        print("total in main", (System.nanoTime() - t0) / 1_000_000);
        service.close();
    }

    private static long lap(String what, long since) {
        long now = System.nanoTime();
        print(what, (now - since) / 1_000_000);
        return now;
    }

    private static void print(String what, long ms) {
        System.out.printf(Locale.ROOT, "%6d ms  %s%n", ms, what);
    }
}
