package org.thidua.service.evaluate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationRequest;
import org.thidua.core.EvaluationResult;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one way a request becomes history: read it, evaluate it with the campaign's rules, write the answer, store every
 * evaluation with the unit's report as sent. {@code POST /api/v1/evaluations}, the re-evaluation after an import and
 * {@code thidua serve --seed} all go through here. A request refused or failing for any reason stores nothing: it is
 * read, evaluated and answered whole before the store sees it.
 *
 * <p>A request is parsed once: the tree the library reads is the tree each unit's report is stored from (every number
 * with its exact value, though a decimal's trailing zeros may go, {@code 0.950} as {@code 0.95}; spacing is not kept).
 */
public final class EvaluateAndStore {
    /**
     * A stored request and the answer to it.
     *
     * @param answer contract v1 JSON: the request's id and time, each evaluation with its id, with officials the
     *               proposed commendations
     */
    public record Evaluated(StoredRequest stored, byte[] answer) {
    }

    private EvaluateAndStore() {
    }

    /**
     * Evaluates a request in JSON contract v1 with the campaign to evaluate with ({@code null}: the request's own).
     * Each stored evaluation keeps its officials and titles (they are part of its result), so the commendations can be
     * made again from the store; they are not stored themselves.
     */
    public static Evaluated json(RuleLibrary library, EvaluationStore store, byte[] body, String campaign, String caller) {
        return tree(library, store, ContractV1.parse(new ByteArrayInputStream(body)), campaign, caller);
    }

    /** Evaluates a request in JSON contract v1 held as a tree (a body parsed, a stored request merged with imported figures). */
    public static Evaluated tree(RuleLibrary library, EvaluationStore store, JsonNode request, String campaign, String caller) {
        EvaluationRequest read = ContractV1.read(library, request, campaign);
        return store(store, read, read.evaluate(), request.get("reports"), caller, Json.MAPPER);
    }

    /**
     * Evaluates a request held as a tree, as {@link #tree} does, and gives the evaluations to store instead of storing
     * them: for a caller that stores them in a transaction of its own, together with what it writes about them (an
     * assessment round's submission or correction), so that neither is stored without the other.
     */
    public static NewRequest unstored(RuleLibrary library, JsonNode request, String campaign, String caller) {
        EvaluationRequest read = ContractV1.read(library, request, campaign);
        return prepare(read, read.evaluate(), request.get("reports"), caller, Json.MAPPER).request();
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
        return store(store, checked.request(), checked.request().evaluate(), checked.tree().get("reports"), caller, Json.MAPPER);
    }

    /**
     * Writes the answer, then stores each evaluation of the result (its JSON as answered) with its unit's report written
     * from {@code reports}, in reporting order; {@code json} writes both.
     */
    static Evaluated store(EvaluationStore store, EvaluationRequest request, EvaluationResult result, JsonNode reports,
                           String caller, ObjectMapper json) {
        Prepared prepared = prepare(request, result, reports, caller, json);
        // Each report and result encoded once, for the stored row and the answer: encoding the results, whose Vietnamese
        // text makes them UTF-16 strings, was the top frame of a busy server's samples, done twice per unit.
        byte[][] utf8 = prepared.request().utf8();
        StoredRequest stored = store.save(prepared.request(), utf8);
        return new Evaluated(stored, prepared.answer().write(stored, utf8));
    }

    /** The answer, and the evaluations to store: each as answered, with its unit's report written from {@code reports}. */
    private record Prepared(Answer answer, NewRequest request) {
    }

    private static Prepared prepare(EvaluationRequest request, EvaluationResult result, JsonNode reports, String caller,
                                    ObjectMapper json) {
        Answer answer;
        List<NewRequest.Unit> units = new ArrayList<>(result.evaluations().size());
        try {
            answer = Answer.of(result, json);
            for (int i = 0; i < result.evaluations().size(); i++) {
                Evaluation evaluation = result.evaluations().get(i);
                units.add(new NewRequest.Unit(evaluation.unitId(), evaluation.unitName(), evaluation.kind().name(),
                        json.writeValueAsString(reports.get(i)), answer.results().get(i), evaluation.score(),
                        evaluation.points().doubleValue(), evaluation.maxPoints().doubleValue(),
                        evaluation.grade(), evaluation.rank(), FindingCounts.of(evaluation)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the answer to a request as JSON; nothing stored", e);
        }
        return new Prepared(answer, new NewRequest(result.campaign(), result.ruleSetVersion(), caller, units,
                RuleSetVersion.of(request.ruleSet())));
    }
}
