package org.thidua.core;

import java.util.function.Function;

/** A rule's message with {@code {name}} placeholders: each is replaced by its value, or left as written when it has none. */
final class MessageTemplate {
    private MessageTemplate() {
    }

    /** @param value the text of a placeholder's name, or {@code null} to leave it as written */
    static String fill(String template, Function<String, String> value) {
        int open = template.indexOf('{');
        if (open < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String text = value.apply(template.substring(open + 1, close));
            out.append(template, i, open).append(text != null ? text : template.substring(open, close + 1));
            i = close + 1;
        }
        return out.toString();
    }
}
