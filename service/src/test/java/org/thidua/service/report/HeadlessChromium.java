package org.thidua.service.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** Debian's chromium, run headless the way the end-to-end tests need: print the DOM, or take a screenshot. */
final class HeadlessChromium {
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

    private final Path binary;
    private final Path profile;

    private HeadlessChromium(Path binary, Path profile) {
        this.binary = binary;
        this.profile = profile;
    }

    /**
     * The browser ({@code THIDUA_CHROMIUM} names another binary); the calling test is skipped, saying how to install
     * one, when none is installed.
     */
    static HeadlessChromium required(Path profile) {
        List<String> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("THIDUA_CHROMIUM")).ifPresent(candidates::add);
        candidates.addAll(CANDIDATES);
        Optional<Path> binary = candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(binary.isPresent(), "no chromium binary (looked for $THIDUA_CHROMIUM, " + String.join(", ", CANDIDATES)
                + "): install Debian's chromium (apt-get install -y chromium) to run the browser test; .ci/run does");
        return new HeadlessChromium(binary.get(), profile);
    }

    /** The DOM after the page has loaded, as HTML text. */
    String dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url));
    }

    void screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars", url));
    }

    /**
     * A page of local files whose script reads a same-folder page in a frame (file URLs may read each other), given
     * time for the frame to load: the DOM it leaves, or a screenshot of it.
     */
    String dumpDomOfLocalPage(Path html) throws IOException, InterruptedException {
        return run(List.of("--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom", html.toUri().toString()));
    }

    void screenshotOfLocalPage(String fileUrl, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        run(List.of("--allow-file-access-from-files", "--virtual-time-budget=10000", "--screenshot=" + png.toAbsolutePath(),
                "--window-size=" + width + "," + height, "--hide-scrollbars", fileUrl));
    }

    /** The page printed to PDF as the browser's print dialog would, without its header and footer. */
    void printToPdf(String url, Path pdf) throws IOException, InterruptedException {
        Files.createDirectories(pdf.getParent());
        run(List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath(), url));
    }

    private String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        command.addAll(arguments);
        Path stdout = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Path stderr = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish in 90 s: " + Files.readString(stderr));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("chromium exited " + process.exitValue() + ": " + Files.readString(stderr));
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
