import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reliability of {@code thidua serve} as an operator runs it (the built jar, a real SQLite file), in two parts:
 *
 * <ol>
 *   <li><b>kill -9</b>: CYCLES times, start the server, post evaluations from THREADS clients for CYCLE_SECONDS, and
 *       kill the process with SIGKILL in the middle of the traffic. Then start it once more on the same file and ask
 *       for every evaluation an answer acknowledged (200 with its id): any missing one is <i>lost</i>.</li>
 *   <li><b>soak</b>: SOAK_SECONDS of mixed traffic from THREADS clients (posts, history, ranking, the HTML report,
 *       malformed and refused requests), counting every answer; then every acknowledged evaluation is asked for.</li>
 * </ol>
 *
 * <pre>
 * java benchmarks/reliability/Reliability.java [JAR [CYCLES [CYCLE_SECONDS [SOAK_SECONDS [THREADS]]]]]
 * </pre>
 * Defaults: service/target/thidua.jar, 5 cycles of 20 s, a soak of 180 s, 4 client threads. Prints a Markdown table.
 * No dependency: a single-file program for {@code java} 17.
 */
public class Reliability {
    private static final Pattern SERVING = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern EVALUATION_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final String CAMPAIGN = "thach-that-cchc-2021";
    private static final int UNIT_POOL = 1000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "service/target/thidua.jar").toAbsolutePath();
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int cycleSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int soakSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 180;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        if (!Files.isRegularFile(jar)) {
            System.err.println("No " + jar + ": build it first (mvn -B -q package -DskipTests)");
            System.exit(2);
        }
        Path dir = Files.createTempDirectory("thidua-reliability-");
        System.out.println("jar " + jar + ", work folder " + dir + ", load average at start " + loadAverage());

        Tally kills = new Tally();
        Path killDb = dir.resolve("kill.db");
        for (int cycle = 1; cycle <= cycles; cycle++) {
            Server server = Server.start(jar, killDb, dir.resolve("kill-" + cycle + ".log"));
            Traffic traffic = Traffic.start(server.uri, threads, kills, false);
            Thread.sleep(cycleSeconds * 1000L);
            int exit = server.kill();
            traffic.stop();
            System.out.printf(Locale.ROOT, "kill -9 cycle %d: exit %d, %d requests, %d acknowledged so far%n", cycle, exit,
                    kills.requests.get(), kills.acknowledged.size());
        }
        long killLost;
        try (Server server = Server.start(jar, killDb, dir.resolve("kill-after.log"))) {
            killLost = lost(server.uri, kills.acknowledged);
        }

        Tally soak = new Tally();
        long rssStart;
        long rssEnd;
        long soakLost;
        String loadDuringSoak;
        try (Server server = Server.start(jar, dir.resolve("soak.db"), dir.resolve("soak.log"))) {
            rssStart = server.rssKib();
            Traffic traffic = Traffic.start(server.uri, threads, soak, true);
            Thread.sleep(soakSeconds * 1000L);
            traffic.stop();
            loadDuringSoak = loadAverage();
            rssEnd = server.rssKib();
            soakLost = lost(server.uri, soak.acknowledged);
        }

        System.out.println();
        System.out.println("| part | requests | acknowledged evaluations | lost | unexpected answers | transport errors |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        System.out.printf(Locale.ROOT, "| kill -9, %d cycles of %d s, %d clients | %,d | %,d | %d | %d | %d (at the kills) |%n", cycles,
                cycleSeconds, threads, kills.requests.get(), kills.acknowledged.size(), killLost, kills.unexpected.get(), kills.transport.get());
        System.out.printf(Locale.ROOT, "| soak, %d s of mixed traffic, %d clients | %,d | %,d | %d | %d | %d |%n", soakSeconds, threads,
                soak.requests.get(), soak.acknowledged.size(), soakLost, soak.unexpected.get(), soak.transport.get());
        System.out.println();
        System.out.println("soak answers by status: " + soak.byStatus + "; server RSS " + rssStart / 1024 + " MiB at start, "
                + rssEnd / 1024 + " MiB at end; load average at the end of the soak " + loadDuringSoak);
        if (!soak.firstUnexpected.isEmpty() || !kills.firstUnexpected.isEmpty()) {
            System.out.println("first unexpected answers: " + kills.firstUnexpected + " " + soak.firstUnexpected);
        }
        System.exit(killLost == 0 && soakLost == 0 && soak.unexpected.get() == 0 && soak.transport.get() == 0 ? 0 : 1);
    }

    /** Asks for every acknowledged evaluation; returns how many are missing. */
    private static long lost(URI uri, Set<String> ids) throws Exception {
        long missing = 0;
        for (String id : ids) {
            HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(uri.resolve("/api/v1/evaluations/" + id)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                missing++;
            }
        }
        return missing;
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " / " + parts[1] + " / " + parts[2];
    }

    /** What the clients sent and what came back. */
    static final class Tally {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong unexpected = new AtomicLong();
        final AtomicLong transport = new AtomicLong();
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        final List<String> firstUnexpected = java.util.Collections.synchronizedList(new ArrayList<>());

        void unexpected(String what) {
            unexpected.incrementAndGet();
            if (firstUnexpected.size() < 5) {
                firstUnexpected.add(what);
            }
        }
    }

    /** Client threads sending until stopped: only posts, or the soak's mix. */
    static final class Traffic {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        static Traffic start(URI uri, int count, Tally tally, boolean mixed) {
            Traffic traffic = new Traffic();
            for (int i = 0; i < count; i++) {
                Thread thread = new Thread(() -> traffic.run(uri, tally, mixed), "client-" + i);
                traffic.threads.add(thread);
                thread.start();
            }
            return traffic;
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(60_000);
            }
        }

        private void run(URI uri, Tally tally, boolean mixed) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (running.get()) {
                int pick = mixed ? random.nextInt(100) : 0;
                int index = random.nextInt(UNIT_POOL);
                String unit = "xa-soak-" + index;
                int other = (index + 1 + random.nextInt(UNIT_POOL - 1)) % UNIT_POOL; // never the same unit twice in a request
                HttpRequest request;
                int expected;
                if (pick < 60) {
                    request = post(uri, body(unit, other));
                    expected = 200;
                } else if (pick < 78) {
                    request = HttpRequest.newBuilder(uri.resolve("/api/v1/units/" + unit + "/evaluations")).build();
                    expected = -1; // 200, or 404 when that unit was not posted yet
                } else if (pick < 86) {
                    request = HttpRequest.newBuilder(uri.resolve("/api/v1/campaigns/" + CAMPAIGN + "/ranking")).build();
                    expected = 200;
                } else if (pick < 88) {
                    request = HttpRequest.newBuilder(uri.resolve("/reports/" + CAMPAIGN)).build();
                    expected = 200;
                } else if (pick < 94) {
                    request = post(uri, "{\"campaign\": \"" + CAMPAIGN + "\", \"reports\": [");
                    expected = 400;
                } else {
                    request = post(uri, body(unit, other).replace("\"surveyed\": 200", "\"surveyed\": -5"));
                    expected = 422;
                }
                tally.requests.incrementAndGet();
                try {
                    HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    int status = answer.statusCode();
                    tally.byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    boolean fine = expected == -1 ? status == 200 || status == 404 : status == expected;
                    if (!fine) {
                        tally.unexpected(request.method() + " " + request.uri().getPath() + " -> " + status);
                    } else if (status == 200 && request.method().equals("POST")) {
                        Matcher id = EVALUATION_ID.matcher(answer.body());
                        while (id.find()) {
                            tally.acknowledged.add(id.group(1));
                        }
                    }
                } catch (IOException e) {
                    tally.transport.incrementAndGet(); // expected only when the server is killed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private static HttpRequest post(URI uri, String body) {
            return HttpRequest.newBuilder(uri.resolve("/api/v1/evaluations")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }

        /** Two communes, their figures varied. */
        private static String body(String unit, int other) {
            return "{\"campaign\": \"" + CAMPAIGN + "\", \"reports\": [" + commune(unit) + ", " + commune("xa-soak-" + other) + "]}";
        }

        private static String commune(String id) {
            int late = ThreadLocalRandom.current().nextInt(3);
            return "{\"unit\": {\"id\": \"" + id + "\", \"name\": \"UBND " + id + "\", \"kind\": \"COMMUNE\"},"
                    + " \"satisfaction\": {\"surveyed\": 200, \"satisfied\": " + (185 + ThreadLocalRandom.current().nextInt(16)) + "},"
                    + " \"dossiers\": {\"early\": 100, \"onTime\": 200, \"late\": " + late + ", \"overdueInProgress\": 0},"
                    + " \"frontlineStaff\": {\"total\": 12, \"trained\": 12}, \"communeOfficials\": {\"total\": 20, \"trainedOnIndices\": 20},"
                    + " \"portalPage\": true}";
        }
    }

    /** {@code java -jar JAR serve --port 0 --db DB}, as an operator starts it. */
    static final class Server implements AutoCloseable {
        final Process process;
        final URI uri;

        private Server(Process process, URI uri) {
            this.process = process;
            this.uri = uri;
        }

        static Server start(Path jar, Path db, Path log) throws Exception {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toString(), "serve", "--port", "0", "--db", db.toString()).redirectError(log.toFile()).start();
            CompletableFuture<URI> uri = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        Matcher serving = SERVING.matcher(line);
                        if (serving.find()) {
                            uri.complete(URI.create(serving.group(1)));
                        }
                    }
                    uri.completeExceptionally(new IllegalStateException("thidua serve ended; its log: " + log));
                } catch (IOException e) {
                    uri.completeExceptionally(e);
                }
            }, "serve-output");
            reader.setDaemon(true);
            reader.start();
            try {
                return new Server(process, uri.get(180, TimeUnit.SECONDS));
            } catch (Exception e) {
                process.destroyForcibly();
                throw e;
            }
        }

        /** SIGKILL: no shutdown hook runs. */
        int kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
            return process.exitValue();
        }

        long rssKib() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return -1;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
