package org.thidua.service.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A figure of a unit's report named by its path ({@code satisfaction.satisfied}, {@code indicators.digitizedShare},
 * {@code members.0.trainedOn}): read and set in the report's tree. Only a figure the report has can be corrected,
 * and only with a number or a yes/no, and never the unit's identity.
 */
final class Figures {
    private Figures() {
    }

    /** The figure's current value, or {@code null} when the report has no such figure. */
    static JsonNode read(JsonNode report, String path) {
        JsonNode node = report;
        for (String step : path.split("\\.", -1)) {
            node = node.isArray() && step.matches("\\d{1,4}") ? node.get(Integer.parseInt(step)) : node.get(step);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** Why the figure at {@code path} cannot be set to {@code value}, or {@code null}. */
    static String problem(JsonNode report, String path, JsonNode value) {
        if (path == null || path.isBlank() || !path.matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+){0,5}")) {
            return "cần đường dẫn số liệu như satisfaction.satisfied (expected a figure's path such as satisfaction.satisfied)";
        }
        if (path.equals("unit") || path.startsWith("unit.")) {
            return "không sửa được thông tin đơn vị, chỉ số liệu (the unit's identity is not a figure)";
        }
        JsonNode current = read(report, path);
        if (current == null || !current.isValueNode()) {
            return "báo cáo của đơn vị không có số liệu '" + path + "' (the unit's report has no such figure)";
        }
        if (value == null || !(value.isNumber() || value.isBoolean())) {
            return "giá trị mới phải là số hoặc true/false (the new value must be a number or true/false)";
        }
        return null;
    }

    /** Sets a figure {@link #problem} accepted. */
    static void set(JsonNode report, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        JsonNode parent = report;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }
}
