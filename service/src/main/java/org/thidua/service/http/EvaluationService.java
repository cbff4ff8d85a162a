package org.thidua.service.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.service.Json;
import org.thidua.service.live.LiveCampaigns;
import org.thidua.service.report.VietnamTime;
import org.thidua.service.rounds.AssessmentRounds;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.RoundStore;
import org.thidua.service.store.RuleSetVersion;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The HTTP service: JSON contract v1 over Javalin, with the history in an {@link EvaluationStore}. Start one with
 * {@link #start}; {@link #close} stops it and closes the store.
 */
public final class EvaluationService implements AutoCloseable {
    public static final long DEFAULT_MAX_BODY = 4L * 1024 * 1024;
    public static final String OPENAPI = "org/thidua/service/openapi.json";
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationService.class);

    /**
     * @param host         the address to listen on
     * @param port         the port; 0 takes a free one
     * @param maxBodyBytes the largest request body accepted
     * @param tokens       the accepted tokens; none is allowed only on loopback (checked by the caller)
     */
    public record Settings(String host, int port, long maxBodyBytes, AccessTokens tokens) {
        public static Settings loopback(int port) {
            return new Settings("127.0.0.1", port, DEFAULT_MAX_BODY, AccessTokens.none());
        }
    }

    private final Javalin app;
    private final LiveCampaigns live;
    private final EvaluationStore store;
    private final RoundStore rounds;
    private final String host;

    private EvaluationService(Javalin app, LiveCampaigns live, EvaluationStore store, RoundStore rounds, String host) {
        this.app = app;
        this.live = live;
        this.store = store;
        this.rounds = rounds;
        this.host = host;
    }

    /** Serves a library's campaigns; {@code POST …/reload} re-reads them from where the library was read. */
    public static EvaluationService start(RuleLibrary library, EvaluationStore store, Settings settings) {
        return start(new LiveCampaigns(library), store, settings);
    }

    /**
     * Serves the live campaigns (watched or not); {@link #close} closes them too. Every version that goes live, now
     * and at each accepted reload, is kept in the store with its files.
     */
    public static EvaluationService start(LiveCampaigns live, EvaluationStore store, Settings settings) {
        return start(live, store, null, settings);
    }

    /**
     * Serves the live campaigns with the assessment rounds kept in {@code rounds} ({@code null}: no rounds served);
     * {@link #close} closes it too.
     */
    public static EvaluationService start(LiveCampaigns live, EvaluationStore store, RoundStore rounds, Settings settings) {
        EvaluationApi evaluations = new EvaluationApi(live::current, store, settings.maxBodyBytes());
        AssessmentRounds assessment = rounds == null ? null : new AssessmentRounds(live::current, store, rounds, VietnamTime::now);
        CampaignApi campaigns = new CampaignApi(live, store, assessment);
        RuleSetApi ruleSets = new RuleSetApi(live::current, store, settings.maxBodyBytes());
        live.onGoLive(ruleSet -> recordLive(store, ruleSet));
        ReportApi reports = new ReportApi(live::current, store, assessment);
        TemplateApi templates = new TemplateApi(live::current);
        ImportApi imports = new ImportApi(live::current, store, settings.maxBodyBytes(), Path.of(System.getProperty("java.io.tmpdir")));
        RoundApi roundApi = rounds == null ? null : new RoundApi(assessment, live::current, settings.maxBodyBytes());
        AccessControl access = new AccessControl(settings.tokens());
        byte[] openApi = resource(OPENAPI);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            // a known path asked with another method is 405, not 404
            cfg.http.prefer405over404 = true;
            // what Jetty answers by itself (unparseable or ambiguous requests, 414, 431) is problem+json too
            JettyProblems jettyProblems = new JettyProblems();
            cfg.jetty.modifyServer(server -> server.setErrorHandler(jettyProblems));
            cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyProblems));
            // Javalin relaxes Jetty to LEGACY, which lets %u0041, %2F, // and the like through to the routes (and
            // "%u" then fails Javalin's decoding with a 500): no id of the contract needs them, so they are 400
            cfg.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.DEFAULT));
            cfg.routes.beforeMatched(access::authorize);
            cfg.routes.post("/api/v1/evaluations", evaluations::evaluate, Role.EVALUATE);
            cfg.routes.get("/api/v1/evaluations/{id}", evaluations::find, Role.READ);
            cfg.routes.get("/api/v1/units/{unitId}/evaluations", evaluations::history, Role.READ);
            cfg.routes.get("/api/v1/campaigns", campaigns::list, Role.READ);
            cfg.routes.get("/api/v1/campaigns/{id}", campaigns::find, Role.READ);
            cfg.routes.get("/api/v1/campaigns/{id}/ranking", campaigns::ranking, Role.READ);
            cfg.routes.get("/api/v1/campaigns/{id}/commendations", campaigns::commendations, Role.READ);
            cfg.routes.get("/api/v1/campaigns/{id}/commendations.csv", campaigns::commendationsCsv, Role.READ);
            cfg.routes.get("/api/v1/campaigns/{id}/commendations.xlsx", campaigns::commendationsXlsx, Role.READ);
            cfg.routes.post("/api/v1/campaigns/{id}/reload", campaigns::reload, Role.RULES);
            cfg.routes.post("/api/v1/campaigns/{id}/preview", ruleSets::preview, Role.RULES);
            cfg.routes.get("/api/v1/rulesets/{version}", ruleSets::find, Role.READ);
            cfg.routes.post("/api/v1/campaigns/{id}/evaluations", imports::reevaluate, Role.EVALUATE);
            cfg.routes.post("/api/v1/imports/dossiers", imports::dossiers, Role.EVALUATE);
            cfg.routes.post("/api/v1/imports/surveys", imports::surveys, Role.EVALUATE);
            cfg.routes.get("/api/v1/templates/units.csv", templates::csv, Role.READ);
            cfg.routes.get("/api/v1/templates/units.xlsx", templates::xlsx, Role.READ);
            if (roundApi != null) {
                cfg.routes.post("/api/v1/campaigns/{id}/rounds", roundApi::open, Role.EVALUATE);
                cfg.routes.get("/api/v1/campaigns/{id}/rounds", roundApi::list, Role.READ);
                cfg.routes.get("/api/v1/rounds/{roundId}", roundApi::find, Role.READ);
                cfg.routes.post("/api/v1/rounds/{roundId}/units/{unitId}/submissions", roundApi::submit, Role.EVALUATE, Role.UNIT);
                cfg.routes.get("/api/v1/rounds/{roundId}/units/{unitId}", roundApi::unit, Role.READ, Role.UNIT, Role.APPRAISE);
                cfg.routes.post("/api/v1/rounds/{roundId}/units/{unitId}/corrections", roundApi::correct, Role.APPRAISE);
                cfg.routes.post("/api/v1/rounds/{roundId}/close", roundApi::close, Role.EVALUATE);
                cfg.routes.post("/api/v1/rounds/{roundId}/reopen", roundApi::reopen, Role.EVALUATE);
                cfg.routes.post("/api/v1/rounds/{roundId}/deadline", roundApi::deadline, Role.EVALUATE);
                cfg.routes.get("/api/v1/rounds/{roundId}/results", ctx -> roundApi.results(ctx, CommendationList.format(ctx)), Role.READ);
                cfg.routes.get("/api/v1/rounds/{roundId}/commendations", ctx -> roundApi.commendations(ctx, CommendationList.format(ctx)), Role.READ);
                cfg.routes.get("/api/v1/rounds/{roundId}/audit", ctx -> roundApi.audit(ctx, CommendationList.format(ctx)), Role.READ);
                cfg.routes.get("/api/v1/rounds/{roundId}/results.csv", ctx -> roundApi.results(ctx, CommendationList.Format.CSV), Role.READ);
                cfg.routes.get("/api/v1/rounds/{roundId}/results.xlsx", ctx -> roundApi.results(ctx, CommendationList.Format.XLSX), Role.READ);
                cfg.routes.get("/api/v1/rounds/{roundId}/commendations.csv", ctx -> roundApi.commendations(ctx, CommendationList.Format.CSV), Role.READ);
                cfg.routes.get("/api/v1/rounds/{roundId}/commendations.xlsx", ctx -> roundApi.commendations(ctx, CommendationList.Format.XLSX), Role.READ);
                cfg.routes.get("/api/v1/rounds/{roundId}/audit.csv", ctx -> roundApi.audit(ctx, CommendationList.Format.CSV), Role.READ);
                cfg.routes.get("/api/v1/rounds/{roundId}/audit.xlsx", ctx -> roundApi.audit(ctx, CommendationList.Format.XLSX), Role.READ);
            }
            cfg.routes.get("/reports/{campaign}", reports::report, Role.READ);
            cfg.routes.get("/campaigns/{id}", campaigns::page, Role.READ);
            cfg.routes.get("/health", ctx -> health(ctx, live.current(), store));
            cfg.routes.get("/openapi.json", ctx -> {
                JsonResponse.requireAcceptsJson(ctx);
                ctx.contentType(JsonResponse.MEDIA_TYPE).result(openApi);
            });
            ProblemResponses.register(cfg.routes);
        });
        app.start(settings.host(), settings.port());
        return new EvaluationService(app, live, store, rounds, settings.host());
    }

    /**
     * Keeps a rule-set version that has just gone live (its files, its campaign, the time), unless it is kept already.
     * The service calls it at start for every campaign it loaded; whatever replaces a campaign's rules while the service
     * runs (a reload) must call it when the new version goes live. Idempotent; safe from any thread.
     *
     * @return the version as stored, with the time it first went live
     */
    public RuleSetVersion ruleSetWentLive(RuleSet ruleSet) {
        return recordLive(store, ruleSet);
    }

    private static RuleSetVersion recordLive(EvaluationStore store, RuleSet ruleSet) {
        RuleSetVersion stored = store.recordRuleSet(ruleSet);
        LOG.debug("Bộ luật {} {} đang phục vụ, lần đầu từ {} (rule set live)", stored.campaign(), stored.version(), stored.firstLiveAt());
        return stored;
    }

    private static void health(Context ctx, RuleLibrary library, EvaluationStore store) {
        JsonResponse.requireAcceptsJson(ctx);
        ObjectNode body = Json.MAPPER.createObjectNode();
        boolean databaseUp;
        try {
            store.check();
            databaseUp = true;
        } catch (RuntimeException e) {
            String errorId = ProblemResponses.errorId();
            org.slf4j.LoggerFactory.getLogger(EvaluationService.class)
                    .error("Cơ sở dữ liệu không trả lời, mã lỗi {} (health check: the database does not answer)", errorId, e);
            body.put("errorId", errorId);
            databaseUp = false;
        }
        body.put("status", databaseUp ? "UP" : "DOWN");
        body.put("database", databaseUp ? "UP" : "DOWN");
        body.put("campaigns", library.ruleSets().size());
        body.put("unavailableCampaigns", library.problems().size());
        JsonResponse.send(ctx, databaseUp ? 200 : 503, body);
    }

    /** A resource shipped in the jar (the OpenAPI document, the sheet templates), whole. */
    static byte[] resource(String name) {
        try (InputStream in = EvaluationService.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return app.port();
    }

    /** The service's address, for example {@code http://127.0.0.1:7070}. */
    public URI uri() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + port());
    }

    @Override
    public void close() {
        app.stop();
        live.close();
        if (rounds != null) {
            rounds.close();
        }
        store.close();
    }
}
