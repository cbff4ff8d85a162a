package org.thidua.service.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.thidua.core.Campaign;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleProblem;
import org.thidua.core.RuleSet;
import org.thidua.core.RuleTests;
import org.thidua.core.UnitKind;
import org.thidua.service.Json;
import org.thidua.service.live.LiveCampaigns;
import org.thidua.service.report.CampaignPage;
import org.thidua.service.rounds.AssessmentRounds;
import org.thidua.service.rounds.RoundSections;
import org.thidua.service.report.Ranking;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.StoredEvaluation;
import org.thidua.service.store.Timestamps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

/**
 * {@code GET /api/v1/campaigns}, {@code /campaigns/{id}}, {@code /campaigns/{id}/ranking} and
 * {@code /campaigns/{id}/commendations}, and {@code POST /campaigns/{id}/reload}.
 */
public final class CampaignApi {
    private final LiveCampaigns live;
    private final EvaluationStore store;
    /** The assessment rounds the staff page lists; {@code null} when the service keeps none. */
    private final AssessmentRounds rounds;

    CampaignApi(LiveCampaigns live, EvaluationStore store) {
        this(live, store, null);
    }

    CampaignApi(LiveCampaigns live, EvaluationStore store, AssessmentRounds rounds) {
        this.live = live;
        this.store = store;
        this.rounds = rounds;
    }

    void list(Context ctx) {
        RuleLibrary library = live.current();
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("defaultCampaign", library.defaultCampaign().orElse(null));
        ArrayNode campaigns = response.putArray("campaigns");
        library.ruleSets().values().forEach(ruleSet -> campaigns.add(describe(ruleSet, live.refusedEdit(ruleSet.campaign().id()))));
        ArrayNode unavailable = response.putArray("unavailable");
        for (Map.Entry<String, List<RuleProblem>> entry : library.problems().entrySet()) {
            ObjectNode item = unavailable.addObject();
            item.put("id", entry.getKey());
            problems(item.putArray("problems"), entry.getValue());
        }
        JsonResponse.send(ctx, 200, response);
    }

    void find(Context ctx) {
        String id = ctx.pathParam("id");
        JsonResponse.send(ctx, 200, describe(ruleSet(id), live.refusedEdit(id)));
    }

    /**
     * {@code GET /campaigns/{id}}: the page staff open after saving a rule file: the live version and since when, its
     * criteria, its rule tests run now, and the last refused edit with every problem at {@code file:line:column}.
     */
    void page(Context ctx) {
        String id = ctx.pathParam("id");
        RuleSet ruleSet = ruleSet(id);
        CampaignPage.Refused refused = live.refusedEdit(id).map(edit -> new CampaignPage.Refused(edit.at(), edit.versionAttempted(),
                edit.problems(), edit.failedTests().stream().map(t -> t.file() + ":" + t.line() + " " + t.name() + ": "
                        + String.join("; ", t.failures())).toList())).orElse(null);
        ctx.status(200);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        String page = CampaignPage.render(ruleSet, RuleTests.run(ruleSet), refused);
        ctx.result(rounds == null ? page : RoundSections.insert(page, RoundSections.rounds(rounds.overview(id))));
    }

    /**
     * {@code POST /api/v1/campaigns/{id}/reload}: re-reads the campaign's folder now; 200 with the version live
     * after it (new or unchanged), 422 with every problem and failed rule test when refused, 404 when there is no
     * such campaign folder.
     */
    void reload(Context ctx) {
        String id = ctx.pathParam("id");
        LiveCampaigns.Reload reload = live.reload(id);
        switch (reload.outcome()) {
            case UNKNOWN -> throw ProblemException.notFound("Không có thư mục chiến dịch '" + id
                    + "' (có campaign.yaml) trong thư mục luật của dịch vụ (no such campaign folder in the service's rules directory)");
            case REFUSED -> {
                LiveCampaigns.RefusedEdit refused = reload.refused();
                throw new ProblemException(422, "rules-refused",
                        "Bản sửa bộ luật bị từ chối, phiên bản đang chạy vẫn phục vụ (edit refused; the live version keeps serving)",
                        refused.problems().size() + " lỗi, " + refused.failedTests().size() + " ca kiểm thử không đạt; phiên bản đang phục vụ: "
                                + (refused.liveVersion() == null ? "chưa có" : refused.liveVersion()) + " (" + refused.problems().size()
                                + " problems, " + refused.failedTests().size() + " failed rule tests; live version: "
                                + (refused.liveVersion() == null ? "none" : refused.liveVersion()) + ")",
                        items(refused), java.util.Map.of());
            }
            default -> {
                ObjectNode response = Json.MAPPER.createObjectNode();
                response.put("campaign", id);
                response.put("outcome", reload.outcome().name());
                response.put("ruleSetVersion", reload.live().version());
                response.put("previousVersion", reload.previousVersion());
                response.put("loadedAt", Timestamps.format(reload.live().loadedAt()));
                response.put("testCases", reload.testCases());
                JsonResponse.send(ctx, 200, response);
            }
        }
    }

    /**
     * One page of the ranking: at most {@code limit} units ({@value #RANKING_LIMIT} by default, at most
     * {@value #RANKING_MAX_LIMIT}) after {@code cursor}, ranked from rows without bodies; {@code next} continues.
     */
    void ranking(Context ctx) {
        RuleSet ruleSet = ruleSet(ctx.pathParam("id"));
        int limit = EvaluationApi.intParameter(ctx, "limit", RANKING_LIMIT, 1, RANKING_MAX_LIMIT);
        String cursor = Cursor.decode(ctx);
        List<Ranking.Place> ranked = Ranking.rank(store.latestStandings(ruleSet.campaign().id()));
        int from = cursor == null ? 0 : after(ranked, cursor, ctx.queryParam("cursor"));
        List<Ranking.Place> page = ranked.subList(from, Math.min(ranked.size(), from + limit));
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("campaign", ruleSet.campaign().id());
        response.put("title", ruleSet.campaign().title());
        response.put("total", ranked.size());
        response.put("limit", limit);
        ArrayNode units = response.putArray("units");
        for (Ranking.Place place : page) {
            StoredEvaluation e = place.evaluation();
            ObjectNode unit = units.addObject();
            unit.put("rank", place.rank());
            EvaluationApi.unitAndScore(unit, e);
            unit.put("gradeLabel", ruleSet.campaign().grade(e.grade()).map(Campaign.GradeBand::label).orElse(e.grade()));
            unit.put("evaluationId", e.id());
            unit.put("ruleSetVersion", e.ruleSetVersion());
            unit.put("createdAt", Timestamps.format(e.createdAt()));
        }
        if (from + page.size() < ranked.size()) {
            StoredEvaluation last = page.get(page.size() - 1).evaluation();
            String next = Cursor.encode(Json.MAPPER.createArrayNode().add(page.get(page.size() - 1).rank()).add(last.unitName())
                    .add(last.unitId()).toString());
            EvaluationApi.next(ctx, response, next, "/api/v1/campaigns/" + ruleSet.campaign().id() + "/ranking?limit=" + limit);
        }
        JsonResponse.send(ctx, 200, response);
    }

    static final int RANKING_LIMIT = 1000;
    static final int RANKING_MAX_LIMIT = 5000;

    /** Where the page after a ranking cursor starts; a position that does not read as [rank, name, id] is a bad cursor. */
    private static int after(List<Ranking.Place> ranked, String position, String cursor) {
        try {
            com.fasterxml.jackson.databind.JsonNode key = Json.MAPPER.readTree(position);
            if (key.size() == 3 && key.get(0).canConvertToInt() && key.get(1).isTextual() && key.get(2).isTextual()) {
                return Ranking.after(ranked, key.get(0).asInt(), key.get(1).asText(), key.get(2).asText());
            }
        } catch (java.io.IOException | RuntimeException e) {
            // refused below
        }
        throw Cursor.invalid(cursor);
    }

    /** The proposed commendations from the same evaluations as the ranking; see {@link CommendationList}. */
    void commendations(Context ctx) {
        RuleSet ruleSet = ruleSet(ctx.pathParam("id"));
        CommendationList.respond(ctx, ruleSet.campaign(), store.latestPerUnit(ruleSet.campaign().id()), CommendationList.format(ctx));
    }

    /** {@code GET …/commendations.csv}: the list as CSV whatever {@code Accept} says (a distinct operation for clients). */
    void commendationsCsv(Context ctx) {
        RuleSet ruleSet = ruleSet(ctx.pathParam("id"));
        CommendationList.respond(ctx, ruleSet.campaign(), store.latestPerUnit(ruleSet.campaign().id()), CommendationList.Format.CSV);
    }

    /** {@code GET …/commendations.xlsx}: the list as an XLSX workbook. */
    void commendationsXlsx(Context ctx) {
        RuleSet ruleSet = ruleSet(ctx.pathParam("id"));
        CommendationList.respond(ctx, ruleSet.campaign(), store.latestPerUnit(ruleSet.campaign().id()), CommendationList.Format.XLSX);
    }

    private RuleSet ruleSet(String id) {
        RuleLibrary library = live.current();
        RuleSet ruleSet = library.ruleSets().get(id);
        if (ruleSet == null) {
            throw ProblemException.notFound("Không có chiến dịch '" + id + "'; các chiến dịch: " + library.ruleSets().keySet()
                    + (library.problems().containsKey(id) ? " ('" + id + "' có lỗi trong tệp luật, xem GET /api/v1/campaigns)" : "")
                    + " (no such campaign)");
        }
        return ruleSet;
    }

    /** Everything refused, one line each: problems as {@code file:line:column}, failed tests as {@code file:line}. */
    private static List<Problem.Item> items(LiveCampaigns.RefusedEdit refused) {
        List<Problem.Item> items = new ArrayList<>();
        refused.problems().forEach(p -> items.add(new Problem.Item(p.place(), p.message())));
        refused.failedTests().forEach(t -> items.add(new Problem.Item(t.file() + ":" + t.line(),
                "Ca kiểm thử không đạt (rule test failed): " + t.name() + " — " + String.join("; ", t.failures()))));
        return items;
    }

    private static ObjectNode describe(RuleSet ruleSet, Optional<LiveCampaigns.RefusedEdit> refusedEdit) {
        Campaign campaign = ruleSet.campaign();
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", campaign.id());
        node.put("title", campaign.title());
        node.put("legalBasis", campaign.legalBasis());
        node.put("periodFrom", campaign.periodFrom() == null ? null : campaign.periodFrom().toString());
        node.put("periodTo", campaign.periodTo() == null ? null : campaign.periodTo().toString());
        node.put("ruleSetVersion", ruleSet.version());
        node.put("loadedAt", Timestamps.format(ruleSet.loadedAt()));
        kinds(node.putArray("unitKinds"), campaign.unitKinds());
        ArrayNode criteria = node.putArray("criteria");
        for (Campaign.Criterion criterion : campaign.criteria()) {
            ObjectNode item = criteria.addObject()
                    .put("id", criterion.id())
                    .put("title", criterion.title())
                    .put("points", criterion.points())
                    .put("countsNoData", criterion.countsNoData());
            if (criterion.group() != null) {
                item.put("group", criterion.group());
            }
            item.put("kind", criterion.kind().name());
            kinds(item.putArray("appliesTo"), criterion.appliesTo());
        }
        ArrayNode indicators = node.putArray("indicators");
        for (Campaign.Indicator indicator : campaign.indicators()) {
            indicators.addObject().put("id", indicator.id()).put("title", indicator.title())
                    .put("min", indicator.min()).put("max", indicator.max());
        }
        ArrayNode grades = node.putArray("grades");
        for (Campaign.GradeBand grade : campaign.grades()) {
            grades.addObject().put("code", grade.code()).put("label", grade.label()).put("minScore", grade.minScore());
        }
        ArrayNode area = node.putArray("area"); // the plan's targets for the whole area, as the answers' area scorecard judges them
        for (Campaign.AreaTarget target : campaign.area()) {
            area.addObject().put("criterion", target.criterion()).put("title", target.title()).put("target", target.target());
        }
        ArrayNode files = node.putArray("ruleFiles");
        ruleSet.ruleFiles().keySet().forEach(files::add);
        if (!ruleSet.warnings().isEmpty()) { // compiles, but probably a mistake: shown, never refused
            problems(node.putArray("warnings"), ruleSet.warnings());
        }
        refusedEdit.ifPresent(edit -> node.set("refusedEdit", describe(edit)));
        return node;
    }

    /** The last edit refused while this version kept serving: when, which version, and why. */
    private static ObjectNode describe(LiveCampaigns.RefusedEdit edit) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("at", Timestamps.format(edit.at()));
        node.put("versionAttempted", edit.versionAttempted());
        problems(node.putArray("problems"), edit.problems());
        ArrayNode tests = node.putArray("failedTests");
        for (LiveCampaigns.FailedTest test : edit.failedTests()) {
            ObjectNode item = tests.addObject().put("path", test.file() + ":" + test.line()).put("name", test.name());
            ArrayNode failures = item.putArray("failures");
            test.failures().forEach(failures::add);
        }
        return node;
    }

    /** Each problem (or warning) as {@code {path, message}}, the path as {@code file:line:column}. */
    private static void problems(ArrayNode array, List<RuleProblem> problems) {
        problems.forEach(p -> array.addObject().put("path", p.place()).put("message", p.message()));
    }

    private static void kinds(ArrayNode array, java.util.Set<UnitKind> kinds) {
        kinds.stream().sorted(Comparator.naturalOrder()).forEach(k -> array.add(k.name()));
    }
}
