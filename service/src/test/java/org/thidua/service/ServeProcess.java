package org.thidua.service;

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

/**
 * {@code thidua serve} as an operator runs it, in its own JVM on a free port, for end-to-end tests in any package.
 * {@link #close} stops it (SIGTERM, then SIGKILL after 30 s); {@link #kill} kills it at once.
 */
public final class ServeProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final URI uri;

    private ServeProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /**
     * Starts {@code thidua serve --port 0 --db DB ARGS…} and waits (at most 3 minutes: a machine loaded by a parallel
     * build starts a JVM and compiles the rules slowly) until it says where it serves.
     *
     * @param log where the process's standard error goes
     */
    public static ServeProcess start(Path db, Path log, String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(arguments));
        return startIn(null, log, all);
    }

    /**
     * Starts {@code thidua serve --port 0 ARGS…} in a working directory ({@code null}: this one), so that relative
     * paths in the arguments, and the default {@code thidua.db}, are read there as a user typing them there would.
     */
    public static ServeProcess startIn(Path directory, Path log, List<String> arguments) throws Exception {
        return startIn(directory, log, arguments, java.util.Map.of());
    }

    /** As {@link #startIn(Path, Path, List)}, with variables added to its environment (a database password). */
    public static ServeProcess startIn(Path directory, Path log, List<String> arguments, java.util.Map<String, String> environment)
            throws Exception {
        List<String> command = thidua(List.of("serve", "--port", "0"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().putAll(environment);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        try {
            return new ServeProcess(process, awaitUri(process));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("thidua serve did not start; its log: " + log + lastLines(log), e);
        }
    }

    /** The end of the process's log, for the failure message (the temporary folder is gone when it is read). */
    private static String lastLines(Path log) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** The command line that runs {@code thidua ARGS…} in a JVM of its own, on the test class path. */
    private static List<String> thidua(List<String> arguments) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dfile.encoding=UTF-8", "-cp", classPath, Main.class.getName()));
        command.addAll(arguments);
        return command;
    }

    public URI uri() {
        return uri;
    }

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
        return uri.get(3, TimeUnit.MINUTES);
    }

    /** SIGKILL on Linux: no shutdown hook runs, nothing is flushed by the service. Returns the exit value (137). */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
