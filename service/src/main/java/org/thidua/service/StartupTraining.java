package org.thidua.service;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.thidua.service.cli.ExitCode;

/**
 * The training run of the build's class-data-sharing archive ({@code service/target/thidua.jsa}, made by
 * {@code mvn package} with {@code -XX:ArchiveClassesAtExit}): runs what staff run many times an hour — {@code check},
 * {@code test}, {@code eval} of the bundled campaigns — and a {@code serve} that answers one evaluation and one ranking,
 * so that the archive holds the classes each of them loads. The launcher {@code service/target/thidua} then maps them
 * instead of reading, parsing and verifying them from the jar on every start. Not a command: nothing here is stored
 * outside the temporary folder it makes and deletes.
 *
 * <pre>
 * java -XX:ArchiveClassesAtExit=target/thidua.jsa -cp target/thidua.jar org.thidua.service.StartupTraining REQUEST.json
 * </pre>
 *
 * Exits 0 when every command did what it should, 1 otherwise (the build then fails: a launcher whose commands do not
 * run on the bundled campaigns must not ship).
 */
public final class StartupTraining {
    private static final Pattern SERVING = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: StartupTraining REQUEST.json");
            System.exit(ExitCode.BAD_INPUT);
        }
        Path request = Path.of(args[0]).toAbsolutePath();
        Path folder = Files.createTempDirectory("thidua-training");
        PrintStream console = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream(); // the service's log lines: shown only when something failed
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        boolean ok = false;
        try {
            ok = command("check") && command("test", "--format", "json") && command("test")
                    && command("eval", "--input", request.toString(), "--format", "table")
                    && command("eval", "--input", request.toString())
                    && serve(folder.resolve("training.db"), request);
        } finally {
            if (!ok) { // else the log stays where it is, with the service's last lines as it stops at exit
                System.setErr(console);
                console.println(log.toString(StandardCharsets.UTF_8));
            }
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(ok ? ExitCode.OK : ExitCode.FAILED);
    }

    private static boolean command(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (code != ExitCode.OK) {
            System.err.println("thidua " + String.join(" ", args) + " exited " + code + ":\n" + err.toString(StandardCharsets.UTF_8));
        }
        return code == ExitCode.OK;
    }

    /** {@code serve --port 0} on a new database, one evaluation posted and one ranking read; the JVM's exit stops it. */
    private static boolean serve(Path db, Path request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread server = new Thread(() -> Main.run(new String[] {"serve", "--port", "0", "--db", db.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)),
                "training-serve");
        server.setDaemon(true);
        server.start();
        URI base = null;
        for (long deadline = System.nanoTime() + 180_000_000_000L; base == null && System.nanoTime() < deadline && server.isAlive(); ) {
            Matcher serving = SERVING.matcher(out.toString(StandardCharsets.UTF_8));
            if (serving.find()) {
                base = URI.create(serving.group(1));
            } else {
                Thread.sleep(20);
            }
        }
        if (base == null) {
            System.err.println("thidua serve did not start:\n" + err.toString(StandardCharsets.UTF_8));
            return false;
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/evaluations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofFile(request)).build(),
                HttpResponse.BodyHandlers.ofString());
        String campaign = Json.MAPPER.readTree(request.toFile()).path("campaign").asText("thach-that-cchc-2021");
        HttpResponse<String> ranking = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/campaigns/" + campaign + "/ranking")).build(),
                HttpResponse.BodyHandlers.ofString());
        boolean ok = posted.statusCode() / 100 == 2 && ranking.statusCode() / 100 == 2;
        if (!ok) {
            System.err.println("thidua serve answered " + posted.statusCode() + " and " + ranking.statusCode() + ":\n" + posted.body());
        }
        return ok;
    }
}
