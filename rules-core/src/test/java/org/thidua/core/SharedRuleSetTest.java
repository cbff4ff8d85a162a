package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * One compiled rule set serves every thread: concurrent evaluations give exactly the results of sequential ones,
 * and a batch larger than one rule session (1,000 units) is scored and ranked as one batch.
 */
class SharedRuleSetTest {
    private static final RuleSet CAMPAIGN = Fixtures.campaigns2021().ruleSet("thach-that-cchc-2021");
    private static final int[] BATCH_SIZES = {2_500, 40, 300, 500, 1_001, 10, 120, 150};

    /** Reports with figures that vary from unit to unit, the same for the same batch number. */
    private static List<UnitReport> batch(int number, int size) {
        Random random = new Random(number);
        List<UnitReport> reports = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            // the kinds the 2021 campaign evaluates (not SPECIAL_ZONE, which came with the 2025 reorganisation)
            UnitKind[] kinds = {UnitKind.AGENCY, UnitKind.COMMUNE, UnitKind.WARD, UnitKind.TOWN};
            UnitKind kind = kinds[random.nextInt(kinds.length)];
            long surveyed = 1 + random.nextInt(300);
            UnitReport report = UnitReport.of(new Unit("don-vi-" + number + "-" + i, "Đơn vị số " + i + " – lô " + number, kind))
                    .withSatisfaction(new Satisfaction(surveyed, surveyed - random.nextInt((int) Math.min(surveyed, 20) + 1)))
                    .withDossiers(new Dossiers(random.nextInt(50), random.nextInt(500), random.nextInt(3) == 0 ? 1 : 0, 0))
                    .withFrontlineStaff(new StaffTraining(5, 4 + random.nextInt(2)));
            if (kind.isCommuneLevel()) {
                report = report.withCommuneOfficials(new CommuneOfficials(20, 19 + random.nextInt(2)))
                        .withPortalPage(random.nextInt(3) == 0 ? null : random.nextBoolean());
            }
            reports.add(report);
        }
        return reports;
    }

    /** A commune meeting the given number of the five criteria, so scoring 20 × that number. */
    private static UnitReport communeMeeting(int criteriaMet, int index) {
        return UnitReport.of(new Unit("xa-" + index, "UBND xã số " + index, UnitKind.COMMUNE))
                .withPortalPage(criteriaMet >= 1)
                .withCommuneOfficials(new CommuneOfficials(10, criteriaMet >= 2 ? 10 : 9))
                .withFrontlineStaff(new StaffTraining(3, criteriaMet >= 3 ? 3 : 2))
                .withDossiers(new Dossiers(1, 1, criteriaMet >= 4 ? 0 : 1, 0))
                .withSatisfaction(new Satisfaction(100, criteriaMet >= 5 ? 100 : 90));
    }

    @Test
    void eight_threads_sharing_one_rule_set_get_exactly_the_results_of_sequential_evaluation() throws Exception {
        List<List<UnitReport>> batches = IntStream.range(0, BATCH_SIZES.length).mapToObj(n -> batch(n, BATCH_SIZES[n])).toList();
        List<EvaluationResult> sequential = batches.stream().map(CAMPAIGN::evaluate).toList();

        List<EvaluationResult> concurrent = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(batches.size());
        try {
            CyclicBarrier together = new CyclicBarrier(batches.size());
            List<Callable<EvaluationResult>> tasks = batches.stream().<Callable<EvaluationResult>>map(batch -> () -> {
                together.await();
                return CAMPAIGN.evaluate(batch);
            }).toList();
            for (Future<EvaluationResult> result : threads.invokeAll(tasks)) {
                concurrent.add(result.get());
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(concurrent).isEqualTo(sequential);
    }

    @Test
    void ranks_over_a_batch_spanning_several_sessions_count_the_units_scoring_higher() {
        List<UnitReport> reports = batch(42, 2_500);

        List<Evaluation> evaluations = CAMPAIGN.evaluate(reports).evaluations();

        assertThat(evaluations).extracting(Evaluation::unitId)
                .containsExactlyElementsOf(reports.stream().map(r -> r.unit().id()).toList());
        assertThat(evaluations).extracting(Evaluation::score).contains(100.0, 80.0, 60.0);
        List<Double> highestFirst = evaluations.stream().map(Evaluation::score).sorted(Comparator.reverseOrder()).toList();
        List<Integer> onePlusUnitsScoringHigher = evaluations.stream().map(e -> 1 + highestFirst.indexOf(e.score())).toList();
        assertThat(evaluations).extracting(Evaluation::rank).isEqualTo(onePlusUnitsScoringHigher);
    }

    @Test
    void ties_share_a_rank_across_sessions() {
        List<UnitReport> reports = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            int met = switch (i) {
                case 1_400 -> 5;
                case 3, 1_100 -> 4;
                case 999 -> 3;
                default -> 2;
            };
            reports.add(communeMeeting(met, i));
        }

        List<Evaluation> evaluations = CAMPAIGN.evaluate(reports).evaluations();

        assertThat(evaluations.get(1_400).rank()).isEqualTo(1);
        assertThat(evaluations.get(3).rank()).isEqualTo(2);
        assertThat(evaluations.get(1_100).rank()).isEqualTo(2);
        assertThat(evaluations.get(999).rank()).isEqualTo(4);
        assertThat(evaluations.get(0).rank()).isEqualTo(5);
        assertThat(evaluations.get(1_499).rank()).isEqualTo(5);
        assertThat(evaluations.get(1_400).score()).isEqualTo(100);
        assertThat(evaluations.get(999).score()).isEqualTo(60);
    }
}
