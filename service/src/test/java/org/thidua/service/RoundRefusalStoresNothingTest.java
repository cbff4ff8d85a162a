package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thidua.service.rounds.Actor;
import org.thidua.service.rounds.AssessmentRounds;
import org.thidua.service.rounds.RoundException;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.RoundStore;
import org.thidua.service.store.StoredEvaluation;

/**
 * A round write that loses a race to another instance is refused (409) and stores nothing: not the round's rows, and
 * not the evaluation it made of the unit's figures either, which would otherwise be left in the history unlinked to
 * any round and count as the unit's latest result in the campaign's own ranking. The race is made to happen, not
 * hoped for: instance A has read the round and evaluated the unit's report when instance B's submission for the same
 * unit lands, just before A writes.
 */
class RoundRefusalStoresNothingTest {
    static final Actor OFFICER = Actor.staff("phong-noi-vu");
    static final String UNIT = "xa-huong-ngai";

    TestPostgres.Database database;
    final List<AutoCloseable> open = new ArrayList<>();
    EvaluationStore history;

    @BeforeEach
    void database() {
        database = TestPostgres.freshDatabase();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        database.close();
    }

    /** An instance of the service on the database; {@code before} runs once, just before its first round write about an evaluation. */
    AssessmentRounds instance(Runnable before) {
        EvaluationStore store = database.address().open(TestPostgres.PASSWORD);
        RoundStore real = database.address().openRounds(store);
        open.add(real);
        open.add(store);
        history = store;
        AtomicBoolean first = new AtomicBoolean(true);
        RoundStore rounds = (RoundStore) Proxy.newProxyInstance(RoundStore.class.getClassLoader(), new Class<?>[] {RoundStore.class},
                (proxy, method, args) -> {
                    // the round's write begins (with the evaluation stored in it, or after it was stored)
                    if ((method.getName().equals("withEvaluations") || method.getName().equals("submit")) && first.getAndSet(false)) {
                        before.run();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new AssessmentRounds(() -> RunningService.BUNDLED, store, rounds, Instant::now);
    }

    @Test
    void a_submission_that_lost_the_race_leaves_no_evaluation_behind() {
        AssessmentRounds b = instance(() -> { });
        String[] round = new String[1];
        AssessmentRounds a = instance(() -> b.submit(round[0], UNIT, RoundsOnOnePostgresTest.body(UNIT, 5), OFFICER));
        round[0] = a.open(Requests.CAMPAIGN, "Năm 2026", "2099-12-31", List.of(UNIT), OFFICER).id();

        assertThatThrownBy(() -> a.submit(round[0], UNIT, RoundsOnOnePostgresTest.body(UNIT, 1), OFFICER))
                .isInstanceOfSatisfying(RoundException.class, e -> assertThat(e.reason()).isEqualTo(RoundException.Reason.CONFLICT));

        String won = a.results(round[0]).units().get(0).self().id();
        assertThat(history.history(UNIT, null, 10, 0).items()).extracting(StoredEvaluation::id).containsExactly(won);
        assertThat(history.latestPerUnit(Requests.CAMPAIGN)).isEmpty();
    }

    @Test
    void a_correction_that_lost_the_race_leaves_no_appraised_evaluation_behind() {
        AssessmentRounds b = instance(() -> { });
        String round = b.open(Requests.CAMPAIGN, "Năm 2026", "2099-12-31", List.of(UNIT), OFFICER).id();
        b.submit(round, UNIT, RoundsOnOnePostgresTest.body(UNIT, 3), OFFICER);
        AssessmentRounds a = instance(() -> b.submit(round, UNIT, RoundsOnOnePostgresTest.body(UNIT, 4), OFFICER));

        assertThatThrownBy(() -> a.correctFigure(round, UNIT, "portalPage", com.fasterxml.jackson.databind.node.BooleanNode.TRUE,
                "Cổng đã hoạt động", OFFICER))
                .isInstanceOfSatisfying(RoundException.class, e -> assertThat(e.reason()).isEqualTo(RoundException.Reason.CONFLICT));

        assertThat(a.results(round).units().get(0).appraised()).isNull();
        assertThat(history.history(UNIT, null, 10, 0).items()).extracting(StoredEvaluation::id)
                .containsExactlyInAnyOrderElementsOf(b.unit(round, UNIT, OFFICER).submissions().stream()
                        .map(org.thidua.service.rounds.Submission::evaluationId).toList());
    }
}
