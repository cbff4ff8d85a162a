package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's output as a user runs it, after {@code mvn package} (failsafe, phase integration-test): the launcher
 * {@code target/thidua} with its class-data-sharing archive, the launcher with an archive this JVM cannot use, and
 * {@code java -jar target/thidua.jar} alone each check the bundled campaigns with the same report. No timing here:
 * the speed is in {@code benchmarks/startup.sh} and BENCHMARKS.md.
 */
class LauncherIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** "N đạt, 0 có lỗi" for the campaigns the repository bundles (one folder each under rules/campaigns). */
    private static String allBundledPass() throws IOException {
        try (var folders = Files.list(Path.of("../rules/campaigns"))) {
            return folders.filter(Files::isDirectory).count() + " đạt, 0 có lỗi";
        }
    }

    @Test
    void the_launcher_checks_the_bundled_campaigns_with_the_archive_the_build_made() throws Exception {
        assertThat(TARGET.resolve("thidua.jsa")).as("the archive made by mvn package").isNotEmptyFile();
        assertThat(Files.isExecutable(TARGET.resolve("thidua"))).as("the launcher is executable").isTrue();

        Run launcher = run(List.of(TARGET.resolve("thidua").toString(), "check"));

        assertThat(launcher.code).as(launcher.err).isZero();
        assertThat(launcher.out).contains("OK thach-that-cchc-2021", "OK par-index-xa-2023", allBundledPass());
        assertThat(launcher.out).isEqualTo(run(List.of(JAVA, "-jar", TARGET.resolve("thidua.jar").toString(), "check")).out);
    }

    @Test
    void the_jar_alone_still_runs_check_and_test() throws Exception {
        Run check = run(List.of(JAVA, "-jar", TARGET.resolve("thidua.jar").toString(), "check"));
        Run test = run(List.of(JAVA, "-jar", TARGET.resolve("thidua.jar").toString(), "test"));

        assertThat(check.code).as(check.err).isZero();
        assertThat(check.out).contains("OK thach-that-cchc-2021", allBundledPass());
        assertThat(test.code).as(test.err).isZero();
        assertThat(test.out).containsPattern("(?m)^ĐẠT: ");
    }

    @Test
    void the_built_jar_names_its_release() throws Exception {
        Run version = run(List.of(JAVA, "-jar", TARGET.resolve("thidua.jar").toString(), "--version"));

        assertThat(version.code).as(version.err).isZero();
        assertThat(version.out.strip()).isEqualTo("thidua " + System.getProperty("thidua.version"));
    }

    @Test
    void an_archive_this_jvm_cannot_use_is_skipped_without_a_word(@TempDir Path folder) throws Exception {
        Files.copy(TARGET.resolve("thidua"), folder.resolve("thidua"));
        folder.resolve("thidua").toFile().setExecutable(true);
        Files.createSymbolicLink(folder.resolve("thidua.jar"), TARGET.resolve("thidua.jar"));
        Files.writeString(folder.resolve("thidua.jsa"), "not an archive");

        Run launcher;
        try {
            launcher = run(List.of(folder.resolve("thidua").toString(), "test", "--format", "json"));
        } finally {
            Files.delete(folder.resolve("thidua.jar")); // the link, before the temporary folder is cleaned
        }

        assertThat(launcher.code).as(launcher.err).isZero();
        assertThat(launcher.out).startsWith("{").contains("\"passed\" : true");
        assertThat(launcher.err).isEmpty();
    }

    /**
     * {@code serve} runs with a bounded heap (256 MB) unless the operator gives another in THIDUA_JAVA_OPTS: the JVM the
     * launcher starts prints its flags and stops ({@code -version}) before it would start the server.
     */
    @Test
    void serve_gets_a_bounded_heap_that_the_operator_can_change() throws Exception {
        Path launcher = TARGET.resolve("thidua");

        Run bounded = run(List.of(launcher.toString(), "serve"), "-XX:+PrintFlagsFinal -version");
        Run larger = run(List.of(launcher.toString(), "serve"), "-Xmx1g -XX:+PrintFlagsFinal -version");
        Run check = run(List.of(launcher.toString(), "check"), "-XX:+PrintFlagsFinal -version");

        assertThat(bounded.code).as(bounded.err).isZero();
        assertThat(bounded.out).containsPattern("MaxHeapSize += 268435456 ");
        assertThat(larger.out).containsPattern("MaxHeapSize += 1073741824 ");
        assertThat(check.out).doesNotContainPattern("MaxHeapSize += 268435456 ");
    }

    private record Run(int code, String out, String err) {
    }

    /** Runs a command in the module's folder with this JVM as JAVA_HOME; waits at most 5 minutes (a loaded machine). */
    private static Run run(List<String> command) throws IOException, InterruptedException {
        return run(command, null);
    }

    /** As {@link #run(List)}, with THIDUA_JAVA_OPTS set to {@code javaOptions} when it is not {@code null}. */
    private static Run run(List<String> command, String javaOptions) throws IOException, InterruptedException {
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().remove("THIDUA_JAVA_OPTS");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            if (javaOptions != null) {
                builder.environment().put("THIDUA_JAVA_OPTS", javaOptions);
            }
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in 5 minutes");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
