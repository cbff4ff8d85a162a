package org.thidua.core.read;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.thidua.core.InputProblem;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What contract v1 accepts as text, in one place for JSON, unit sheets and record files: an id is
 * {@code [a-z0-9-]{1,64}} (it names the unit in URLs, files and logs), a name is at most {@value #MAX_NAME} characters
 * with no control or bidi-override characters (they would hide or reorder what a report shows), and no text holds a
 * lone surrogate (it cannot be written back as UTF-8, so the answer would fail after the evaluation was stored).
 */
public final class ContractText {
    /** The pattern every unit and member id follows. */
    public static final String ID_PATTERN = "[a-z0-9-]{1,64}";
    /** The longest name, in characters (code points). */
    public static final int MAX_NAME = 200;

    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    private ContractText() {
    }

    /** Why an id is refused, or {@code null} when it is accepted. */
    public static String idProblem(String id) {
        if (ID.matcher(id).matches()) {
            return null;
        }
        return "mã phải gồm 1 đến 64 ký tự a-z, 0-9 hoặc '-' (must match " + ID_PATTERN + ")";
    }

    /** Why a name is refused, or {@code null} when it is accepted. */
    public static String nameProblem(String name) {
        String unpaired = unpairedSurrogateProblem(name);
        if (unpaired != null) {
            return unpaired;
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            return "tên quá dài: tối đa " + MAX_NAME + " ký tự (must be at most " + MAX_NAME + " characters)";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || isBidiControl(c)) {
                return String.format("tên chứa ký tự điều khiển U+%04X ở vị trí %d (must not contain control or bidi-override"
                        + " characters)", (int) c, i + 1);
            }
        }
        return null;
    }

    /** Why a text is refused for holding a lone surrogate, or {@code null} when every surrogate is paired. */
    public static String unpairedSurrogateProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("chứa nửa cặp UTF-16 đơn lẻ U+%04X ở vị trí %d, không phải văn bản Unicode hợp lệ"
                        + " (lone surrogate: not valid Unicode text)", (int) c, i + 1);
            }
        }
        return null;
    }

    /** Every text and field name holding a lone surrogate, by path; nothing of the request is read before this. */
    static void unpairedSurrogates(JsonNode node, String at, List<InputProblem> found) {
        if (node.isTextual()) {
            String problem = unpairedSurrogateProblem(node.textValue());
            if (problem != null) {
                found.add(new InputProblem(at, problem));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unpairedSurrogates(node.get(i), at + "[" + i + "]", found);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String problem = unpairedSurrogateProblem(field.getKey());
                if (problem != null) {
                    found.add(new InputProblem(at, "tên một trường " + problem));
                } else {
                    unpairedSurrogates(field.getValue(), "$".equals(at) ? field.getKey() : at + "." + field.getKey(), found);
                }
            }
        }
    }

    /** U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates). */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
