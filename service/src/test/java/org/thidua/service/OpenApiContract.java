package org.thidua.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.thidua.service.http.EvaluationService;
import org.thidua.service.http.Problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The service's OpenAPI document as a test oracle: finds the operation and response a real answer belongs to and
 * validates its body against the documented schema (JSON Schema 2020-12, as OpenAPI 3.1 uses). Remembers which
 * operations and statuses it has seen, so a test can ask whether every documented one was exercised.
 */
final class OpenApiContract {
    static final OpenApiContract INSTANCE = new OpenApiContract(load());

    private final JsonNode document;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    private static JsonNode load() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(EvaluationService.OPENAPI)) {
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode document() {
        return document;
    }

    /** The {@code METHOD template status} of every documented response. */
    Set<String> documentedResponses() {
        Set<String> all = new java.util.TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                op.getValue().get("responses").fieldNames().forEachRemaining(status ->
                        all.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " " + status))));
        return all;
    }

    Set<String> seen() {
        return Set.copyOf(seen);
    }

    /** Fails with the validator's messages when the answer is not what the document says. */
    void check(String method, String path, Api.Answer answer) {
        check(method, path, answer.status(), answer.contentType(), answer.json(), answer.body());
    }

    /**
     * As {@link #check(String, String, Api.Answer)} for any answer: a JSON body ({@code json}) is validated against
     * its schema; any other (CSV, XLSX) must come with a media type the document lists for that status.
     */
    void check(String method, String path, int statusCode, String contentType, JsonNode json, String body) {
        String template = template(path);
        if (template == null) {
            // An address the document does not have: the answer must still be a documented problem, 404.
            validate(json, body, statusCode, "#/components/schemas/Problem", method, path);
            if (statusCode != 404) {
                throw new AssertionError(method + " " + path + " is not documented, yet answered " + statusCode);
            }
            return;
        }
        JsonNode operation = document.get("paths").get(template).get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            throw new AssertionError("OpenAPI documents no " + method + " " + template);
        }
        String status = String.valueOf(statusCode);
        JsonNode response = operation.get("responses").get(status);
        if (response == null) {
            throw new AssertionError("OpenAPI documents no " + status + " for " + method + " " + template + "; body: " + body);
        }
        seen.add(method + " " + template + " " + status);
        if (response.has("$ref")) {
            response = resolve(response.get("$ref").asText());
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
        JsonNode content = response.path("content").get(mediaType);
        if (content == null) {
            throw new AssertionError(method + " " + path + " " + status + " answered " + mediaType + ", documented: "
                    + response.path("content").fieldNames().next());
        }
        if (!mediaType.endsWith("json")) {
            return; // a file (CSV, XLSX): its content is the test's to check
        }
        String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/" + status + "/" + mediaType;
        JsonSchema schema = schemas.computeIfAbsent(pointer, p -> compile(content.get("schema")));
        Set<ValidationMessage> errors = schema.validate(json);
        if (!errors.isEmpty()) {
            throw new AssertionError(method + " " + path + " " + status + " does not match its OpenAPI schema: " + errors
                    + "\nbody: " + body);
        }
    }

    /** The documented template a path belongs to; of several ({@code /reports/{campaign}} and its {@code .csv}), the most literal. */
    private String template(String path) {
        String best = null;
        for (Iterator<String> it = document.get("paths").fieldNames(); it.hasNext(); ) {
            String template = it.next();
            String regex = "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            if (Pattern.matches(regex, path) && (best == null || literal(template) > literal(best))) {
                best = template;
            }
        }
        return best;
    }

    private static int literal(String template) {
        return template.replaceAll("\\{[^}]+}", "").length();
    }

    private void validate(JsonNode json, String body, int status, String ref, String method, String path) {
        ObjectNode reference = Json.MAPPER.createObjectNode().put("$ref", ref);
        Set<ValidationMessage> errors = schemas.computeIfAbsent(ref, r -> compile(reference)).validate(json);
        if (!errors.isEmpty()) {
            throw new AssertionError(method + " " + path + " " + status + " does not match " + ref + ": " + errors
                    + "\nbody: " + body);
        }
    }

    private JsonNode resolve(String ref) {
        return document.at(ref.substring(1));
    }

    /** A response's schema with the document's components beside it, so its {@code $ref}s resolve. */
    private JsonSchema compile(JsonNode schema) {
        ObjectNode root = schema.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.get("components"));
        return factory.getSchema(root);
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }
}
