package org.thidua.service.evaluate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.thidua.core.EvaluationResult;
import org.thidua.service.store.NewRequest;
import org.thidua.service.store.StoredEvaluation;
import org.thidua.service.store.StoredRequest;
import org.thidua.service.store.Timestamps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The answer to an evaluation request, written before anything is stored: each evaluation's JSON (the text the store
 * keeps, too) and the commendations. What can fail fails here, so a request is never stored behind an error; once the
 * store has given the request its ids and time, {@link #write} only puts the pieces together.
 *
 * <p>The bytes are those of contract v1 as the service always answered: {@code requestId}, {@code campaign},
 * {@code ruleSetVersion}, {@code createdAt}, the evaluations each with its {@code id} first, and with officials the
 * {@code commendations}, compact.
 */
final class Answer {
    private final byte[] campaignAndVersion;
    private final List<String> results;
    private final byte[] commendations;
    private final int size;

    private Answer(byte[] campaignAndVersion, List<String> results, byte[] commendations) {
        this.campaignAndVersion = campaignAndVersion;
        this.results = results;
        this.commendations = commendations;
        int total = 256 + campaignAndVersion.length + commendations.length;
        for (String result : results) {
            total += result.length() + 64;
        }
        this.size = total;
    }

    /** Writes a result's evaluations and commendations with {@code json}, the mapper the store's result JSON is written with. */
    static Answer of(EvaluationResult result, ObjectMapper json) throws JsonProcessingException {
        List<String> results = new ArrayList<>(result.evaluations().size());
        for (var evaluation : result.evaluations()) {
            results.add(json.writeValueAsString(evaluation)); // an object with fields, never "{}"
        }
        String head = "\"campaign\":" + json.writeValueAsString(result.campaign())
                + ",\"ruleSetVersion\":" + json.writeValueAsString(result.ruleSetVersion())
                + (result.area() == null ? "" : ",\"area\":" + json.writeValueAsString(result.area())); // the request's units' area scorecard
        String commendations = result.commendations() == null ? ""
                : ",\"commendations\":" + json.writeValueAsString(result.commendations());
        return new Answer(head.getBytes(StandardCharsets.UTF_8), List.copyOf(results),
                commendations.getBytes(StandardCharsets.UTF_8));
    }

    /** Each evaluation's contract v1 JSON, in reporting order: what the store keeps as the result. */
    List<String> results() {
        return results;
    }

    /**
     * The answer with what the store gave: the request's id and time, each evaluation's id; each result from its UTF-8
     * in {@code utf8} (report and result of each unit in turn, as {@link NewRequest#utf8()} encodes them).
     */
    byte[] write(StoredRequest stored, byte[][] utf8) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(bytes("{\"requestId\":" + quoted(stored.requestId()) + ","));
        out.writeBytes(campaignAndVersion);
        out.writeBytes(bytes(",\"createdAt\":" + quoted(Timestamps.format(stored.createdAt())) + ",\"evaluations\":["));
        List<StoredEvaluation> evaluations = stored.evaluations();
        for (int i = 0; i < evaluations.size(); i++) {
            out.writeBytes(bytes((i == 0 ? "" : ",") + "{\"id\":" + quoted(evaluations.get(i).id()) + ","));
            byte[] result = utf8[2 * i + 1];
            out.write(result, 1, result.length - 1); // without its '{'
        }
        out.write(']');
        out.writeBytes(commendations);
        out.write('}');
        return out.toByteArray();
    }

    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
