package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thidua.service.rounds.Actor;
import org.thidua.service.rounds.AssessmentRounds;
import org.thidua.service.rounds.AuditEntry;
import org.thidua.service.rounds.Round;
import org.thidua.service.rounds.RoundException;
import org.thidua.service.rounds.Submission;
import org.thidua.service.rounds.UnitStanding;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.RoundStore;

/**
 * Two instances of the service on one PostgreSQL database, as behind a provincial load balancer: each with its own
 * history pool and its own rounds (which borrow that pool), so nothing in one process serialises the other's writes.
 * Submissions race each other and a close races submissions; whatever wins, the round stays consistent: each unit's
 * submissions are numbered 1, 2, … without a gap or a repeat, every act that was answered is in the audit trail and
 * every refused one is a conflict that stored nothing of the round, and the closed round's results are the standings
 * as they were when it closed.
 */
class RoundsOnOnePostgresTest {
    static final List<String> UNITS = IntStream.rangeClosed(1, 8).mapToObj(i -> "xa-" + i).toList();
    static final Actor OFFICER = Actor.staff("phong-noi-vu");

    TestPostgres.Database database;
    final List<AutoCloseable> open = new ArrayList<>();
    AssessmentRounds a;
    AssessmentRounds b;
    RoundStore rounds;

    @BeforeEach
    void twoInstances() {
        database = TestPostgres.freshDatabase();
        a = instance();
        b = instance();
    }

    AssessmentRounds instance() {
        EvaluationStore history = database.address().open(TestPostgres.PASSWORD);
        RoundStore store = database.address().openRounds(history);
        open.add(store);
        open.add(history);
        rounds = store;
        return new AssessmentRounds(() -> RunningService.BUNDLED, history, store, Instant::now);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        database.close();
    }

    static com.fasterxml.jackson.databind.JsonNode body(String unit, int met) {
        return Json.read("{\"report\": " + Requests.commune(unit, "UBND " + unit, met) + "}");
    }

    /** Runs every act at once (as far as threads allow); answers what each returned, or the conflict it met. */
    static List<Object> together(List<Callable<Object>> acts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(acts.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> running = new ArrayList<>();
            for (Callable<Object> act : acts) {
                running.add(pool.submit(() -> {
                    go.await();
                    try {
                        return act.call();
                    } catch (RoundException e) {
                        assertThat(e.reason()).as(e.getMessage()).isEqualTo(RoundException.Reason.CONFLICT);
                        return e;
                    }
                }));
            }
            go.countDown();
            List<Object> answers = new ArrayList<>();
            for (Future<Object> answer : running) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void two_instances_submitting_for_the_same_units_at_once_number_each_units_submissions_without_gap_or_repeat() throws Exception {
        String round = a.open(Requests.CAMPAIGN, "Năm 2026", "2099-12-31", UNITS, OFFICER).id();
        List<Callable<Object>> acts = new ArrayList<>();
        for (String unit : UNITS) {
            for (AssessmentRounds instance : List.of(a, b, a, b)) {
                acts.add(() -> instance.submit(round, unit, body(unit, 3), OFFICER));
            }
        }
        List<Object> answers = together(acts);

        long answered = answers.stream().filter(x -> x instanceof AssessmentRounds.Submitted).count();
        assertThat(answered).isGreaterThanOrEqualTo(UNITS.size()); // the first of each unit cannot meet a conflict
        List<Submission> stored = rounds.submissions(round, null);
        assertThat(stored).hasSize((int) answered);
        for (String unit : UNITS) {
            List<Submission> own = stored.stream().filter(s -> s.unitId().equals(unit)).toList();
            assertThat(own).extracting(Submission::number).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, own.size()).boxed().toList());
            Submission last = own.stream().filter(s -> s.number() == own.size()).findFirst().orElseThrow();
            assertThat(rounds.standings(round)).contains(new UnitStanding(round, unit, last.evaluationId(), null));
        }
        assertThat(rounds.audit(round, null)).filteredOn(e -> e.action() == AuditEntry.Action.SUBMITTED).hasSize((int) answered);
        assertThat(rounds.audit(round, null)).extracting(AuditEntry::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, (int) answered + 1).boxed().toList());
    }

    @Test
    void a_close_racing_submissions_closes_on_the_standings_it_saw_and_no_submission_lands_after_it() throws Exception {
        String round = a.open(Requests.CAMPAIGN, "Năm 2026", "2099-12-31", UNITS, OFFICER).id();
        a.submit(round, UNITS.get(0), body(UNITS.get(0), 5), OFFICER);
        List<Callable<Object>> acts = new ArrayList<>();
        for (String unit : UNITS) {
            acts.add(() -> a.submit(round, unit, body(unit, 2), OFFICER));
        }
        acts.add(() -> b.close(round, "Hội đồng họp", OFFICER));
        acts.add(() -> b.close(round, "Hội đồng họp", OFFICER));
        List<Object> answers = together(acts);

        if (answers.stream().noneMatch(x -> x instanceof Round)) { // every close met a submission: close now
            b.close(round, "Hội đồng họp", OFFICER);
        }
        assertThat(answers.stream().filter(x -> x instanceof Round)).hasSizeLessThanOrEqualTo(1); // one close wins
        List<AuditEntry> trail = rounds.audit(round, null);
        assertThat(trail).filteredOn(e -> e.action() == AuditEntry.Action.CLOSED).hasSize(1);
        int closedAt = trail.stream().filter(e -> e.action() == AuditEntry.Action.CLOSED).findFirst().orElseThrow().seq();
        assertThat(trail).filteredOn(e -> e.action() == AuditEntry.Action.SUBMITTED).allMatch(e -> e.seq() < closedAt);
        long answered = answers.stream().filter(x -> x instanceof AssessmentRounds.Submitted).count();
        assertThat(rounds.submissions(round, null)).hasSize((int) answered + 1);
        assertThat(trail).filteredOn(e -> e.action() == AuditEntry.Action.SUBMITTED).hasSize((int) answered + 1);

        // The results are those of the standings at the close, read by either instance.
        assertThat(a.results(round).isFinal()).isTrue();
        assertThat(b.results(round).units()).extracting(u -> u.standing().id())
                .containsExactlyInAnyOrderElementsOf(rounds.standings(round).stream().map(UnitStanding::finalEvaluationId).toList());
        assertThat(a.round(round).status()).isEqualTo(Round.Status.CLOSED);
    }
}
