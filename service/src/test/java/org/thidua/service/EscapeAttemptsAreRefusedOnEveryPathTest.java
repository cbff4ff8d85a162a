package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thidua.service.RulesFolder.CAMPAIGN;
import static org.thidua.service.RulesFolder.SATISFACTION;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thidua.core.RuleLibrary;
import org.thidua.service.http.AccessTokens;
import org.thidua.service.http.EvaluationService;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The escape attempts found by trying thidua as an attacker with only the rules role (or write access to the watched
 * folder), each as an edit of the bundled campaign's satisfaction criterion, on every path that compiles rules:
 * {@code thidua check} names the refused line, {@code thidua test} and {@code thidua eval --rules} exit 3,
 * {@code POST …/preview} and {@code POST …/reload} answer 422 problem+json, and the live version keeps serving.
 * None of them runs: several would stop this JVM ({@code System.exit(42)}) or fill its heap if they did.
 */
class EscapeAttemptsAreRefusedOnEveryPathTest {
    private static final Path EXAMPLE = Path.of("../examples/data/thach-that-2021.json");
    /** In criteria/satisfaction.drl: the pattern's line, the first line of the action, the line after the global. */
    private static final int PATTERN_LINE = 12;
    private static final int ACTION_LINE = 14;
    private static final int HEADER_LINE = 7;

    @TempDir
    Path dir;
    private RunningService running;
    @TempDir
    static Path shared;
    /** One server on the bundled campaigns for every attempt of the corpus; each previews its attempt against it. */
    private static RunningService bundled;

    private static RunningService bundled() throws java.io.IOException {
        if (bundled == null) {
            Path tokens = shared.resolve("tokens.properties");
            Files.writeString(tokens, ReloadEndpointTest.line("luat", ReloadEndpointTest.RULES, "read,rules") + "\n",
                    StandardCharsets.UTF_8);
            bundled = RunningService.start(RunningService.BUNDLED, shared.resolve("thidua.db"),
                    new EvaluationService.Settings("127.0.0.1", 0, EvaluationService.DEFAULT_MAX_BODY, AccessTokens.read(tokens)),
                    store -> store);
        }
        return bundled;
    }

    @AfterAll
    static void stopBundled() {
        if (bundled != null) {
            bundled.close();
        }
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        assertThat(System.getProperty("thidua.escaped")).isNull();
    }

    /** The library's corpus of escape attempts: one file each, the refused line marked ⛔. */
    static final Path CORPUS = Path.of("../rules-core/src/test/resources/gate/escapes");

    static Stream<String> corpus() throws java.io.IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList().stream();
        }
    }

    private static int markedLine(String drl) {
        List<String> lines = drl.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("⛔")) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line is marked ⛔");
    }

    /** A campaign of one criterion, for one attempt of the corpus. */
    private static final String CAMPAIGN_YAML = """
            id: %s
            title: Một lần thử thoát ra ngoài
            unitKinds: [AGENCY, COMMUNE]
            criteria:
              - id: SATISFACTION
                title: Mức độ hài lòng
                points: 100
            grades:
              - code: DAT
                label: Đạt
                minScore: 50
              - code: KHONG_DAT
                label: Không đạt
                minScore: 0
            """;

    @org.junit.jupiter.api.Test
    void one_check_of_the_whole_corpus_refuses_every_attempt_at_its_marked_line() throws Exception {
        Path rulesDir = dir.resolve("corpus");
        List<String> attempts = corpus().toList();
        for (String attempt : attempts) {
            String id = attempt.replaceFirst("\\.drl$", "");
            Files.createDirectories(rulesDir.resolve(id).resolve("criteria"));
            Files.writeString(rulesDir.resolve(id).resolve("campaign.yaml"), CAMPAIGN_YAML.formatted(id), StandardCharsets.UTF_8);
            Files.copy(CORPUS.resolve(attempt), rulesDir.resolve(id).resolve("criteria").resolve(attempt));
        }

        CommandLineRun check = CommandLineRun.of("check", rulesDir.toString());

        assertThat(check.exitCode()).isEqualTo(Main.BAD_RULES);
        for (String attempt : attempts) {
            int line = markedLine(Files.readString(CORPUS.resolve(attempt), StandardCharsets.UTF_8));
            assertThat(check.outLines()).as(attempt).anyMatch(l -> l.contains("criteria/" + attempt + ":" + line + ":"));
        }
        assertThat(check.outLines()).last().asString()
                .startsWith("Đã kiểm tra " + attempts.size() + " chiến dịch: 0 đạt, " + attempts.size() + " có lỗi");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void every_attempt_of_the_corpus_previewed_over_http_is_422(String attempt) throws Exception {
        String drl = Files.readString(CORPUS.resolve(attempt), StandardCharsets.UTF_8);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("files").put("criteria/" + attempt, drl);

        Api.Answer preview = bundled().api.as(ReloadEndpointTest.RULES).post("/api/v1/campaigns/" + CAMPAIGN + "/preview",
                body.toString());

        assertThat(preview.status()).as(preview.body()).isEqualTo(422);
        assertThat(preview.contentType()).startsWith("application/problem+json");
        assertThat(preview.body()).contains("criteria/" + attempt + ":" + markedLine(drl) + ":");
    }

    static Stream<Arguments> attempts() {
        return Stream.of(
                Arguments.of("a unicode escape turns a comment into code", action("// ghi chú \\u000a System.exit(42);"), ACTION_LINE),
                Arguments.of("a unicode escape closes a block comment",
                        action("/* ghi chú \\u002a\\u002f System.exit(42); /* */"), ACTION_LINE),
                Arguments.of("a Class reached through an enum", action(
                        "Object d = $r.unit().kind().getDeclaringClass().getProtectionDomain();"), ACTION_LINE),
                Arguments.of("a recursive function without a loop keyword", header(
                        "function long dequy(long n) { return n <= 0 ? 0 : dequy(n - 1) + dequy(n - 1); }"), HEADER_LINE),
                Arguments.of("a regular expression that runs for minutes", constraint("unit.name matches \"(.*a){10}$\""),
                        PATTERN_LINE),
                Arguments.of("an array as large as the heap", action("long[] a = new long[Integer.MAX_VALUE / 2];"), ACTION_LINE),
                Arguments.of("a string as large as the heap", action("String x = \"x\".repeat(Integer.MAX_VALUE - 8);"),
                        ACTION_LINE),
                Arguments.of("a call that stops the server", action("System.exit(42);"), ACTION_LINE),
                Arguments.of("a system property set from a rule", action("System.setProperty(\"thidua.escaped\", \"1\");"),
                        ACTION_LINE));
    }

    private static UnaryOperator<String> action(String code) {
        return drl -> drl.replace("then\n", "then\n    " + code + "\n");
    }

    private static UnaryOperator<String> constraint(String expression) {
        return drl -> drl.replace("UnitReport( satisfaction != null )", "UnitReport( satisfaction != null, " + expression + " )");
    }

    private static UnaryOperator<String> header(String declaration) {
        return drl -> drl.replace("global org.thidua.core.Judge judge;\n", "global org.thidua.core.Judge judge;\n" + declaration + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void is_refused_by_check_test_eval_preview_and_reload_and_the_live_version_keeps_serving(String attempt,
            UnaryOperator<String> edit, int line) throws Exception {
        RulesFolder live = RulesFolder.copy(dir.resolve("live"));
        RulesFolder candidate = RulesFolder.copy(dir.resolve("candidate"));
        candidate.edit(SATISFACTION, edit);
        String edited = Files.readString(candidate.campaign(CAMPAIGN).resolve(SATISFACTION), StandardCharsets.UTF_8);

        CommandLineRun check = CommandLineRun.of("check", candidate.root.toString());
        assertThat(check.exitCode()).as(check.out()).isEqualTo(Main.BAD_RULES);
        assertThat(check.outLines()).as(check.out()).anyMatch(l -> l.contains(SATISFACTION + ":" + line + ":"));
        CommandLineRun test = CommandLineRun.of("test", candidate.root.toString());
        assertThat(test.exitCode()).as(test.out() + test.err()).isEqualTo(Main.BAD_RULES);
        CommandLineRun eval = CommandLineRun.of("eval", "--rules", candidate.root.toString(), "--input", EXAMPLE.toString());
        assertThat(eval.exitCode()).as(eval.err()).isEqualTo(Main.BAD_RULES);
        assertThat(eval.out()).isEmpty();

        Path tokens = dir.resolve("tokens.properties");
        Files.writeString(tokens, ReloadEndpointTest.line("phong-noi-vu-luat", ReloadEndpointTest.RULES, "read,evaluate,rules") + "\n",
                StandardCharsets.UTF_8);
        running = RunningService.start(RuleLibrary.load(live.root), dir.resolve("thidua.db"),
                new EvaluationService.Settings("127.0.0.1", 0, EvaluationService.DEFAULT_MAX_BODY, AccessTokens.read(tokens)),
                store -> store);
        Api staff = running.api.as(ReloadEndpointTest.RULES);
        String original = staff.get("/api/v1/campaigns/" + CAMPAIGN).json().get("ruleSetVersion").asText();

        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("files").put(SATISFACTION, edited);
        Api.Answer preview = staff.post("/api/v1/campaigns/" + CAMPAIGN + "/preview", body.toString());
        assertThat(preview.status()).as(preview.body()).isEqualTo(422);
        assertThat(preview.contentType()).startsWith("application/problem+json");

        live.edit(SATISFACTION, edit);
        Api.Answer reload = staff.post("/api/v1/campaigns/" + CAMPAIGN + "/reload", "");
        assertThat(reload.status()).as(reload.body()).isEqualTo(422);
        assertThat(reload.contentType()).startsWith("application/problem+json");
        assertThat(ReloadEndpointTest.paths(reload.json().get("problems"))).anyMatch(p -> p.startsWith(SATISFACTION + ":" + line + ":"));

        Api.Answer evaluated = staff.post("/api/v1/evaluations", Files.readString(EXAMPLE, StandardCharsets.UTF_8));
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
        assertThat(evaluated.json().get("ruleSetVersion").asText()).isEqualTo(original);
    }
}
