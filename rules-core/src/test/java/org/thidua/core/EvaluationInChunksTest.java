package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thidua.core.Fixtures.agency;
import static org.thidua.core.Fixtures.commune;
import static org.thidua.core.Fixtures.withIndicator;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RuleSet#evaluateInChunks}: each chunk's result is the batch result of those units with rank 0, the ranks
 * returned at the end equal one batch evaluation's, the reports are read one chunk at a time, and no chunk's result
 * is kept by the library once it is handed over.
 */
class EvaluationInChunksTest {
    private static final RuleSet CAMPAIGN = Fixtures.campaigns2021().ruleSet("thach-that-cchc-2021");

    @TempDir
    Path root;

    /** Reports of every unit kind and every outcome, made one at a time as they are read; counts how many were made. */
    private static final class Reports implements Iterator<UnitReport> {
        private final Random random = new Random(2021);
        private final int units;
        int made;

        Reports(int units) {
            this.units = units;
        }

        @Override
        public boolean hasNext() {
            return made < units;
        }

        @Override
        public UnitReport next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int i = made++;
            UnitKind kind = UnitKind.values()[random.nextInt(4)];
            UnitReport report = UnitReport.of(new Unit("u" + i, "Đơn vị " + i, kind));
            if (random.nextInt(20) > 0) {
                long surveyed = random.nextInt(200);
                report = report.withSatisfaction(new Satisfaction(surveyed, surveyed - random.nextInt((int) Math.min(surveyed, 12) + 1) / 3));
            }
            long late = random.nextInt(4) == 0 ? random.nextInt(3) : 0;
            report = report.withDossiers(new Dossiers(random.nextInt(50), random.nextInt(500), late, 0));
            long staff = random.nextInt(30);
            report = report.withFrontlineStaff(new StaffTraining(staff, random.nextBoolean() ? staff : staff / 2));
            if (kind != UnitKind.AGENCY) {
                long officials = 1 + random.nextInt(20);
                report = report.withCommuneOfficials(new CommuneOfficials(officials, random.nextBoolean() ? officials : officials - 1))
                        .withPortalPage(random.nextInt(5) > 0);
            }
            return report;
        }
    }

    private static List<UnitReport> all(int units) {
        List<UnitReport> reports = new ArrayList<>();
        new Reports(units).forEachRemaining(reports::add);
        return reports;
    }

    @Test
    void each_chunk_is_the_batch_result_unranked_and_the_ranks_equal_one_batch_evaluation() {
        List<UnitReport> reports = all(4_321);
        EvaluationResult batch = CAMPAIGN.evaluate(reports);
        List<Evaluation> streamed = new ArrayList<>();

        int[] ranks = CAMPAIGN.evaluateInChunks(reports.iterator(), 1_000, chunk -> {
            assertThat(chunk.campaign()).isEqualTo(batch.campaign());
            assertThat(chunk.ruleSetVersion()).isEqualTo(batch.ruleSetVersion());
            streamed.addAll(chunk.evaluations());
        });

        assertThat(ranks).containsExactly(batch.evaluations().stream().mapToInt(Evaluation::rank).toArray());
        assertThat(batch.evaluations()).extracting(Evaluation::rank).contains(1);
        assertThat(streamed).extracting(Evaluation::rank).containsOnly(0);
        List<Evaluation> unranked = batch.evaluations().stream()
                .map(e -> e.withRanking(0, e.grade(), e.rankingGroup(), e.gradeNote())).toList();
        assertThat(streamed).isEqualTo(unranked);
    }

    @Test
    void the_reports_are_read_one_chunk_at_a_time_and_no_result_is_kept_after_it_is_handed_over() {
        int units = 20_000;
        int chunkSize = 1_000;
        Reports reports = new Reports(units);
        List<WeakReference<EvaluationResult>> handedOver = new ArrayList<>();
        int[] counted = {0};

        int[] ranks = CAMPAIGN.evaluateInChunks(reports, chunkSize, chunk -> {
            counted[0] += chunk.evaluations().size();
            // nothing is read ahead: the reports made so far are exactly those of the chunks handed over
            assertThat(reports.made).isEqualTo(counted[0]);
            handedOver.add(new WeakReference<>(chunk));
        });

        assertThat(counted[0]).isEqualTo(units);
        assertThat(ranks).hasSize(units);
        assertThat(handedOver).hasSize(units / chunkSize);
        for (int attempt = 0; attempt < 20 && handedOver.stream().anyMatch(r -> r.get() != null); attempt++) {
            System.gc();
        }
        // the consumer dropped every chunk; had the library kept one (or all results), it would still be reachable
        assertThat(handedOver).allSatisfy(result -> assertThat(result.get()).isNull());
    }

    @Test
    void ranks_are_within_each_ranking_group_as_in_a_batch() throws IOException {
        RuleSet grouped = campaign("""
                rankingGroups:
                  - {id: CO_QUAN, label: Cơ quan chuyên môn, unitKinds: [AGENCY]}
                  - {id: CAP_XA, label: Xã, unitKinds: [COMMUNE, WARD]}
                """);
        List<UnitReport> reports = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String share = String.valueOf((i * 37 % 101) / 100.0);
            reports.add(withIndicator(i % 3 == 0 ? agency("a" + i) : commune("x" + i), "digitizedShare", share));
        }
        EvaluationResult batch = grouped.evaluate(reports);

        int[] ranks = grouped.evaluateInChunks(reports.iterator(), 7, chunk -> { });

        assertThat(ranks).containsExactly(batch.evaluations().stream().mapToInt(Evaluation::rank).toArray());
    }

    @Test
    void a_campaign_that_caps_a_grade_needs_every_unit_at_once_and_says_so() throws IOException {
        RuleSet capped = campaign("gradeCap: {grade: XUAT_SAC, share: 20%}\n");

        assertThatThrownBy(() -> capped.evaluateInChunks(List.of(agency("a")).iterator(), 10, chunk -> { }))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("gradeCap")
                .hasMessageContaining("evaluate(List)");
        assertThatThrownBy(() -> CAMPAIGN.evaluateInChunks(List.<UnitReport>of().iterator(), 0, chunk -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_bad_report_stops_at_its_chunk_after_the_chunks_before_it_were_handed_over() {
        List<UnitReport> reports = all(30);
        reports.set(25, UnitReport.of(new Unit("tu", "Tòa án", UnitKind.SPECIAL_ZONE)));
        List<Integer> sizes = new ArrayList<>();

        assertThatThrownBy(() -> CAMPAIGN.evaluateInChunks(reports.iterator(), 10, chunk -> sizes.add(chunk.evaluations().size())))
                .isInstanceOf(InvalidInputException.class);
        assertThat(sizes).containsExactly(10, 10);
    }

    private RuleSet campaign(String extra) throws IOException {
        Path folder = root.resolve("xep-hang");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("campaign.yaml"), """
                id: xep-hang
                title: Thử xếp hạng
                unitKinds: [AGENCY, COMMUNE, WARD]
                indicators:
                  - {id: digitizedShare, title: Tỷ lệ số hóa, min: 0, max: 1}
                grades:
                  - {code: XUAT_SAC, label: Hoàn thành xuất sắc, minScore: 90}
                  - {code: TOT, label: Hoàn thành tốt, minScore: 70}
                  - {code: CHUA, label: Chưa hoàn thành, minScore: 0}
                """ + extra);
        Files.writeString(folder.resolve("criteria.csv"), """
                Mã,Tiêu chí,Số liệu,Cách chấm,Điểm tối đa
                DIGITIZED,Số hóa,indicators.digitizedShare,tỷ lệ,100
                """);
        return RuleSet.load(folder);
    }
}
