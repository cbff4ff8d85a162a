package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thidua.core.compile.RuleVocabulary;

/**
 * The safety gate allows, it does not deny: a rule file may only match facts, read them, call the judge and compute.
 * Every file of {@code gate/escapes/} is one attempt to reach further (a line marked ⛔ is where it must be refused);
 * each is refused by the same load every path uses (check, test, eval, preview, reload, {@link RuleLibrary#load}),
 * at its file and line, and none of them runs: the canaries they would set stay unset. A new attempt is one more
 * file in that folder.
 */
class RuleFilesReachOnlyTheFactModelTest {
    /** What the attempts would leave behind if any of them ran. */
    static final String CANARY_PROPERTY = "thidua.escaped";
    static final Path CANARY_FILE = Path.of("thidua-escaped");

    @TempDir
    Path root;

    static Stream<String> escapes() throws IOException, URISyntaxException {
        return corpus().map(p -> p.getFileName().toString().replaceFirst("\\.drl$", "")).sorted();
    }

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path folder = Path.of(RuleFilesReachOnlyTheFactModelTest.class.getClassLoader().getResource("gate/escapes").toURI());
        return Files.list(folder).filter(p -> p.toString().endsWith(".drl")).toList().stream();
    }

    /** The line marked ⛔ in an attempt: where the gate must refuse it. */
    static int markedLine(String drl) {
        List<String> lines = drl.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("⛔")) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line is marked ⛔");
    }

    @AfterEach
    void nothing_ran() {
        assertThat(System.getProperty(CANARY_PROPERTY)).as("a refused attempt ran").isNull();
        assertThat(CANARY_FILE).as("a refused attempt ran").doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void every_escape_attempt_is_refused_at_its_line_and_never_runs(String attempt) {
        String drl = TestCampaigns.resource("gate/escapes/" + attempt + ".drl");
        Path folder = TestCampaigns.write(root, "gated", attempt + ".drl", drl);

        assertThatThrownBy(() -> RuleSet.load(folder))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems())
                        .filteredOn(p -> p.file().equals("criteria/" + attempt + ".drl"))
                        .first()
                        .satisfies(p -> {
                            assertThat(p.line()).as(p.toString()).isEqualTo(markedLine(drl));
                            assertThat(p.message()).as(p.toString()).containsAnyOf("Không được", "Không dùng", "Chỉ ", "Sai cú pháp");
                        }));
    }

    @Test
    void the_corpus_covers_every_family_of_attempts_with_at_least_sixty_files() throws Exception {
        List<String> names = escapes().toList();

        assertThat(names).hasSizeGreaterThanOrEqualTo(60);
        for (String family : List.of("unicode-", "reflection-", "classloader-", "threads-", "system-", "process-", "files-",
                "network-", "environment-", "logging-", "import-static", "attribute-", "metadata-", "inline-",
                "constraint-", "function", "lambda", "stream", "loop-", "bomb-", "engine-", "annotation-")) {
            assertThat(names).as(family).anyMatch(n -> n.startsWith(family));
        }
    }

    @Test
    void words_in_comments_and_messages_are_only_words() {
        Path folder = TestCampaigns.write(root, "allowed", "satisfaction.drl",
                TestCampaigns.resource("gate/words-in-comments-and-strings.drl"));

        assertThat(RuleSet.load(folder).campaign().id()).isEqualTo("allowed");
    }

    @Test
    void a_rule_annotation_on_the_allow_list_still_compiles_and_names_the_criterion_the_rule_judges() {
        Path folder = TestCampaigns.write(root, "allowed", "hai-long.drl", TestCampaigns.resource("gate/allowed-annotations.drl"));

        Finding finding = Fixtures.findingOf(RuleSet.load(folder), Fixtures.agency("a").withSatisfaction(new Satisfaction(100, 99)),
                "SATISFACTION");

        assertThat(finding.status()).isEqualTo(Status.MET);
        assertThat(finding.rule()).isEqualTo("criteria/hai-long.drl: HAI_LONG");
        assertThat(finding.message()).contains("@Direct", "cchc@thachthat.invalid");
    }

    @Test
    void an_annotation_of_a_declaration_is_named_besides_the_declaration() {
        Path folder = TestCampaigns.write(root, "gated", "x.drl", TestCampaigns.resource("gate/escapes/annotation-declared-field.drl"));

        assertThatThrownBy(() -> RuleSet.load(folder)).isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems()).extracting(RuleProblem::toString)
                        .contains("gated/criteria/x.drl:10:9: Không được khai báo kiểu mới (declare KieuMoi) (type declarations are refused)")
                        .anyMatch(p -> p.startsWith("gated/criteria/x.drl:10:30: Không được gắn thẻ @key cho trường của kiểu khai báo")));
    }

    @Test
    void a_file_refused_for_its_structure_is_never_compiled() {
        // compiling evaluates metadata as MVEL: refused before, so the canary of this attempt is never set
        Path folder = TestCampaigns.write(root, "gated", "x.drl", TestCampaigns.resource("gate/escapes/attribute-enabled-expression.drl"));

        assertThatThrownBy(() -> RuleSet.load(folder)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("enabled");
    }

    @Test
    void every_member_a_rule_may_call_on_the_model_leads_back_into_the_allow_list() {
        for (Class<?> type : Stream.concat(RuleVocabulary.FACT_TYPES.stream(), RuleVocabulary.JUDGE_TYPES.stream()).toList()) {
            for (Method method : type.getMethods()) {
                if (!RuleVocabulary.allowedMethods(type).contains(method.getName()) || Modifier.isStatic(method.getModifiers())
                        && method.getName().equals("valueOf")) {
                    continue;
                }
                Class<?> returned = method.getReturnType().isArray() ? method.getReturnType().getComponentType()
                        : method.getReturnType();
                boolean allowed = returned.isPrimitive() || returned.isEnum() && RuleVocabulary.FACT_TYPES.contains(returned)
                        || RuleVocabulary.IMPORTABLE.containsValue(returned) || Collection.class.isAssignableFrom(returned)
                        || Map.class.isAssignableFrom(returned) || returned == Object.class && method.getName().equals("equals");
                assertThat(allowed).as(type.getSimpleName() + "." + method.getName() + " returns " + returned.getName()).isTrue();
            }
        }
    }

    @Test
    void getClass_and_getDeclaringClass_are_no_names_a_constraint_may_use() {
        assertThat(RuleVocabulary.CONSTRAINT_NAMES).doesNotContain("getClass", "class", "getDeclaringClass", "declaringClass",
                "repeat", "matches", "wait", "notify").contains("members", "empty", "dossiers", "disciplinedAtLeast", "CANH_CAO");
    }
}
