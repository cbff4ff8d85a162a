package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.service.http.EvaluationApi;
import org.thidua.service.rounds.AuditEntry;
import org.thidua.service.rounds.Correction;
import org.thidua.service.rounds.Evidence;
import org.thidua.service.rounds.Round;
import org.thidua.service.rounds.Submission;
import org.thidua.service.rounds.UnitStanding;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.RoundChangedException;
import org.thidua.service.store.RoundStore;
import org.thidua.service.store.StoreException;

/**
 * What a {@link RoundStore} must do, whatever the database: every row reads back as written (nulls, dates, the
 * evidence's order), a unit's standing is replaced, not added, the audit trail is numbered per round in order, and
 * a write that breaks a constraint leaves nothing behind. Runs on SQLite here; a store for another database extends
 * it with its own {@link #open}.
 */
abstract class RoundStoreContractTest {
    static final Instant T0 = Instant.parse("2026-12-10T03:00:00Z");

    @TempDir
    Path dir;
    EvaluationStore evaluations;
    RoundStore store;
    String evaluationA;
    String evaluationB;

    /** The evaluation store and the round store of one fresh database. */
    abstract EvaluationStore openEvaluations(Path dir);

    abstract RoundStore open(Path dir);

    @BeforeEach
    void openStores() {
        evaluations = openEvaluations(dir);
        store = open(dir);
        List<String> ids = EvaluationApi.evaluateAndStore(RunningService.BUNDLED, evaluations, Requests.request(
                Requests.commune("xa-a", "UBND xã A", 3), Requests.commune("xa-b", "UBND xã B", 5)).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "test").evaluations().stream().map(e -> e.id()).toList();
        evaluationA = ids.get(0);
        evaluationB = ids.get(1);
    }

    @AfterEach
    void close() {
        store.close();
        evaluations.close();
    }

    static Round round(String id, Instant openedAt) {
        return new Round(id, Requests.CAMPAIGN, "Năm 2026 (" + id + ")", Instant.parse("2026-12-15T16:59:59.999Z"), Round.Status.OPEN,
                List.of("xa-a", "xa-b"), openedAt, "phong-noi-vu", null, null, null);
    }

    static AuditEntry entry(String round, AuditEntry.Action action, String unit, String reason) {
        return new AuditEntry(round, 0, T0, "ai-do", action, unit, "chi tiết " + action, reason);
    }

    @Test
    void rounds_read_back_as_opened_the_latest_first_and_closing_keeps_who_when_and_the_versions() {
        store.open(round("r1", T0), entry("r1", AuditEntry.Action.OPENED, "", ""));
        store.open(round("r2", T0.plusSeconds(60)), entry("r2", AuditEntry.Action.OPENED, "", ""));

        assertThat(store.rounds(Requests.CAMPAIGN)).extracting(Round::id).containsExactly("r2", "r1");
        assertThat(store.rounds("khac")).isEmpty();
        assertThat(store.round("r1")).contains(round("r1", T0));
        assertThat(store.round("khong-co")).isEmpty();

        Round closed = new Round("r1", Requests.CAMPAIGN, "Năm 2026 (r1)", round("r1", T0).deadline(), Round.Status.CLOSED,
                List.of("xa-a", "xa-b"), T0, "phong-noi-vu", T0.plusSeconds(3600), "chu-tich", "v1, v2");
        store.close(round("r1", T0), closed, List.of(), entry("r1", AuditEntry.Action.CLOSED, "", "Hội đồng họp"));
        assertThat(store.round("r1")).contains(closed);
    }

    @Test
    void submissions_keep_their_evidence_in_order_and_the_standing_is_replaced() {
        store.open(round("r1", T0), entry("r1", AuditEntry.Action.OPENED, "", ""));
        List<Evidence> evidence = List.of(
                new Evidence("SATISFACTION", "12", "BC-UBND", LocalDate.of(2026, 11, 20), "Báo cáo khảo sát", "https://x.invalid/a"),
                new Evidence("PORTAL_PAGE", "3", "TB-UBND", LocalDate.of(2026, 10, 1), "Thông báo", null));
        Submission first = new Submission("s1", "r1", "xa-a", 1, T0, "xa-a", evaluationA, evidence);
        store.submit(round("r1", T0), first, new UnitStanding("r1", "xa-a", evaluationA, null), entry("r1", AuditEntry.Action.SUBMITTED, "xa-a", ""));
        Submission second = new Submission("s2", "r1", "xa-a", 2, T0.plusSeconds(5), "xa-a", evaluationB, evidence.subList(0, 1));
        store.submit(round("r1", T0), second, new UnitStanding("r1", "xa-a", evaluationB, null), entry("r1", AuditEntry.Action.SUBMITTED, "xa-a", ""));

        assertThat(store.submissions("r1", "xa-a")).containsExactly(first, second);
        assertThat(store.submissions("r1", null)).containsExactly(first, second);
        assertThat(store.submissions("r1", "xa-b")).isEmpty();
        assertThat(store.standings("r1")).containsExactly(new UnitStanding("r1", "xa-a", evaluationB, null));

        Correction figure = new Correction("c1", "r1", "xa-a", 1, Correction.Kind.FIGURE, "s2", "satisfaction.satisfied", "191", "150",
                null, "Biên bản", T0.plusSeconds(10), "tham-dinh", evaluationA);
        Correction rejected = new Correction("c2", "r1", "xa-a", 2, Correction.Kind.EVIDENCE, "s2", null, null, null, 0,
                "Không có chữ ký", T0.plusSeconds(20), "tham-dinh", null);
        store.correct(round("r1", T0), figure, new UnitStanding("r1", "xa-a", evaluationB, evaluationA), entry("r1", AuditEntry.Action.CORRECTED, "xa-a", "Biên bản"));
        store.correct(round("r1", T0), rejected, new UnitStanding("r1", "xa-a", evaluationB, evaluationA),
                entry("r1", AuditEntry.Action.EVIDENCE_REJECTED, "xa-a", "Không có chữ ký"));
        assertThat(store.corrections("r1", "xa-a")).containsExactly(figure, rejected);
        assertThat(store.corrections("r1", "xa-b")).isEmpty();
        assertThat(store.standings("r1")).containsExactly(new UnitStanding("r1", "xa-a", evaluationB, evaluationA));
    }

    @Test
    void the_audit_trail_is_numbered_per_round_and_read_whole_or_per_unit() {
        store.open(round("r1", T0), entry("r1", AuditEntry.Action.OPENED, "", ""));
        store.open(round("r2", T0), entry("r2", AuditEntry.Action.OPENED, "", ""));
        store.record(entry("r1", AuditEntry.Action.REFUSED, "xa-b", ""));
        store.submit(round("r1", T0), new Submission("s1", "r1", "xa-a", 1, T0, "xa-a", evaluationA, List.of()),
                new UnitStanding("r1", "xa-a", evaluationA, null), entry("r1", AuditEntry.Action.SUBMITTED, "xa-a", ""));

        assertThat(store.audit("r1", null)).extracting(AuditEntry::seq, AuditEntry::action, AuditEntry::unitId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, AuditEntry.Action.OPENED, ""),
                org.assertj.core.groups.Tuple.tuple(2, AuditEntry.Action.REFUSED, "xa-b"),
                org.assertj.core.groups.Tuple.tuple(3, AuditEntry.Action.SUBMITTED, "xa-a"));
        assertThat(store.audit("r1", "xa-a")).extracting(AuditEntry::seq).containsExactly(3);
        assertThat(store.audit("r2", null)).extracting(AuditEntry::seq).containsExactly(1);
        assertThat(store.audit("r1", null).get(0)).isEqualTo(new AuditEntry("r1", 1, T0, "ai-do", AuditEntry.Action.OPENED, "",
                "chi tiết OPENED", ""));
    }

    @Test
    void a_write_that_breaks_a_constraint_leaves_nothing_behind() {
        store.open(round("r1", T0), entry("r1", AuditEntry.Action.OPENED, "", ""));
        Submission toNowhere = new Submission("s1", "r1", "xa-a", 1, T0, "xa-a", "no-such-evaluation", List.of());

        assertThatThrownBy(() -> store.submit(round("r1", T0), toNowhere, new UnitStanding("r1", "xa-a", evaluationA, null),
                entry("r1", AuditEntry.Action.SUBMITTED, "xa-a", ""))).isInstanceOf(StoreException.class);
        assertThat(store.submissions("r1", null)).isEmpty();
        assertThat(store.standings("r1")).isEmpty();
        assertThat(store.audit("r1", null)).hasSize(1);
        assertThatThrownBy(() -> store.open(round("r1", T0), entry("r1", AuditEntry.Action.OPENED, "", "")))
                .isInstanceOf(RoundChangedException.class); // a second round of the period
        assertThat(store.audit("r1", null)).hasSize(1);
    }

    @Test
    void a_write_on_a_round_that_changed_since_it_was_read_is_refused_and_stores_nothing() {
        Round open = round("r1", T0);
        store.open(open, entry("r1", AuditEntry.Action.OPENED, "", ""));
        Submission first = new Submission("s1", "r1", "xa-a", 1, T0, "xa-a", evaluationA, List.of());
        store.submit(open, first, new UnitStanding("r1", "xa-a", evaluationA, null), entry("r1", AuditEntry.Action.SUBMITTED, "xa-a", ""));

        // The unit's number 1 is taken: a second submission read before the first was stored is refused.
        Submission alsoFirst = new Submission("s2", "r1", "xa-a", 1, T0, "xa-a", evaluationB, List.of());
        assertThatThrownBy(() -> store.submit(open, alsoFirst, new UnitStanding("r1", "xa-a", evaluationB, null),
                entry("r1", AuditEntry.Action.SUBMITTED, "xa-a", ""))).isInstanceOf(RoundChangedException.class);
        // A correction of a submission that is no longer the latest is refused.
        Submission second = new Submission("s2", "r1", "xa-a", 2, T0, "xa-a", evaluationB, List.of());
        store.submit(open, second, new UnitStanding("r1", "xa-a", evaluationB, null), entry("r1", AuditEntry.Action.SUBMITTED, "xa-a", ""));
        Correction ofFirst = new Correction("c1", "r1", "xa-a", 1, Correction.Kind.FIGURE, "s1", "portalPage", "true", "false", null,
                "Biên bản", T0, "tham-dinh", evaluationA);
        assertThatThrownBy(() -> store.correct(open, ofFirst, new UnitStanding("r1", "xa-a", evaluationA, evaluationA),
                entry("r1", AuditEntry.Action.CORRECTED, "xa-a", "Biên bản"))).isInstanceOf(RoundChangedException.class);
        // Closing on standings that changed since they were read is refused.
        Round closed = new Round("r1", Requests.CAMPAIGN, open.period(), open.deadline(), Round.Status.CLOSED, open.expectedUnits(), T0,
                "phong-noi-vu", T0, "chu-tich", "v1");
        assertThatThrownBy(() -> store.close(open, closed, List.of(new UnitStanding("r1", "xa-a", evaluationA, null)),
                entry("r1", AuditEntry.Action.CLOSED, "", ""))).isInstanceOf(RoundChangedException.class);
        store.close(open, closed, store.standings("r1"), entry("r1", AuditEntry.Action.CLOSED, "", ""));
        // Once closed, a submission or a deadline change decided on the open round is refused.
        Submission late = new Submission("s3", "r1", "xa-b", 1, T0, "xa-b", evaluationB, List.of());
        assertThatThrownBy(() -> store.submit(open, late, new UnitStanding("r1", "xa-b", evaluationB, null),
                entry("r1", AuditEntry.Action.SUBMITTED, "xa-b", ""))).isInstanceOf(RoundChangedException.class);
        Round moved = new Round("r1", Requests.CAMPAIGN, open.period(), T0, Round.Status.OPEN, open.expectedUnits(), T0, "phong-noi-vu",
                null, null, null);
        assertThatThrownBy(() -> store.change(open, moved, entry("r1", AuditEntry.Action.DEADLINE_CHANGED, "", "Rút ngắn")))
                .isInstanceOf(RoundChangedException.class);

        assertThat(store.round("r1")).contains(closed);
        assertThat(store.submissions("r1", null)).containsExactly(first, second);
        assertThat(store.corrections("r1", null)).isEmpty();
        assertThat(store.standings("r1")).containsExactly(new UnitStanding("r1", "xa-a", evaluationB, null));
        assertThat(store.audit("r1", null)).extracting(AuditEntry::action).containsExactly(AuditEntry.Action.OPENED,
                AuditEntry.Action.SUBMITTED, AuditEntry.Action.SUBMITTED, AuditEntry.Action.CLOSED);
    }
}
