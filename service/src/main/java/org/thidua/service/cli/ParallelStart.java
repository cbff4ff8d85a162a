package org.thidua.service.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thidua.core.Evaluation;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.core.UnitKind;
import org.thidua.core.json.ContractV1;
import org.thidua.service.Json;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.StoreException;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@code thidua serve} does at start beside compiling the campaigns, on other threads, so that a cold start
 * costs the compile and little more: opening the history (SQLite's native library or the PostgreSQL pool, Flyway) and
 * the slowest class initialisations of the HTTP server while the rules compile,
 * and, once they have, one evaluation of each campaign that is neither stored nor answered, while the HTTP server
 * starts, so that the first client does not pay for the first session and the first JSON.
 */
public final class ParallelStart {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelStart.class);

    private ParallelStart() {
    }

    /** Opens (creating and migrating when needed) the history on a thread of its own. */
    static CompletableFuture<EvaluationStore> openStore(DatabaseOption.Database database) {
        CompletableFuture<EvaluationStore> opened = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                opened.complete(database.open());
                Json.MAPPER.canSerialize(Evaluation.class); // builds the serializers of a result, once
                prepareHttpServer();
            } catch (RuntimeException | Error e) {
                opened.completeExceptionally(e);
            }
        }, "thidua-open-db");
        opener.setDaemon(true);
        opener.start();
        return opened;
    }

    /**
     * Runs the two slowest class initialisations of the HTTP server's start ahead of it, while the campaigns still
     * compile: Jetty's table of media types and its memory layout, which starts the JVM's management server (together
     * about a sixth of what the main thread spends starting Jetty and Javalin, in a profile of a cold {@code serve}).
     * The server later finds them done; a class is initialised once, whichever thread comes first.
     */
    private static void prepareHttpServer() {
        org.eclipse.jetty.util.MemoryUtils.getCacheLineBytes();
        new org.eclipse.jetty.http.MimeTypes();
    }

    /** The opened store, or the {@link StoreException} that opening it threw. */
    static EvaluationStore await(CompletableFuture<EvaluationStore> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Closes the store once it is open, when the service will not start after all. */
    static void discard(CompletableFuture<EvaluationStore> opening) {
        try {
            await(opening).close();
        } catch (RuntimeException e) {
            LOG.debug("The store did not open: {}", e.getMessage());
        }
    }

    /** Evaluates one unit with each campaign, on a thread of its own; nothing is stored. Best effort: failures are ignored. */
    static void warmUp(RuleLibrary library) {
        Thread warmer = new Thread(() -> {
            for (RuleSet ruleSet : library.ruleSets().values()) {
                for (UnitKind kind : UnitKind.values()) {
                    try {
                        ObjectNode request = Json.MAPPER.createObjectNode().put("campaign", ruleSet.campaign().id());
                        request.putArray("reports").addObject().putObject("unit")
                                .put("id", "khoi-dong").put("name", "Khởi động").put("kind", kind.name());
                        Evaluation evaluation = ContractV1.read(library, request, null).evaluate().evaluations().get(0);
                        Json.write(evaluation);
                        break;
                    } catch (RuntimeException e) {
                        LOG.debug("Warm-up of {} as {}: {}", ruleSet.campaign().id(), kind, e.getMessage());
                    }
                }
            }
        }, "thidua-warm-up");
        warmer.setDaemon(true);
        warmer.setPriority(Thread.MIN_PRIORITY);
        warmer.start();
    }
}
