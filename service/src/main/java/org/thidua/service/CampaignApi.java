package org.thidua.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.thidua.core.Campaign;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleProblem;
import org.thidua.core.RuleSet;
import org.thidua.core.UnitKind;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.http.Context;

/**
 * {@code GET /api/v1/campaigns}, {@code /campaigns/{id}}, {@code /campaigns/{id}/ranking} and
 * {@code /campaigns/{id}/commendations}.
 */
final class CampaignApi {
    private final RuleLibrary library;
    private final EvaluationStore store;

    CampaignApi(RuleLibrary library, EvaluationStore store) {
        this.library = library;
        this.store = store;
    }

    void list(Context ctx) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("defaultCampaign", library.defaultCampaign().orElse(null));
        ArrayNode campaigns = response.putArray("campaigns");
        library.ruleSets().values().forEach(ruleSet -> campaigns.add(describe(ruleSet)));
        ArrayNode unavailable = response.putArray("unavailable");
        for (Map.Entry<String, List<RuleProblem>> entry : library.problems().entrySet()) {
            ObjectNode item = unavailable.addObject();
            item.put("id", entry.getKey());
            ArrayNode problems = item.putArray("problems");
            entry.getValue().forEach(p -> problems.addObject()
                    .put("path", p.file() + ":" + p.line() + ":" + p.column())
                    .put("message", p.message()));
        }
        Json.respond(ctx, 200, response);
    }

    void find(Context ctx) {
        Json.respond(ctx, 200, describe(ruleSet(ctx.pathParam("id"))));
    }

    void ranking(Context ctx) {
        RuleSet ruleSet = ruleSet(ctx.pathParam("id"));
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("campaign", ruleSet.campaign().id());
        response.put("title", ruleSet.campaign().title());
        ArrayNode units = response.putArray("units");
        for (Ranking.Place place : Ranking.rank(store.latestPerUnit(ruleSet.campaign().id()))) {
            StoredEvaluation e = place.evaluation();
            ObjectNode unit = units.addObject();
            unit.put("rank", place.rank());
            unit.put("unitId", e.unitId());
            unit.put("unitName", e.unitName());
            unit.put("kind", e.kind());
            unit.put("score", e.score());
            unit.put("grade", e.grade());
            unit.put("gradeLabel", ruleSet.campaign().grade(e.grade()).map(Campaign.GradeBand::label).orElse(e.grade()));
            unit.put("evaluationId", e.id());
            unit.put("ruleSetVersion", e.ruleSetVersion());
            unit.put("createdAt", SqliteEvaluationStore.TIME.format(e.createdAt()));
        }
        Json.respond(ctx, 200, response);
    }

    /** The proposed commendations from the same evaluations as the ranking; see {@link CommendationList}. */
    void commendations(Context ctx) {
        RuleSet ruleSet = ruleSet(ctx.pathParam("id"));
        CommendationList.respond(ctx, ruleSet.campaign(), store.latestPerUnit(ruleSet.campaign().id()));
    }

    private RuleSet ruleSet(String id) {
        RuleSet ruleSet = library.ruleSets().get(id);
        if (ruleSet == null) {
            throw ProblemException.notFound("Không có chiến dịch '" + id + "'; các chiến dịch: " + library.ruleSets().keySet()
                    + (library.problems().containsKey(id) ? " ('" + id + "' có lỗi trong tệp luật, xem GET /api/v1/campaigns)" : "")
                    + " (no such campaign)");
        }
        return ruleSet;
    }

    private static ObjectNode describe(RuleSet ruleSet) {
        Campaign campaign = ruleSet.campaign();
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", campaign.id());
        node.put("title", campaign.title());
        node.put("legalBasis", campaign.legalBasis());
        node.put("periodFrom", campaign.periodFrom() == null ? null : campaign.periodFrom().toString());
        node.put("periodTo", campaign.periodTo() == null ? null : campaign.periodTo().toString());
        node.put("ruleSetVersion", ruleSet.version());
        node.put("loadedAt", SqliteEvaluationStore.TIME.format(ruleSet.loadedAt()));
        kinds(node.putArray("unitKinds"), campaign.unitKinds());
        ArrayNode criteria = node.putArray("criteria");
        for (Campaign.Criterion criterion : campaign.criteria()) {
            ObjectNode item = criteria.addObject()
                    .put("id", criterion.id())
                    .put("title", criterion.title())
                    .put("points", criterion.points())
                    .put("countsNoData", criterion.countsNoData());
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
        ArrayNode files = node.putArray("ruleFiles");
        ruleSet.ruleFiles().keySet().forEach(files::add);
        return node;
    }

    private static void kinds(ArrayNode array, java.util.Set<UnitKind> kinds) {
        kinds.stream().sorted(Comparator.naturalOrder()).forEach(k -> array.add(k.name()));
    }
}
