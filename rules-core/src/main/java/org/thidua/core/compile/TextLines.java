package org.thidua.core.compile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where in a rule file's text something is, as the line number a person reads (from 1; 0 when not found). */
public final class TextLines {
    private TextLines() {
    }

    /** The line of the first match of {@code regex} in {@code text}; 0 when there is none or no text. */
    public static int lineOf(String text, String regex) {
        if (text == null) {
            return 0;
        }
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? lineAt(text, matcher.start()) : 0;
    }

    /** The line the character at {@code offset} stands on. */
    public static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
