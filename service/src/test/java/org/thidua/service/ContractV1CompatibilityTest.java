package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Officials were added to the contract compatibly: a request without members answers exactly as before. */
class ContractV1CompatibilityTest {
    @Test
    void a_request_without_members_gives_byte_for_byte_the_json_of_the_first_release() throws Exception {
        CommandLineRun run = CommandLineRun.of("eval", "--input", "src/test/resources/requests/two-units.json",
                "--rules", "src/test/resources/rules-v1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(Files.readAllBytes(Path.of("src/test/resources/expected/two-units-v1.json")));
    }

    @Test
    void the_bundled_campaign_adds_nothing_to_a_response_without_members() {
        CommandLineRun run = CommandLineRun.of("eval", "--input", "src/test/resources/requests/two-units.json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("\"members\"", "\"titles\"", "\"commendations\"");
    }

    @Test
    void the_ranking_table_has_no_commendations_section_without_members() {
        CommandLineRun run = CommandLineRun.of("eval", "--input", "src/test/resources/requests/two-units.json", "--format", "table");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("Đề nghị khen thưởng");
    }
}
