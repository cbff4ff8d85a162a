package org.thidua.core.compile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.thidua.core.RuleProblem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A YAML node that knows where it stands in its file, so that every problem found in a campaign's YAML files
 * can be reported at its line and column. Reading a mapping's key marks it as known; the keys left unread are
 * reported as unknown.
 */
public final class YamlNode {
    private final Node node;
    private final Problems problems;

    /** Collects problems for one file. */
    public static final class Problems {
        final String campaign;
        final String file;
        public final List<RuleProblem> list = new ArrayList<>();

        public Problems(String campaign, String file) {
            this.campaign = campaign;
            this.file = file;
        }

        void add(Node at, String message) {
            int line = at == null ? 0 : at.getStartMark().getLine() + 1;
            int column = at == null ? 0 : at.getStartMark().getColumn() + 1;
            list.add(new RuleProblem(campaign, file, line, column, message));
        }
    }

    private YamlNode(Node node, Problems problems) {
        this.node = node;
        this.problems = problems;
    }

    /**
     * Campaign files need no aliases: a few are allowed, so that a file of nested aliases ("billion laughs") cannot
     * grow into millions of nodes as it is read, and nesting and size stay far above any real campaign.
     */
    private static final LoaderOptions LIMITS = limits();

    private static LoaderOptions limits() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(1_000_000);
        return options;
    }

    /** Parses a document; a syntax error is added to the problems and yields an empty result. */
    public static Optional<YamlNode> parse(String text, Problems problems) {
        try {
            Node root = new Yaml(new SafeConstructor(LIMITS)).compose(new java.io.StringReader(text));
            if (root == null) {
                problems.list.add(new RuleProblem(problems.campaign, problems.file, 1, 1, "Tệp trống (the file is empty)"));
                return Optional.empty();
            }
            return Optional.of(new YamlNode(root, problems));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.list.add(new RuleProblem(problems.campaign, problems.file,
                    mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "Lỗi cú pháp YAML (YAML syntax error): " + e.getProblem()));
            return Optional.empty();
        } catch (YAMLException e) { // over a limit: too many aliases, too deep, too long
            problems.list.add(new RuleProblem(problems.campaign, problems.file, 1, 1,
                    "Tệp YAML vượt giới hạn cho phép (the YAML file exceeds a limit): " + e.getMessage()));
            return Optional.empty();
        }
    }

    public void problem(String message) {
        problems.add(node, message);
    }

    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    int column() {
        return node.getStartMark().getColumn() + 1;
    }

    /** A scalar's value as written (a number or a text), empty for a list, a mapping or nothing ({@code ~}). */
    Optional<String> scalar() {
        return node instanceof ScalarNode s && s.getTag() != Tag.NULL ? Optional.of(s.getValue()) : Optional.empty();
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** Whether this is a number as YAML reads it ({@code 20}, {@code 0.95}), not a text ({@code 95%}). */
    boolean isNumber() {
        return node instanceof ScalarNode s && (s.getTag() == Tag.INT || s.getTag() == Tag.FLOAT);
    }

    /** The items of a list, or empty when this is not a list (no problem reported). */
    Optional<List<YamlNode>> list() {
        return node instanceof SequenceNode sequence
                ? Optional.of(sequence.getValue().stream().map(n -> new YamlNode(n, problems)).toList()) : Optional.empty();
    }

    /** The fields of a mapping, or empty (with a problem) when this is not a mapping. */
    public Optional<Fields> fields(String what) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new Fields(mapping));
        }
        problem(what + " phải là một bảng khóa: giá trị (must be a mapping of key: value)");
        return Optional.empty();
    }

    public List<YamlNode> items(String what) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue().stream().map(n -> new YamlNode(n, problems)).toList();
        }
        problem(what + " phải là một danh sách (must be a list)");
        return List.of();
    }

    /** What {@code read} makes of each item of a list of mappings, in order; an item it makes nothing of is left out. */
    public <T> List<T> mappings(String what, BiFunction<YamlNode, Fields, Optional<T>> read) {
        List<T> made = new ArrayList<>();
        for (YamlNode item : items(what)) {
            item.fields(what + "[]").flatMap(f -> read.apply(item, f)).ifPresent(made::add);
        }
        return made;
    }

    public Optional<String> text(String what) {
        if (node instanceof ScalarNode scalar && scalar.getTag() != Tag.NULL && !scalar.getValue().isBlank()) {
            return Optional.of(scalar.getValue().trim());
        }
        problem(what + " phải là một chuỗi không trống (must be non-empty text)");
        return Optional.empty();
    }

    public Optional<BigDecimal> number(String what) {
        if (node instanceof ScalarNode scalar && (scalar.getTag() == Tag.INT || scalar.getTag() == Tag.FLOAT)) {
            try {
                return Optional.of(new BigDecimal(scalar.getValue().replace("_", "")));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(what + " phải là một số, ví dụ 20 hoặc 0.95 (must be a number)");
        return Optional.empty();
    }

    Optional<Boolean> bool(String what) {
        if (node instanceof ScalarNode scalar && scalar.getTag() == Tag.BOOL) {
            return Optional.of(Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT)));
        }
        problem(what + " phải là true hoặc false (must be true or false)");
        return Optional.empty();
    }

    /** The same content as a Jackson tree, for readers that share code with JSON input. */
    public JsonNode toJson() {
        return toJson(node);
    }

    private static JsonNode toJson(Node node) {
        JsonNodeFactory factory = JsonNodeFactory.instance;
        if (node instanceof MappingNode mapping) {
            ObjectNode object = factory.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(tuple.getKeyNode());
                object.set(key, toJson(tuple.getValueNode()));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = factory.arrayNode();
            sequence.getValue().forEach(n -> array.add(toJson(n)));
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        if (scalar.getTag() == Tag.NULL) {
            return factory.nullNode();
        }
        if (scalar.getTag() == Tag.BOOL) {
            return factory.booleanNode(Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT)));
        }
        if (scalar.getTag() == Tag.INT || scalar.getTag() == Tag.FLOAT) {
            try {
                BigDecimal number = new BigDecimal(value.replace("_", ""));
                return number.scale() <= 0 && scalar.getTag() == Tag.INT
                        ? factory.numberNode(number.toBigIntegerExact()) : factory.numberNode(number);
            } catch (NumberFormatException | ArithmeticException e) {
                return factory.textNode(value);
            }
        }
        return factory.textNode(value);
    }

    /** A mapping's fields, read one by one; {@link #rest()} reports the keys nobody read. */
    public final class Fields {
        private final Map<String, NodeTuple> byKey = new LinkedHashMap<>();

        private Fields(MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                byKey.put(key, tuple);
            }
        }

        /** The keys as written, in order, none of them read. */
        List<String> keys() {
            return List.copyOf(byKey.keySet());
        }

        /** A key's own node, to report a problem of the key itself. */
        YamlNode keyNode(String key) {
            return new YamlNode(byKey.get(key).getKeyNode(), problems);
        }

        public Optional<YamlNode> optional(String key) {
            NodeTuple tuple = byKey.remove(key);
            return tuple == null || (tuple.getValueNode() instanceof ScalarNode s && s.getTag() == Tag.NULL)
                    ? Optional.empty() : Optional.of(new YamlNode(tuple.getValueNode(), problems));
        }

        public Optional<YamlNode> required(String key) {
            Optional<YamlNode> value = optional(key);
            if (value.isEmpty()) {
                problem("Thiếu khóa '" + key + "' (missing key '" + key + "')");
            }
            return value;
        }

        /** Reports every key not read, naming the ones that exist. */
        public void rest(List<String> known) {
            byKey.forEach((key, tuple) -> problems.add(tuple.getKeyNode(),
                    "Khóa không được biết: '" + key + "'; các khóa hợp lệ: " + String.join(", ", known)
                            + " (unknown key '" + key + "')"));
        }
    }
}
