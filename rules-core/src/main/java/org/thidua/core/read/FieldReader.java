package org.thidua.core.read;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.thidua.core.InputProblem;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of a JSON object one by one, each wrong value kept as a problem at its path (a required field
 * left out, text where a number belongs, a count over the limit, an unknown field), so that a request is refused
 * with all its problems at once.
 */
final class FieldReader {
    /** The largest count a fact accepts (the count records check it too, without a field path). */
    private static final long MAX_COUNT = Integer.MAX_VALUE;

    private final List<InputProblem> problems = new ArrayList<>();

    /** The problems found so far, in the order found; the caller may add its own. */
    List<InputProblem> problems() {
        return problems;
    }

    /** A true/false field; {@code null} when absent. */
    Boolean bool(JsonNode parent, String at, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            problem(at + "." + field, "phải là true hoặc false (must be true or false)");
            return null;
        }
        return value.booleanValue();
    }

    /** One of an enum's names; {@code null} when absent (a problem if required) or unknown. */
    <E extends Enum<E>> E choice(JsonNode parent, String at, String field, Class<E> type, boolean required) {
        JsonNode value = parent.get(field);
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (value == null || value.isNull()) {
            if (required) {
                problem(at + "." + field, "bắt buộc, một trong " + String.join(", ", names) + " (required)");
            }
            return null;
        }
        if (value.isTextual() && names.contains(value.asText())) {
            return Enum.valueOf(type, value.asText());
        }
        problem(at + "." + field, "giá trị " + value + " không có; chọn một trong " + String.join(", ", names) + " (unknown value)");
        return null;
    }

    String text(JsonNode parent, String at, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            problem(at + "." + field, "bắt buộc (required)");
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problem(at + "." + field, "phải là một chuỗi không trống (must be non-empty text)");
            return null;
        }
        return node.asText();
    }

    /** An id of {@link ContractText#ID_PATTERN}; {@code null} (a problem) when absent or refused. */
    String id(JsonNode parent, String at, String field) {
        return checked(text(parent, at, field), at + "." + field, ContractText.idProblem(textOrEmpty(parent, field)));
    }

    /** A name of at most {@link ContractText#MAX_NAME} characters, without control characters. */
    String name(JsonNode parent, String at, String field) {
        return checked(text(parent, at, field), at + "." + field, ContractText.nameProblem(textOrEmpty(parent, field)));
    }

    private String checked(String text, String path, String problem) {
        if (text != null && problem != null) {
            problem(path, problem);
            return null;
        }
        return text;
    }

    private static String textOrEmpty(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.isTextual() ? node.asText() : "";
    }

    /** Reads a measure made of counts; {@code null} when absent or refused. */
    <T> T measure(JsonNode report, String at, String name, Map<String, Boolean> requiredByCount,
                          Function<Map<String, Long>, T> build) {
        JsonNode node = report.get(name);
        String path = at + "." + name;
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problem(path, "phải là một đối tượng gồm " + requiredByCount.keySet() + " (must be an object)");
            return null;
        }
        unknownFields(node, path + ".", List.copyOf(requiredByCount.keySet()));
        Map<String, Long> counts = new LinkedHashMap<>();
        boolean complete = true;
        for (Map.Entry<String, Boolean> count : requiredByCount.entrySet()) {
            JsonNode value = node.get(count.getKey());
            if (value == null || value.isNull()) {
                if (count.getValue()) {
                    problem(path + "." + count.getKey(), "bắt buộc (required)");
                    complete = false;
                }
                continue;
            }
            Long parsed = count(value, path + "." + count.getKey());
            if (parsed == null) {
                complete = false;
            } else {
                counts.put(count.getKey(), parsed);
            }
        }
        return complete ? build.apply(counts) : null;
    }

    Long count(JsonNode value, String at) {
        if (!value.isIntegralNumber()) {
            problem(at, "phải là một số nguyên không âm (must be a whole number ≥ 0), nhận được " + value);
            return null;
        }
        BigInteger number = value.bigIntegerValue();
        if (number.signum() < 0) {
            problem(at, "không được âm, nhận được " + number + " (must not be negative)");
            return null;
        }
        if (number.compareTo(BigInteger.valueOf(MAX_COUNT)) > 0) {
            problem(at, "quá lớn: tối đa " + MAX_COUNT + ", nhận được " + number + " (too large)");
            return null;
        }
        return number.longValue();
    }

    boolean partOfWhole(Map<String, Long> counts, String at, String part, String whole) {
        if (counts.get(part) > counts.get(whole)) {
            problem(at + "." + part, part + " (" + counts.get(part) + ") không được lớn hơn " + whole + " (" + counts.get(whole)
                    + ") (must not exceed " + whole + ")");
            return false;
        }
        return true;
    }

    void unknownFields(JsonNode node, String prefix, List<String> known) {
        Set<String> allowed = Set.copyOf(known);
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problem(prefix + name, "trường không được biết; các trường hợp lệ: " + String.join(", ", known) + " (unknown field)");
            }
        });
    }

    void problem(String path, String message) {
        problems.add(new InputProblem(path, message));
    }

    static Map<String, Boolean> orderedFlags(Object... pairs) {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            flags.put((String) pairs[i], (Boolean) pairs[i + 1]);
        }
        return flags;
    }
}
