package org.thidua.service;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.thidua.core.RuleLibrary;
import org.thidua.service.http.EvaluationService;
import org.thidua.service.live.LiveCampaigns;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.RoundStore;

/**
 * A real service on a free loopback port, with its history in a real SQLite file (or a real PostgreSQL database, see
 * {@link StoreBackend}). Close it to stop both.
 */
final class RunningService implements AutoCloseable {
    /** The bundled campaigns, compiled once for every test of the run. */
    static final RuleLibrary BUNDLED = RuleLibrary.bundled();

    final EvaluationService service;
    final Api api;
    final Path db;

    private RunningService(EvaluationService service, Path db) {
        this.service = service;
        this.db = db;
        this.api = new Api(service.uri());
    }

    static RunningService start(Path db) {
        return start(db, EvaluationService.Settings.loopback(0), store -> store);
    }

    static RunningService start(Path db, EvaluationService.Settings settings) {
        return start(db, settings, store -> store);
    }

    /** Starts with the store wrapped, for tests that make it fail. */
    static RunningService start(Path db, EvaluationService.Settings settings, UnaryOperator<EvaluationStore> wrap) {
        return start(BUNDLED, db, settings, wrap);
    }

    static RunningService start(RuleLibrary library, Path db, EvaluationService.Settings settings, UnaryOperator<EvaluationStore> wrap) {
        EvaluationStore history = StoreBackend.open(db);
        return new RunningService(EvaluationService.start(new LiveCampaigns(library), wrap.apply(history),
                StoreBackend.openRounds(db, history), settings), db);
    }

    /** Serves live campaigns (watched or not), as {@code thidua serve --rules DIR} does. */
    static RunningService start(LiveCampaigns live, Path db, EvaluationService.Settings settings) {
        EvaluationStore history = StoreBackend.open(db);
        return new RunningService(EvaluationService.start(live, history, StoreBackend.openRounds(db, history), settings), db);
    }

    @Override
    public void close() {
        service.close();
    }
}
