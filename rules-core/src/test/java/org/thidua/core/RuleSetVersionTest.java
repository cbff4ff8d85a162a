package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thidua.core.Fixtures.agency;
import static org.thidua.core.Fixtures.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A rule set's version is the SHA-256 of the files that decide results (campaign.yaml and the DRL), so every result
 * can name the rules that made it. Rule tests do not decide results and do not change it.
 */
class RuleSetVersionTest {
    private static final Path CAMPAIGN = Fixtures.fixture("libraries/default-named/first");

    @TempDir
    Path temp;

    private Path copyOfCampaign(String where) {
        return Fixtures.copy(CAMPAIGN, temp.resolve(where).resolve("first"));
    }

    private static void append(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void the_version_is_sha256_in_hex_and_every_result_carries_it() {
        RuleSet ruleSet = RuleSet.load(CAMPAIGN);

        assertThat(ruleSet.version()).matches("sha256:[0-9a-f]{64}");
        assertThat(evaluate(ruleSet, agency("a")).ruleSetVersion()).isEqualTo(ruleSet.version());
    }

    @Test
    void the_same_files_give_the_same_version_wherever_and_whenever_they_are_loaded() {
        String original = RuleSet.load(CAMPAIGN).version();

        assertThat(RuleSet.load(CAMPAIGN).version()).isEqualTo(original);
        assertThat(RuleSet.load(copyOfCampaign("elsewhere")).version()).isEqualTo(original);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"criteria/satisfaction.drl | // sửa một chú thích", "campaign.yaml | # sửa một chú thích"})
    void editing_a_rule_file_changes_the_version(String file, String comment) throws IOException {
        Path copy = copyOfCampaign("edited");
        String before = RuleSet.load(copy).version();

        append(copy.resolve(file), comment + "\n");

        assertThat(RuleSet.load(copy).version()).isNotEqualTo(before);
    }

    @Test
    void adding_or_editing_rule_tests_keeps_the_version() throws IOException {
        Path copy = copyOfCampaign("edited-tests");
        String before = RuleSet.load(copy).version();

        append(copy.resolve("tests/satisfaction.yaml"), "cases: []\n");
        String withTests = RuleSet.load(copy).version();
        append(copy.resolve("tests/satisfaction.yaml"), "# sửa một chú thích\n");

        assertThat(withTests).isEqualTo(before);
        assertThat(RuleSet.load(copy).version()).isEqualTo(before);
    }
}
