package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The lint rules the project chose for its OpenAPI document, after Redocly's {@code recommended} set plus what
 * generated clients need; each rule is one method, and the document must pass them all with no warning. A
 * generated client (module {@code api-client-test}) is the other half of this check.
 *
 * <p>Rules: info-license, servers (present, no trailing slash, no example.com), operation-operationId (present,
 * unique, URL-safe), operation-summary, operation-tag-defined (one tag each, every tag described and used),
 * operation-2xx-response, operation-4xx-response (every operation; each 4xx and 5xx is problem+json),
 * security-defined, path-parameters-defined, no-path-trailing-slash, no-ambiguous-paths, no-unused-components,
 * refs resolve, named-schemas (no object schema inline: generators name such classes {@code RankingUnitsInner}),
 * file bodies (every non-JSON body is {@code type: string, format: binary}), no-required-schema-properties-undefined.
 * {@code npx @redocly/cli lint} with its recommended configuration finds nothing in the document either (checked by
 * hand; the build does not fetch it).
 */
class OpenApiLintTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private final JsonNode doc = OpenApiContract.INSTANCE.document();

    private void eachOperation(BiConsumer<String, JsonNode> check) {
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                check.accept(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
            }
        }));
    }

    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? doc.at(node.get("$ref").asText().substring(1)) : node;
    }

    @Test
    void info_has_a_license_and_servers_are_plain() {
        JsonNode license = doc.path("info").path("license");
        assertThat(license.path("name").asText()).isNotBlank();
        assertThat(license.has("identifier") || license.has("url")).as("license identifier or url").isTrue();
        assertThat(doc.path("servers")).isNotEmpty();
        doc.get("servers").forEach(server -> assertThat(server.get("url").asText()).doesNotEndWith("/").doesNotContain("example.com"));
    }

    @Test
    void every_operation_has_a_unique_url_safe_id_a_summary_and_one_described_tag() {
        Set<String> ids = new HashSet<>();
        Set<String> used = new TreeSet<>();
        Set<String> defined = new TreeSet<>();
        doc.path("tags").forEach(tag -> {
            assertThat(tag.path("description").asText()).as("tag " + tag.get("name")).isNotBlank();
            defined.add(tag.get("name").asText());
        });
        List<String> problems = new ArrayList<>();
        eachOperation((name, op) -> {
            String id = op.path("operationId").asText();
            if (!id.matches("[A-Za-z][A-Za-z0-9]*") || !ids.add(id)) {
                problems.add(name + ": operationId '" + id + "' missing, not URL-safe or not unique");
            }
            if (op.path("summary").asText().isBlank()) {
                problems.add(name + ": no summary");
            }
            if (op.path("tags").size() != 1 || !defined.contains(op.get("tags").get(0).asText())) {
                problems.add(name + ": needs exactly one tag defined at the top");
            } else {
                used.add(op.get("tags").get(0).asText());
            }
        });
        assertThat(problems).isEmpty();
        assertThat(used).isEqualTo(defined);
    }

    @Test
    void every_operation_answers_2xx_and_documents_its_4xx_as_problem_json() {
        List<String> problems = new ArrayList<>();
        eachOperation((name, op) -> {
            List<String> statuses = new ArrayList<>();
            op.get("responses").fieldNames().forEachRemaining(statuses::add);
            if (statuses.stream().noneMatch(s -> s.startsWith("2"))) {
                problems.add(name + ": no 2xx");
            }
            if (statuses.stream().noneMatch(s -> s.startsWith("4"))) {
                problems.add(name + ": no 4xx");
            }
            for (String status : statuses) {
                JsonNode response = resolve(op.get("responses").get(status));
                if (response.path("description").asText().isBlank()) {
                    problems.add(name + " " + status + ": no description");
                }
                if ((status.startsWith("4") || status.startsWith("5")) && !name.equals("GET /health")) {
                    Set<String> types = new TreeSet<>();
                    response.path("content").fieldNames().forEachRemaining(types::add);
                    if (!types.equals(Set.of("application/problem+json"))) {
                        problems.add(name + " " + status + ": errors must be application/problem+json, documented " + types);
                    }
                }
            }
            boolean secured = op.has("security") || doc.has("security");
            if (!secured) {
                problems.add(name + ": no security");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void paths_declare_their_parameters_and_are_neither_ambiguous_nor_slashed() {
        List<String> problems = new ArrayList<>();
        Pattern placeholder = Pattern.compile("\\{([^}]+)}");
        eachOperation((name, op) -> {
            String path = name.substring(name.indexOf(' ') + 1);
            Set<String> inPath = new TreeSet<>();
            Matcher m = placeholder.matcher(path);
            while (m.find()) {
                inPath.add(m.group(1));
            }
            Set<String> declared = new TreeSet<>();
            Set<String> all = new HashSet<>();
            op.path("parameters").forEach(p -> {
                JsonNode parameter = resolve(p);
                if (!all.add(parameter.get("in").asText() + ":" + parameter.get("name").asText())) {
                    problems.add(name + ": parameter " + parameter.get("name") + " twice");
                }
                if (parameter.get("in").asText().equals("path")) {
                    declared.add(parameter.get("name").asText());
                }
                if (!parameter.has("schema")) {
                    problems.add(name + ": parameter " + parameter.get("name") + " has no schema");
                }
            });
            if (!inPath.equals(declared)) {
                problems.add(name + ": path parameters " + inPath + " but declared " + declared);
            }
            if (path.length() > 1 && path.endsWith("/")) {
                problems.add(name + ": trailing slash");
            }
        });
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (ambiguous(paths.get(i), paths.get(j))) {
                    problems.add("ambiguous paths " + paths.get(i) + " and " + paths.get(j));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Two templates are ambiguous when one concrete path could match both and neither is more literal: segment by
     * segment equal, or a bare parameter against a bare parameter. {@code {campaign}} against {@code {campaign}.csv} is
     * not: the literal suffix wins (as Javalin and {@code OpenApiContract} pick the most literal).
     */
    private static boolean ambiguous(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        if (x.length != y.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            boolean px = x[i].matches("\\{[^}]+}");
            boolean py = y[i].matches("\\{[^}]+}");
            if (px && py || x[i].equals(y[i])) {
                continue;
            }
            return false;
        }
        return true;
    }

    @Test
    void every_component_is_used_and_every_ref_resolves() {
        Set<String> refs = new TreeSet<>();
        collectRefs(doc, refs);
        for (String ref : refs) {
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref + " resolves").isFalse();
        }
        Set<String> unused = new TreeSet<>();
        doc.get("components").fields().forEachRemaining(kind -> {
            if (!kind.getKey().equals("securitySchemes")) {
                kind.getValue().fieldNames().forEachRemaining(n -> {
                    String ref = "#/components/" + kind.getKey() + "/" + n;
                    if (!refs.contains(ref)) {
                        unused.add(ref);
                    }
                });
            }
        });
        assertThat(unused).as("unused components").isEmpty();
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                refs.add(node.get("$ref").asText());
            }
            node.forEach(child -> collectRefs(child, refs));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    @Test
    void every_object_schema_is_named_in_components() {
        List<String> inline = new ArrayList<>();
        Map<String, JsonNode> named = new HashMap<>();
        doc.get("components").get("schemas").fields().forEachRemaining(e -> named.put(e.getKey(), e.getValue()));
        named.forEach((n, schema) -> schema.fields().forEachRemaining(f -> findInline(f.getValue(), "#/components/schemas/" + n + "/" + f.getKey(), inline)));
        doc.get("paths").fields().forEachRemaining(p -> findInline(p.getValue(), p.getKey(), inline));
        findInline(doc.get("components").get("responses"), "#/components/responses", inline);
        findInline(doc.get("components").get("requestBodies"), "#/components/requestBodies", inline);
        assertThat(inline).as("inline object schemas (name them in components/schemas)").isEmpty();
    }

    private static void findInline(JsonNode node, String where, List<String> inline) {
        if (node.isObject()) {
            if (node.has("properties") && node.get("properties").isObject()) {
                inline.add(where);
                return;
            }
            node.fields().forEachRemaining(f -> findInline(f.getValue(), where + "/" + f.getKey(), inline));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findInline(node.get(i), where + "/" + i, inline);
            }
        }
    }

    @Test
    void every_file_body_is_binary_so_generated_clients_give_bytes() {
        List<String> problems = new ArrayList<>();
        eachOperation((name, op) -> {
            List<JsonNode> contents = new ArrayList<>();
            if (op.has("requestBody")) {
                contents.add(resolve(op.get("requestBody")).path("content"));
            }
            op.get("responses").forEach(r -> contents.add(resolve(r).path("content")));
            for (JsonNode content : contents) {
                content.fields().forEachRemaining(media -> {
                    if (!media.getKey().endsWith("json")) {
                        JsonNode schema = media.getValue().path("schema");
                        if (!schema.path("type").asText().equals("string") || !schema.path("format").asText().equals("binary")) {
                            problems.add(name + " " + media.getKey() + ": not type string, format binary");
                        }
                    }
                });
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void every_required_property_is_defined() {
        List<String> undefined = new ArrayList<>();
        doc.get("components").get("schemas").fields().forEachRemaining(e -> {
            Set<String> defined = new TreeSet<>();
            properties(e.getValue(), defined);
            e.getValue().path("required").forEach(r -> {
                if (!defined.contains(r.asText())) {
                    undefined.add(e.getKey() + "." + r.asText());
                }
            });
        });
        assertThat(undefined).as("required but not among the properties").isEmpty();
    }

    /** The properties a schema defines, its own and those of the schemas it is {@code allOf}. */
    private void properties(JsonNode schema, Set<String> into) {
        JsonNode resolved = resolve(schema);
        resolved.path("properties").fieldNames().forEachRemaining(into::add);
        resolved.path("allOf").forEach(part -> properties(part, into));
    }
}
