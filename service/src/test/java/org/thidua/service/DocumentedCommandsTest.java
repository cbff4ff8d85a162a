package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The documents' commands, run as a new user runs them from the root of a fresh clone: every {@code thidua} command
 * ({@code java -jar service/target/thidua.jar …}, run in this JVM with its file arguments in the clone), every
 * {@code thidua serve} (a real process in the clone; on a free port instead of 7070, which the {@code curl} lines are
 * pointed at) and every {@code curl} line
 * (sent as the HTTP request it makes). Each must succeed — exit 0, or a 2xx answer — so an example that names a
 * missing file, a made-up id or a wrong file name fails the build. {@code mvn} lines are the build itself, not run.
 * A {@code postgresql://host:port/db?user=…} address is pointed at a new database of the tests' PostgreSQL server
 * (one per document, kept for its commands; its other parameters kept), as the port is, and the file a
 * {@code --db-password-file} names holds that server's password, as the operator would have put theirs there.
 */
class DocumentedCommandsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String DOCUMENTED_BASE = "http://127.0.0.1:7070";
    private static final Pattern FILE = Pattern.compile("/|\\.(json|csv|xlsx|ods|html|db|txt)$");
    /** A documented PostgreSQL address; group 1: the parameters after {@code user=…}. */
    private static final Pattern POSTGRES = Pattern.compile("postgres(?:ql)?://[^/]+/[^?]+\\?user=[^&]+(&.*)?$");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"README.md, 12", "service/README.md, 25"})
    void every_documented_command_runs_from_the_root_of_a_fresh_clone(String markdown, int atLeast, @TempDir Path clone) throws Exception {
        List<DocumentedCommand> commands = DocumentedCommand.in(ROOT.resolve(markdown), markdown);
        assertThat(commands).as("commands found in " + markdown).hasSizeGreaterThanOrEqualTo(atLeast);
        for (String shared : List.of("examples", "rules")) {
            Files.createSymbolicLink(clone.resolve(shared), ROOT.resolve(shared));
        }

        Session session = new Session(clone);
        try (session) {
            for (DocumentedCommand command : commands) {
                session.run(command);
            }
        } finally {
            session.dropDatabase();
            for (String shared : List.of("examples", "rules")) {
                Files.delete(clone.resolve(shared)); // the link, before the temporary folder is cleaned
            }
        }
    }

    /** One user's terminal: a folder, the variables set so far, and the {@code thidua serve} last started. */
    private static final class Session implements AutoCloseable {
        private final Path directory;
        private final Map<String, String> variables = new HashMap<>();
        private ServeProcess serve;
        private int serves;
        /** The database documented {@code postgresql://} addresses stand for; made at the first. */
        private TestPostgres.Database database;

        Session(Path directory) {
            this.directory = directory;
        }

        void run(DocumentedCommand command) throws Exception {
            List<String> words = onTestDatabase(command.expanded(variables));
            if (words.get(0).equals("mvn")) {
                return;
            }
            boolean launcher = words.size() > 1 && words.get(0).equals("service/target/thidua"); // the same jar (LauncherIT)
            if (launcher || words.size() > 3 && words.subList(0, 3).equals(List.of("java", "-jar", "service/target/thidua.jar"))) {
                List<String> arguments = words.subList(launcher ? 1 : 3, words.size());
                if (arguments.get(0).equals("serve")) {
                    serve(command, arguments.subList(1, arguments.size()));
                } else {
                    thidua(command, arguments);
                }
            } else if (words.get(0).equals("curl")) {
                String body = curl(command, words.subList(1, words.size()));
                if (command.assign() != null) {
                    variables.put(command.assign(), jq(command, body));
                }
            } else {
                fail(command.source() + ": not a command this test can run (thidua, curl or mvn); mark its block with "
                        + DocumentedCommand.SKIP + ": why -->` if it cannot be run here: " + words);
            }
        }

        /** A new service; the user stops the previous one first (its port would be taken). */
        private void serve(DocumentedCommand command, List<String> arguments) throws Exception {
            close();
            Path log = directory.resolve("serve-" + ++serves + ".log");
            serve = ServeProcess.startIn(directory, log, arguments);
        }

        /**
         * A {@code thidua} command, run in this JVM (warm, so the rules compile in a fraction of a cold start); its
         * file arguments — words with a folder or an extension — are read and written in the session's folder.
         */
        private void thidua(DocumentedCommand command, List<String> arguments) {
            String[] args = arguments.stream()
                    .map(a -> !a.startsWith("-") && !a.contains("://") && FILE.matcher(a).find() ? directory.resolve(a).toString() : a)
                    .toArray(String[]::new);

            CommandLineRun run = CommandLineRun.of(args);

            assertThat(run.exitCode()).as(command.source() + ": thidua " + String.join(" ", arguments) + "\n" + run.err()).isZero();
        }

        /** The request a {@code curl} line makes (the options the documents use), sent to the running service. */
        private String curl(DocumentedCommand command, List<String> options) throws IOException, InterruptedException {
            assertThat(serve).as(command.source() + ": a curl line before any thidua serve").isNotNull();
            String method = null;
            String url = null;
            String output = null;
            HttpRequest.BodyPublisher body = null;
            List<String> headers = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                String option = options.get(i);
                switch (option) {
                    case "-s" -> { }
                    case "-X" -> method = options.get(++i);
                    case "-H" -> headers.add(options.get(++i));
                    case "-o" -> output = options.get(++i);
                    case "-d", "--data-binary" -> {
                        String data = options.get(++i);
                        body = data.startsWith("@")
                                ? HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(directory.resolve(data.substring(1))))
                                : HttpRequest.BodyPublishers.ofString(data, StandardCharsets.UTF_8);
                    }
                    default -> {
                        assertThat(option).as(command.source() + ": a curl option this test does not know").doesNotStartWith("-");
                        assertThat(option).as(command.source() + ": the documented address").startsWith(DOCUMENTED_BASE);
                        url = serve.uri() + option.substring(DOCUMENTED_BASE.length());
                    }
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
            for (String header : headers) {
                String[] nameValue = header.split(":\\s*", 2);
                request.header(nameValue[0], nameValue[1]);
            }
            method = method != null ? method : body != null ? "POST" : "GET";
            request.method(method, body != null ? body : HttpRequest.BodyPublishers.noBody());
            HttpResponse<byte[]> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(answer.body(), StandardCharsets.UTF_8);
            assertThat(answer.statusCode()).as(command.source() + ": " + method + " " + url + " answered\n" + text).isBetween(200, 299);
            if (output != null) {
                assertThat(answer.body()).as(command.source() + ": the file saved by -o").isNotEmpty();
                Files.write(directory.resolve(output), answer.body());
            }
            return text;
        }

        /**
         * The words with a documented PostgreSQL server, database and user replaced by the tests' (other parameters
         * kept), and the password file a {@code --db-password-file} names written in the session's folder.
         */
        private List<String> onTestDatabase(List<String> words) throws IOException {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                Matcher address = POSTGRES.matcher(word);
                if (address.lookingAt()) {
                    if (database == null) {
                        database = TestPostgres.freshDatabase();
                    }
                    word = database.url() + (address.group(1) == null ? "" : address.group(1));
                }
                if (word.equals("--db-password-file") && i + 1 < words.size()) {
                    Files.writeString(directory.resolve(words.get(i + 1)), TestPostgres.PASSWORD + "\n", StandardCharsets.UTF_8);
                }
                out.add(word);
            }
            return out;
        }

        void dropDatabase() {
            if (database != null) {
                database.close();
            }
        }

        /** {@code jq -r .a[0].b}: the value at a path of the answer. */
        private static String jq(DocumentedCommand command, String json) throws IOException {
            JsonNode node = Json.MAPPER.readTree(json);
            Matcher step = Pattern.compile("\\.(\\w+)|\\[(\\d+)]").matcher(command.jqPath());
            while (step.find()) {
                node = step.group(1) != null ? node.path(step.group(1)) : node.path(Integer.parseInt(step.group(2)));
            }
            assertThat(node.isValueNode()).as(command.source() + ": jq -r " + command.jqPath() + " in " + json).isTrue();
            return node.asText();
        }

        @Override
        public void close() throws InterruptedException {
            if (serve != null) {
                serve.close();
                serve = null;
            }
        }
    }
}
