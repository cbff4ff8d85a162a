package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.thidua.core.Evaluation;
import org.thidua.core.Finding;
import org.thidua.core.Status;
import org.thidua.core.UnitKind;
import org.thidua.service.imports.ImportedUnit;
import org.thidua.service.imports.Period;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.FindingCounts;
import org.thidua.service.store.NewFigures;
import org.thidua.service.store.NewRequest;
import org.thidua.service.store.Page;
import org.thidua.service.store.RuleSetVersion;
import org.thidua.service.store.StoreException;
import org.thidua.service.store.StoredEvaluation;
import org.thidua.service.store.StoredRequest;

/**
 * What every {@link EvaluationStore} does, whatever the database: the specification of a storage backend. Each
 * subclass opens its own kind of store; each test gets a new, empty history ({@link #open}), and {@link #reopen}
 * opens that same history again, as a restarted service would.
 */
abstract class EvaluationStoreContract {
    static final String VERSION = "sha256:" + "0".repeat(64);

    /** A new, empty history for this test. */
    abstract EvaluationStore open();

    /** The history {@link #open} made, opened again. */
    abstract EvaluationStore reopen();

    static NewRequest request(String unitId, String unitName) {
        return new NewRequest(Requests.CAMPAIGN, VERSION, "test", List.of(
                new NewRequest.Unit(unitId, unitName, "COMMUNE", "{}", "{}", 60, 60, 100, "HOAN_THANH", 1)));
    }

    @Test
    void a_new_history_is_empty_and_answers() {
        try (EvaluationStore store = open()) {
            assertThat(store.isEmpty()).isTrue();
            store.check();
            store.save(request("xa-a", "UBND xã Yên Bình"));
            assertThat(store.isEmpty()).isFalse();
        }
    }

    @Test
    void reopening_keeps_its_rows() {
        String id;
        try (EvaluationStore store = open()) {
            id = store.save(request("xa-a", "UBND xã Yên Bình")).evaluations().get(0).id();
        }
        try (EvaluationStore store = reopen()) {
            assertThat(store.find(id)).hasValueSatisfying(e -> assertThat(e.unitName()).isEqualTo("UBND xã Yên Bình"));
        }
    }

    @Test
    void a_write_that_fails_is_refused_alone_and_the_store_goes_on() {
        try (EvaluationStore store = open()) {
            assertThatThrownBy(() -> store.save(request("xa-a", null))).isInstanceOf(StoreException.class);

            StoredRequest next = store.save(request("xa-b", "UBND xã Tân Xã"));

            assertThat(store.find(next.evaluations().get(0).id())).isPresent();
            assertThat(store.history("xa-a", null, 10, 0).total()).isZero();
        }
    }

    @Test
    void report_and_result_json_are_stored_as_text_exactly() {
        String report = "{\"unit\": {\"id\": \"xa-a\", \"name\": \"UBND xã Yên Bình \\u0111 \\\"ngoặc\\\" 😀\"}}";
        String result = "{\"message\":\"Tỷ lệ hài lòng 95,5% (đạt ≥ 90%)\",\"score\":80.0}";
        try (EvaluationStore store = open()) {
            String id = store.save(new NewRequest(Requests.CAMPAIGN, VERSION, "test", List.of(
                    new NewRequest.Unit("xa-a", "UBND xã Yên Bình", "COMMUNE", report, result, 80, 80, 100, "HOAN_THANH_TOT", 1))))
                    .evaluations().get(0).id();
            assertThat(store.find(id)).hasValueSatisfying(e -> {
                assertThat(e.reportJson()).isEqualTo(report);
                assertThat(e.resultJson()).isEqualTo(result);
                assertThat(e.points()).isEqualTo(80.0);
            });
        }
    }

    @Test
    void a_units_history_is_newest_first_paged_and_filtered_by_campaign() {
        try (EvaluationStore store = open()) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(store.save(request("xa-a", "UBND xã Yên Bình " + i)).evaluations().get(0).id());
            }
            store.save(new NewRequest("khac", VERSION, "test", List.of(
                    new NewRequest.Unit("xa-a", "Khác", "COMMUNE", "{}", "{}", 1, 1, 2, "X", 1))));

            Page<StoredEvaluation> page = store.history("xa-a", Requests.CAMPAIGN, 2, 1);
            assertThat(page.total()).isEqualTo(5);
            assertThat(page.items()).extracting(StoredEvaluation::id).containsExactly(ids.get(3), ids.get(2));
            assertThat(store.history("xa-a", null, 10, 0).total()).isEqualTo(6);
            assertThat(store.history("xa-khong-co", null, 10, 0).items()).isEmpty();
        }
    }

    @Test
    void the_latest_evaluation_of_each_unit_in_the_order_stored() {
        try (EvaluationStore store = open()) {
            store.save(request("xa-a", "A cũ"));
            store.save(request("xa-b", "B"));
            String latestA = store.save(request("xa-a", "A mới")).evaluations().get(0).id();

            List<StoredEvaluation> latest = store.latestPerUnit(Requests.CAMPAIGN);

            assertThat(latest).extracting(StoredEvaluation::unitName).containsExactly("B", "A mới");
            assertThat(latest.get(1).id()).isEqualTo(latestA);
            assertThat(store.latestPerUnit("khong-co")).isEmpty();
        }
    }

    @Test
    void a_rule_set_version_is_kept_once_with_its_files_and_first_live_time() {
        var ruleSet = RunningService.BUNDLED.ruleSet(Requests.CAMPAIGN);
        try (EvaluationStore store = open()) {
            RuleSetVersion first = store.recordRuleSet(ruleSet);
            RuleSetVersion again = store.recordRuleSet(ruleSet);

            assertThat(again.firstLiveAt()).isEqualTo(first.firstLiveAt());
            assertThat(store.ruleSet(ruleSet.version())).hasValueSatisfying(kept -> {
                assertThat(kept.files()).isEqualTo(ruleSet.ruleFiles());
                assertThat(kept.tests()).isEqualTo(ruleSet.testFiles());
                assertThat(kept.campaign()).isEqualTo(Requests.CAMPAIGN);
            });
            assertThat(store.ruleSet("sha256:khong-co")).isEmpty();
        }
    }

    @Test
    void evaluations_bring_their_rules_in_the_same_transaction() {
        RuleSetVersion rules = RuleSetVersion.of(RunningService.BUNDLED.ruleSet(Requests.CAMPAIGN));
        try (EvaluationStore store = open()) {
            for (String unit : List.of("xa-a", "xa-b")) {
                store.save(new NewRequest(Requests.CAMPAIGN, rules.version(), "test", List.of(
                        new NewRequest.Unit(unit, "UBND " + unit, "COMMUNE", "{}", "{}", 60, 60, 100, "HOAN_THANH", 1)), rules));
            }
            assertThat(store.ruleSet(rules.version())).hasValueSatisfying(kept -> assertThat(kept.files()).isEqualTo(rules.files()));
        }
    }

    @Test
    void imported_figures_in_force_are_each_units_latest_of_exactly_that_period() {
        Period year = new Period(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));
        Period half = new Period(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 6, 30));
        try (EvaluationStore store = open()) {
            store.saveFigures(new NewFigures("dossiers", year, "test", 3, 0, List.of(
                    new ImportedUnit("xa-b", "B", UnitKind.COMMUNE, 2, Map.of("early", 1L)),
                    new ImportedUnit("xa-a", null, null, 3, Map.of("early", 2L)))));
            store.saveFigures(new NewFigures("dossiers", year, "test", 1, 0, List.of(
                    new ImportedUnit("xa-a", "A", UnitKind.COMMUNE, 2, Map.of("early", 7L)))));
            store.saveFigures(new NewFigures("dossiers", half, "test", 1, 0, List.of(
                    new ImportedUnit("xa-a", "A", UnitKind.COMMUNE, 2, Map.of("early", 99L)))));

            List<ImportedUnit> units = store.figures("dossiers", year);

            assertThat(units).extracting(ImportedUnit::id).containsExactly("xa-a", "xa-b");
            assertThat(units.get(0).counts()).containsEntry("early", 7L);
            assertThat(units.get(1).kind()).isEqualTo(UnitKind.COMMUNE);
            assertThat(store.figures("satisfaction", year)).isEmpty();
        }
    }

    @Test
    void the_exact_counts_of_a_share_read_back_and_rows_without_them_still_do() {
        Finding share = new Finding("dung-han", Status.MET, 0.99145, 0.95, 20, 20, "Đúng hạn", "1.507/1.520", "r.drl: r",
                1507L, 1520L);
        Finding plain = new Finding("diem", Status.MET, 4.0, null, 0, 0, "Điểm", "4", "r.drl: s");
        Evaluation evaluation = new Evaluation("xa-a", "A", UnitKind.COMMUNE, 20, "X", 1, List.of(share, plain));
        try (EvaluationStore store = open()) {
            String withCounts = store.save(new NewRequest(Requests.CAMPAIGN, VERSION, "test", List.of(new NewRequest.Unit(
                    "xa-a", "A", "COMMUNE", "{}", Json.write(evaluation), 20, 20, 20, "X", 1, FindingCounts.of(evaluation)))))
                    .evaluations().get(0).id();
            String without = store.save(new NewRequest(Requests.CAMPAIGN, VERSION, "test", List.of(new NewRequest.Unit(
                    "xa-b", "B", "COMMUNE", "{}", Json.write(evaluation), 20, 20, 20, "X", 1))))
                    .evaluations().get(0).id();

            Finding read = store.find(withCounts).orElseThrow().evaluation().findings().get(0);
            assertThat(read.part()).isEqualTo(1507L);
            assertThat(read.whole()).isEqualTo(1520L);
            assertThat(store.find(withCounts).orElseThrow().evaluation().findings().get(1).part()).isNull();
            Finding old = store.find(without).orElseThrow().evaluation().findings().get(0);
            assertThat(old.part()).isNull();
            assertThat(old.actual()).isEqualTo(0.99145);
        }
    }

    @Test
    void concurrent_writers_are_all_stored() throws Exception {
        int threads = 8;
        int each = 10;
        try (EvaluationStore store = open()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<String>> saved = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < each; i++) {
                    String unit = "xa-" + t + "-" + i;
                    saved.add(pool.submit(() -> store.save(request(unit, "UBND " + unit)).evaluations().get(0).id()));
                }
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            for (Future<String> id : saved) {
                assertThat(store.find(id.get())).isPresent();
            }
            assertThat(store.latestPerUnit(Requests.CAMPAIGN)).hasSize(threads * each);
        }
    }

    @Test
    void a_closed_store_refuses_writes() {
        EvaluationStore store = open();
        store.close();

        assertThatThrownBy(() -> store.save(request("xa-a", "A"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void history_pages_by_keyset_and_new_rows_do_not_shift_pages_already_read() {
        try (EvaluationStore store = open()) {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(0, store.save(request("xa-a", "UBND xã Yên Bình")).evaluations().get(0).id()); // newest first
            }
            store.save(request("xa-b", "UBND xã Tân Xã"));
            var first = store.historyAfter("xa-a", Requests.CAMPAIGN, null, 2);
            assertThat(first.items()).extracting(StoredEvaluation::id).containsExactlyElementsOf(ids.subList(0, 2));
            assertThat(first.total()).isEqualTo(5);
            store.save(request("xa-a", "UBND xã Yên Bình")); // a newer one: the next pages stay where they were
            var second = store.historyAfter("xa-a", Requests.CAMPAIGN, first.next(), 2);
            assertThat(second.items()).extracting(StoredEvaluation::id).containsExactlyElementsOf(ids.subList(2, 4));
            var last = store.historyAfter("xa-a", null, second.next(), 2);
            assertThat(last.items()).extracting(StoredEvaluation::id).containsExactly(ids.get(4));
            assertThat(last.next()).isNull();
            assertThatThrownBy(() -> store.historyAfter("xa-a", null, "x1", 2)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void standings_are_the_latest_per_unit_without_bodies_and_bodies_come_by_id_in_the_order_asked() {
        try (EvaluationStore store = open()) {
            store.save(request("xa-a", "UBND xã Yên Bình"));
            store.save(request("xa-b", "UBND xã Tân Xã"));
            store.save(request("xa-a", "UBND xã Yên Bình"));
            List<StoredEvaluation> latest = store.latestPerUnit(Requests.CAMPAIGN);
            List<StoredEvaluation> standings = store.latestStandings(Requests.CAMPAIGN);
            assertThat(standings).extracting(StoredEvaluation::id).containsExactlyElementsOf(latest.stream().map(StoredEvaluation::id).toList());
            assertThat(standings).allSatisfy(e -> {
                assertThat(e.reportJson()).isNull();
                assertThat(e.resultJson()).isNull();
            });
            List<String> reversed = List.of(latest.get(1).id(), "khong-co", latest.get(0).id());
            assertThat(store.evaluations(reversed)).extracting(StoredEvaluation::id).containsExactly(latest.get(1).id(), latest.get(0).id());
            assertThat(store.evaluations(reversed).get(0).resultJson()).isEqualTo("{}");
        }
    }
}
