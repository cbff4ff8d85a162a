package org.thidua.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationRequest;
import org.thidua.core.EvaluationResult;
import org.thidua.core.RuleLibrary;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The in-process cost of each stage the service runs for an evaluation request, per unit, on one thread: reading and
 * checking the request ({@code RuleLibrary.read}), evaluating it, writing each evaluation as JSON. Beside the server's
 * CPU per request (benchmarks/load/run.sh) it says how much of that the library's own work explains:
 * <pre>java -cp benchmarks/target/benchmarks.jar org.thidua.bench.RequestFile 1000 batch.json
 * java -cp benchmarks/target/benchmarks.jar org.thidua.bench.RequestStages batch.json [ROUNDS]</pre>
 * Prints one line per round of 50 requests; the first rounds include the JIT's warm-up.
 */
public final class RequestStages {
    private static final int REQUESTS_PER_ROUND = 50;

    private RequestStages() {
    }

    public static void main(String[] args) throws IOException {
        byte[] body = Files.readAllBytes(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        RuleLibrary library = RuleLibrary.bundled();
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        long sink = 0;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            EvaluationRequest request = null;
            int units = 0;
            for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
                request = library.read(new ByteArrayInputStream(body), null);
                units += request.reports().size();
            }
            long read = System.nanoTime();
            EvaluationResult result = null;
            for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
                result = request.evaluate();
            }
            long evaluated = System.nanoTime();
            for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
                for (Evaluation evaluation : result.evaluations()) {
                    sink += json.writeValueAsString(evaluation).length();
                }
            }
            long written = System.nanoTime();
            System.out.printf("round %2d: read %.1f µs/unit, evaluate %.1f µs/unit, result JSON %.1f µs/unit%n", round,
                    (read - start) / 1e3 / units, (evaluated - read) / 1e3 / units, (written - evaluated) / 1e3 / units);
        }
        System.out.println("(" + sink + " characters of JSON written)");
    }
}
