package org.thidua.service.evaluate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.thidua.core.Commendation;
import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationRequest;
import org.thidua.core.EvaluationResult;
import org.thidua.core.Finding;
import org.thidua.core.RuleLibrary;
import org.thidua.core.json.ContractV1;
import org.thidua.service.Json;
import org.thidua.service.sheets.InvalidSheetException;
import org.thidua.service.sheets.SheetFormat;
import org.thidua.service.sheets.SheetFormatException;
import org.thidua.service.sheets.SheetRows;
import org.thidua.service.sheets.Sheets;
import org.thidua.service.sheets.UnitSheetReader;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.FindingCounts;
import org.thidua.service.store.NewRequest;
import org.thidua.service.store.RuleSetVersion;
import org.thidua.service.store.StoredRequest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one way a request becomes history: read it, evaluate it with the campaign's rules, store every evaluation with
 * the unit's report as sent. {@code POST /api/v1/evaluations}, the re-evaluation after an import and
 * {@code thidua serve --seed} all go through here. A request refused for any reason stores nothing: it is read and
 * evaluated whole before the store sees it.
 */
public final class EvaluateAndStore {
    /**
     * A stored request and its proposed commendations.
     *
     * @param commendations {@code null} when the request listed no officials (the answer is then contract v1 as first
     *                      published)
     */
    public record Evaluated(StoredRequest stored, List<Commendation> commendations) {
    }

    private EvaluateAndStore() {
    }

    /**
     * Evaluates a request in JSON contract v1 with the campaign to evaluate with ({@code null}: the request's own).
     * Each stored evaluation keeps its officials and titles (they are part of its result), so the commendations can be
     * made again from the store; they are not stored themselves.
     */
    public static Evaluated json(RuleLibrary library, EvaluationStore store, byte[] body, String campaign, String caller) {
        EvaluationRequest request = library.read(new ByteArrayInputStream(body), campaign);
        EvaluationResult result = request.evaluate();
        List<String> reports = ReportTexts.of(body, result.evaluations().size());
        return store(store, request, result, reports, caller);
    }

    /**
     * Evaluates a request in JSON contract v1 held as a tree (a stored request merged with imported figures), read as
     * it is: each report is stored as the tree writes it.
     */
    public static Evaluated tree(RuleLibrary library, EvaluationStore store, JsonNode request, String campaign, String caller) {
        EvaluationRequest read = ContractV1.read(library, request, campaign);
        return store(store, read, read.evaluate(), request, caller);
    }

    /**
     * Evaluates a unit sheet (CSV, XLSX or ODS, as declared by {@code format}); every bad cell is refused at once by
     * row and column ({@link InvalidSheetException}).
     *
     * @throws SheetFormatException when the body cannot be read as a sheet at all
     */
    public static Evaluated sheet(RuleLibrary library, EvaluationStore store, byte[] body, SheetFormat format, String campaign,
                                  String caller) throws SheetFormatException {
        UnitSheetReader.Checked checked;
        try (SheetRows rows = Sheets.open(new ByteArrayInputStream(body), body.length, format)) {
            checked = new UnitSheetReader(library).check(rows, campaign);
        } catch (SheetFormatException e) {
            throw e; // not a sheet at all: the caller says so (an IOException only in type: the body is in memory)
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a sheet held in memory failed", e);
        }
        return store(store, checked.request(), checked.request().evaluate(), checked.tree(), caller);
    }

    /** Stores each evaluation of a result with its unit's report written from the request's tree. */
    private static Evaluated store(EvaluationStore store, EvaluationRequest request, EvaluationResult result, JsonNode tree,
                                   String caller) {
        List<String> reports = new ArrayList<>(result.evaluations().size());
        tree.get("reports").forEach(report -> reports.add(Json.write(report)));
        return store(store, request, result, reports, caller);
    }

    /** Stores each evaluation of a result with its unit's report as JSON text, in the order of the reports. */
    private static Evaluated store(EvaluationStore store, EvaluationRequest request, EvaluationResult result,
                                   List<String> reports, String caller) {
        List<NewRequest.Unit> units = new ArrayList<>(result.evaluations().size());
        for (int i = 0; i < result.evaluations().size(); i++) {
            Evaluation evaluation = result.evaluations().get(i);
            double points = 0;
            double maxPoints = 0;
            for (Finding finding : evaluation.findings()) {
                points += finding.points();
                maxPoints += finding.maxPoints();
            }
            units.add(new NewRequest.Unit(evaluation.unitId(), evaluation.unitName(), evaluation.kind().name(),
                    reports.get(i), Json.write(evaluation), evaluation.score(), points, maxPoints,
                    evaluation.grade(), evaluation.rank(), FindingCounts.of(evaluation)));
        }
        return new Evaluated(store.save(new NewRequest(result.campaign(), result.ruleSetVersion(), caller, units,
                RuleSetVersion.of(request.ruleSet()))), result.commendations());
    }
}
