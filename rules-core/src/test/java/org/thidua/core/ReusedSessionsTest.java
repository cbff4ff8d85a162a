package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule sessions are reused from a pool and batches are split over threads: whatever an evaluation leaves behind
 * (a failure, a stop at the firing limit, another thread's units) never shows in the next one.
 */
class ReusedSessionsTest {
    private static final Path CAMPAIGN = Path.of("../rules/campaigns/thach-that-cchc-2021");
    /** The 2021 criteria as hand-written DRL (the bundled campaign has them as a sheet): a rule of it is made to fail. */
    private static final Path DRL_CAMPAIGN = Fixtures.fixture("campaigns-2021/thach-that-cchc-2021");

    @Test
    void an_evaluation_after_a_rule_failed_gives_the_same_results_as_a_fresh_rule_set(@TempDir Path dir) throws IOException {
        RuleSet rules = RuleSet.load(copyWithPortalRuleFailingFor(dir, "boom"));
        List<UnitReport> units = units(2_500);
        EvaluationResult before = rules.evaluate(units);

        List<UnitReport> withFailure = new ArrayList<>(units);
        withFailure.set(1_700, UnitReport.of(new Unit("boom", "UBND xã Boom", UnitKind.COMMUNE)).withPortalPage(true));
        assertThatThrownBy(() -> rules.evaluate(withFailure)).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("PORTAL_PAGE").hasMessageContaining("ArithmeticException");

        assertThat(rules.evaluate(units)).isEqualTo(before);
    }

    @Test
    void an_evaluation_after_one_stopped_at_the_firing_limit_gives_the_same_results() {
        RuleSet rules = RuleSet.load(CAMPAIGN);
        List<UnitReport> units = units(3_000);
        EvaluationResult before = rules.evaluate(units);

        assertThatThrownBy(() -> rules.withLimits(new RuleSet.Limits(1, java.time.Duration.ofSeconds(30))).evaluate(units))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("rules fired too often");

        assertThat(rules.evaluate(units)).isEqualTo(before);
    }

    @Test
    void batches_evaluated_at_once_from_many_threads_get_the_results_of_one_thread() throws Exception {
        RuleSet rules = RuleSet.load(CAMPAIGN);
        RuleSet oneThread = rules.withLimits(rules.limits().withParallelism(1));
        List<List<UnitReport>> batches = List.of(units(4_321), units(1), units(1_000), units(2_001));
        List<EvaluationResult> expected = batches.stream().map(oneThread::evaluate).toList();

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<EvaluationResult>> running = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (List<UnitReport> batch : batches) {
                    running.add(threads.submit(() -> rules.withLimits(rules.limits().withParallelism(3)).evaluate(batch)));
                }
            }
            for (int i = 0; i < running.size(); i++) {
                assertThat(running.get(i).get()).isEqualTo(expected.get(i % batches.size()));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Communes with varied figures, so that every criterion is judged and ranks differ. */
    private static List<UnitReport> units(int n) {
        List<UnitReport> units = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            units.add(UnitReport.of(new Unit("u" + i, "UBND xã " + i, i % 4 == 0 ? UnitKind.AGENCY : UnitKind.COMMUNE))
                    .withSatisfaction(new Satisfaction(100 + i % 7, 90 + i % 11))
                    .withDossiers(new Dossiers(i % 13, 1_000 + i, i % 5 == 0 ? 1 : 0, 0))
                    .withFrontlineStaff(new StaffTraining(10, 10 - i % 3))
                    .withCommuneOfficials(i % 9 == 0 ? null : new CommuneOfficials(20, 20 - i % 2))
                    .withPortalPage(i % 6 != 0));
        }
        return units;
    }

    private static Path copyWithPortalRuleFailingFor(Path dir, String unitId) throws IOException {
        Path copy = dir.resolve("thach-that-cchc-2021");
        try (Stream<Path> files = Files.walk(DRL_CAMPAIGN)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(DRL_CAMPAIGN.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path portal = copy.resolve("criteria/portal.drl");
        Files.writeString(portal, Files.readString(portal).replace("then\n",
                "then\n    if ($r.unit().id().equals(\"" + unitId + "\")) { Math.toIntExact(Long.MAX_VALUE); }\n"));
        return copy;
    }
}
