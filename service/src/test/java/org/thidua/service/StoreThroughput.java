package org.thidua.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.sqlite.SQLiteConfig.SynchronousMode;
import org.thidua.service.store.NewRequest;
import org.thidua.service.store.SqliteEvaluationStore;
import org.thidua.service.store.SqliteWriter;
import org.thidua.service.store.StoredRequest;

/**
 * Measures the write designs of the history (not a test; run by hand, numbers in service/README.md):
 * 32 threads each storing requests of 2 evaluations, through
 * <ul>
 * <li>the one writer thread with group commit (what the service uses), synchronous FULL or NORMAL;</li>
 * <li>the one writer committing each request alone (batch 1);</li>
 * <li>a connection per thread, each committing alone, contention left to SQLite's busy timeout.</li>
 * </ul>
 *
 * <pre>
 * mvn -B -q -pl service test-compile
 * java -cp "$(cat service/target/test-classpath.txt)" org.thidua.service.StoreThroughput [DIR] [requests-per-thread]
 * </pre>
 */
public final class StoreThroughput {
    static final int THREADS = 32;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/store-throughput"));
        int each = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        NewRequest request = sample();
        System.out.printf(Locale.ROOT, "%d threads x %d requests of %d evaluations (%d bytes of JSON each)%n", THREADS, each,
                request.evaluations().size(), request.evaluations().get(0).reportJson().length() + request.evaluations().get(0).resultJson().length());
        for (SynchronousMode sync : List.of(SynchronousMode.FULL, SynchronousMode.NORMAL)) {
            for (int batch : new int[] {64, 1}) {
                Path file = fresh(dir, "writer-" + sync + "-" + batch + ".db");
                try (SqliteEvaluationStore store = SqliteEvaluationStore.open(file, new SqliteEvaluationStore.Options(sync, batch))) {
                    run("one writer, batch " + batch + ", synchronous " + sync, each, request, t -> store::save);
                }
            }
            Path file = fresh(dir, "per-thread-" + sync + ".db");
            SqliteEvaluationStore.open(file).close(); // creates and migrates
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            List<SqliteWriter> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                writers.add(new SqliteWriter(SqliteEvaluationStore.connect(url, sync), 1));
            }
            run("connection per thread + busy_timeout, synchronous " + sync, each, request, t -> writers.get(t)::save);
            writers.forEach(SqliteWriter::close);
        }
        // End to end: the same through HTTP, evaluation by the rules included.
        String body = Requests.request(Requests.commune("xa-binh-yen", "UBND xã Bình Yên", 3),
                Requests.commune("xa-tien-xuan", "UBND xã Tiến Xuân", 5));
        try (RunningService running = RunningService.start(fresh(dir, "http.db"))) {
            for (int warm = 0; warm < 200; warm++) {
                running.api.post("/api/v1/evaluations", body);
            }
            run("HTTP POST /api/v1/evaluations (service as built)", each, request, t -> r -> {
                Api.Answer answer = running.api.post("/api/v1/evaluations", body);
                if (answer.status() != 200) {
                    throw new IllegalStateException(answer.body());
                }
                return null;
            });
        }
    }

    private static Path fresh(Path dir, String name) throws Exception {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(dir.resolve(name + suffix));
        }
        return dir.resolve(name);
    }

    private static void run(String design, int each, NewRequest request,
                            Function<Integer, Function<NewRequest, StoredRequest>> saverOf) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long[][] latencies = new long[THREADS][each];
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Function<NewRequest, StoredRequest> save = saverOf.apply(t);
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    long begin = System.nanoTime();
                    save.apply(request);
                    latencies[thread][i] = System.nanoTime() - begin;
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-58s %7.0f requests/s  p50 %6.1f ms  p99 %7.1f ms%n", design,
                all.length / seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
    }

    private static NewRequest sample() {
        var evaluation = RunningService.BUNDLED.read(Requests.request(
                Requests.commune("xa-binh-yen", "UBND xã Bình Yên", 3),
                Requests.commune("xa-tien-xuan", "UBND xã Tiến Xuân", 5))).evaluate();
        List<NewRequest.Unit> units = new ArrayList<>();
        for (var e : evaluation.evaluations()) {
            units.add(new NewRequest.Unit(e.unitId(), e.unitName(), e.kind().name(), Requests.commune(e.unitId(), e.unitName(), 3),
                    Json.write(e), e.score(), 60, 100, e.grade(), e.rank()));
        }
        return new NewRequest(evaluation.campaign(), evaluation.ruleSetVersion(), "benchmark", units);
    }
}
