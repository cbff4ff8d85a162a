package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.RuleLibrary;
import org.thidua.service.http.EvaluationService;

/** A campaign whose files do not load is listed with its problems and refused with 503; the others are served. */
class UnavailableCampaignTest {
    static final String BROKEN = "hong-2022";

    @TempDir
    Path dir;

    @Test
    void a_broken_campaign_is_listed_as_unavailable_and_evaluating_it_is_503_with_an_error_id() throws IOException {
        Path rules = copyOfBundledCampaigns(dir.resolve("campaigns"));
        Files.createDirectories(rules.resolve(BROKEN));
        Files.writeString(rules.resolve(BROKEN).resolve("campaign.yaml"), "id: " + BROKEN + "\ntitle: [không đóng ngoặc\n");

        try (RunningService running = RunningService.start(RuleLibrary.load(rules), dir.resolve("thidua.db"),
                EvaluationService.Settings.loopback(0), store -> store)) {
            Api.Answer campaigns = running.api.get("/api/v1/campaigns");
            Api.Answer evaluate = running.api.post("/api/v1/evaluations",
                    Requests.request(Requests.commune("xa-mot", "UBND xã Một", 5)).replace(Requests.CAMPAIGN, BROKEN));
            Api.Answer good = running.api.post("/api/v1/evaluations", Requests.request(Requests.commune("xa-mot", "UBND xã Một", 5)));
            Api.Answer health = running.api.get("/health");

            assertThat(campaigns.json().get("unavailable").get(0).get("id").asText()).isEqualTo(BROKEN);
            assertThat(campaigns.json().get("unavailable").get(0).get("problems").get(0).get("path").asText()).startsWith("campaign.yaml:");
            assertThat(evaluate.status()).isEqualTo(503);
            assertThat(evaluate.json().get("errorId").asText()).isNotBlank();
            assertThat(evaluate.json().get("problems")).isNotEmpty();
            assertThat(good.status()).isEqualTo(200);
            assertThat(health.json().get("unavailableCampaigns").asInt()).isEqualTo(1);
            assertThat(running.api.get("/api/v1/campaigns/" + BROKEN).status()).isEqualTo(404);
        }
    }

    static Path copyOfBundledCampaigns(Path target) throws IOException {
        copyFolder(RunningService.BUNDLED.source(), target);
        return target;
    }

    /** A copy of a folder and everything in it, at {@code target}. */
    static void copyFolder(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }
}
