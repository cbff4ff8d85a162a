package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rules/README.md's worked example of the criteria as a list in campaign.yaml, done as the guide says: a copy of the
 * rules in {@code ban-sua}, the 2021 campaign's criteria.csv replaced by the guide's list, then every command the
 * guide shows ({@code ```sh} blocks) run on it. Each must exit 0; check shows the DRL the list became.
 */
class RulesGuideCriteriaListTest {
    private static final Path GUIDE = Path.of("../rules/README.md");
    private static final String MARKER = "<!-- criteria-list: thach-that-cchc-2021 -->";

    @TempDir
    Path dir;

    @Test
    void the_guides_list_replaces_the_sheet_and_its_commands_check_and_test_it() throws Exception {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        int start = guide.indexOf("```yaml\n", guide.indexOf(MARKER)) + "```yaml\n".length();
        String list = guide.substring(start, guide.indexOf("```", start));
        Path copy = UnavailableCampaignTest.copyOfBundledCampaigns(dir.resolve("ban-sua"));
        Path campaign = copy.resolve(Requests.CAMPAIGN);
        Files.delete(campaign.resolve("criteria.csv"));
        Files.writeString(campaign.resolve("campaign.yaml"), Files.readString(campaign.resolve("campaign.yaml")) + "\n" + list,
                StandardCharsets.UTF_8);

        List<DocumentedCommand> commands = DocumentedCommand.in(GUIDE, "rules/README.md");

        assertThat(commands).extracting(c -> String.join(" ", c.words())).containsExactly(
                "java -jar service/target/thidua.jar check ban-sua --show-drl",
                "java -jar service/target/thidua.jar test ban-sua");
        for (DocumentedCommand command : commands) {
            String[] args = command.words().subList(3, command.words().size()).stream()
                    .map(word -> word.startsWith("ban-sua") ? dir.resolve(word).toString() : word).toArray(String[]::new);

            CommandLineRun run = CommandLineRun.of(args);

            assertThat(run.exitCode()).as(command.source() + "\n" + run.out() + run.err()).isZero();
            if (args[0].equals("check")) {
                assertThat(run.out()).contains("thach-that-cchc-2021/campaign.yaml.drl", "rule \"SATISFACTION\"", ".atLeast(0.95)",
                        "Đã kiểm tra 3 chiến dịch: 3 đạt");
            } else {
                assertThat(run.out()).contains("tests/satisfaction.yaml").doesNotContain("✗");
            }
        }
    }
}
