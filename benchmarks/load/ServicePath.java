import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.thidua.core.EvaluationResult;
import org.thidua.core.RuleLibrary;
import org.thidua.core.json.ContractV1;
import org.thidua.service.Json;
import org.thidua.service.evaluate.EvaluateAndStore;
import org.thidua.service.store.SqliteEvaluationStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the server's CPU per unit is made of, without HTTP: the process's CPU time (every thread: request threads, the
 * library's helpers, the SQLite writer, JIT and GC, as {@code benchmarks/load/run.sh} counts the server's) per unit for
 * the same 1,000-unit request, sent by as many threads as wrk's clients, in two steps:
 * <ol>
 * <li>the library alone: parse the body, read and check it, evaluate (nothing written);</li>
 * <li>the same, then each unit's result and report written as JSON and encoded in UTF-8, as the use case writes them
 * for the answer and the rows (nothing stored);</li>
 * <li>the service's use case {@code EvaluateAndStore.json}: the same, then the answer put together and the rows stored
 * in a real SQLite file (WAL, fsync before the answer), as {@code POST} does.</li>
 * </ol>
 * Step 3 less step 2 is the store; the server's CPU per unit less step 3 is HTTP (Jetty, Javalin, the body read and the
 * answer sent). From the
 * repository root, after {@code mvn -B -q package -DskipTests}:
 * <pre>java -cp benchmarks/target/benchmarks.jar org.thidua.bench.RequestFile 1000 batch.json
 * java -cp service/target/thidua.jar benchmarks/load/ServicePath.java batch.json [ROUNDS [THREADS]]</pre>
 * Each round is 40 requests per step; the first rounds include the JIT's warm-up.
 */
public class ServicePath {
    private static final int REQUESTS_PER_ROUND = 40;

    interface Step {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        byte[] body = Files.readAllBytes(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        RuleLibrary library = RuleLibrary.bundled();
        int units = ContractV1.parse(new ByteArrayInputStream(body)).get("reports").size();
        Path folder = Files.createTempDirectory("thidua-service-path-");
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(folder.resolve("thidua.db"))) {
            Step libraryAlone = () -> ContractV1.read(library, ContractV1.parse(new ByteArrayInputStream(body)), null).evaluate();
            Step withJson = () -> {
                JsonNode request = ContractV1.parse(new ByteArrayInputStream(body));
                EvaluationResult result = ContractV1.read(library, request, null).evaluate();
                JsonNode reports = request.get("reports");
                for (int i = 0; i < result.evaluations().size(); i++) {
                    Json.MAPPER.writeValueAsString(result.evaluations().get(i)).getBytes(StandardCharsets.UTF_8);
                    Json.MAPPER.writeValueAsString(reports.get(i)).getBytes(StandardCharsets.UTF_8);
                }
            };
            Step useCase = () -> EvaluateAndStore.json(library, store, body, null, "bench");
            for (int round = 1; round <= rounds; round++) {
                double alone = cpuPerUnit(clients, threads, units, libraryAlone);
                double json = cpuPerUnit(clients, threads, units, withJson);
                double whole = cpuPerUnit(clients, threads, units, useCase);
                System.out.printf("round %d: library alone %.1f µs CPU/unit, with each result and report as JSON %.1f,"
                        + " EvaluateAndStore (answer + SQLite) %.1f; so JSON %.1f, answer and store %.1f; load average %s%n",
                        round, alone, json, whole, json - alone, whole - json,
                        Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            }
        } finally {
            clients.shutdownNow();
            try (var files = Files.list(folder)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }

    /** The process's CPU time per unit while {@code threads} threads run the step {@value #REQUESTS_PER_ROUND} times in all. */
    private static double cpuPerUnit(ExecutorService clients, int threads, int units, Step step) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long before = os.getProcessCpuTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = REQUESTS_PER_ROUND / threads + (t < REQUESTS_PER_ROUND % threads ? 1 : 0);
            running.add(clients.submit(() -> {
                for (int i = 0; i < share; i++) {
                    step.run();
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        return (os.getProcessCpuTime() - before) / 1e3 / ((long) REQUESTS_PER_ROUND * units);
    }
}
