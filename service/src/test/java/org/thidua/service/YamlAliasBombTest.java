package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@code campaign.yaml} of nested aliases ("billion laughs") is a campaign file that does not read, like any other:
 * the preview refuses it as {@code invalid-rules} and {@code thidua check} prints where and exits 3, instead of a 500.
 */
class YamlAliasBombTest {
    @TempDir
    Path dir;

    /** Nine levels, each nine aliases of the one before: 9^9 strings once expanded, 72 aliases to write. */
    static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (int level = 1; level < 9; level++) {
            StringJoiner aliases = new StringJoiner(", ", "[", "]");
            for (int i = 0; i < 9; i++) {
                aliases.add("*l" + (level - 1));
            }
            yaml.append("l").append(level).append(": &l").append(level).append(' ').append(aliases).append('\n');
        }
        return yaml.toString();
    }

    @Test
    void a_previewed_alias_bomb_is_422_invalid_rules() {
        try (RunningService running = RunningService.start(dir.resolve("thidua.db"), ImpactPreviewEndpointTest.withTokens())) {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.putObject("files").put("campaign.yaml", billionLaughs());

            Api.Answer answer = running.api.as(ImpactPreviewEndpointTest.STAFF).post(ImpactPreviewEndpointTest.PREVIEW, body.toString());

            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.json().get("type").asText()).isEqualTo("urn:thidua:problem:invalid-rules");
            assertThat(answer.json().get("problems").get(0).get("path").asText()).startsWith("campaign.yaml:");
        }
    }

    @Test
    void thidua_check_prints_one_plain_line_for_an_alias_bomb_and_exits_3() throws Exception {
        RulesFolder rules = RulesFolder.copy(dir.resolve("rules"));
        Files.writeString(rules.campaign(Requests.CAMPAIGN).resolve("campaign.yaml"), billionLaughs());

        CommandLineRun run = CommandLineRun.of("check", rules.root.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.BAD_RULES);
        assertThat(run.out() + run.err()).contains("campaign.yaml:1:1:", "exceeds a limit").doesNotContain("\tat ");
    }
}
