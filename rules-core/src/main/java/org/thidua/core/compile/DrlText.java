package org.thidua.core.compile;

/**
 * A DRL file's text seen as code: comments and the content of string literals replaced by spaces, every other
 * character (and so every line and column) where it was. What the safety gate and the error locators search.
 */
final class DrlText {
    private final String original;
    private final String code;
    private final String withStrings;

    private DrlText(String original, String code, String withStrings) {
        this.original = original;
        this.code = code;
        this.withStrings = withStrings;
    }

    static DrlText of(String text) {
        StringBuilder code = new StringBuilder(text);
        StringBuilder withStrings = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                blank(code, i, end);
                blank(withStrings, i, end);
                i = end;
            } else if (c == '/' && next == '*') {
                int close = text.indexOf("*/", i + 2);
                int end = close < 0 ? text.length() : close + 2;
                blank(code, i, end);
                blank(withStrings, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c && text.charAt(end) != '\n') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= text.length() || text.charAt(end) == '\n') {
                    // Java strings end on their line: an unclosed one is blanked to the end of its line only
                    end = Math.min(end, text.length());
                    blank(code, i + 1, end);
                    i = end;
                } else {
                    blank(code, i + 1, end);
                    i = end + 1;
                }
            } else {
                i++;
            }
        }
        return new DrlText(text, code.toString(), withStrings.toString());
    }

    private static void blank(StringBuilder text, int from, int to) {
        for (int i = from; i < Math.min(to, text.length()); i++) {
            if (text.charAt(i) != '\n') {
                text.setCharAt(i, ' ');
            }
        }
    }

    /** The text as written. */
    String original() {
        return original;
    }

    /** Comments and string contents blanked (the quotes stay). */
    String code() {
        return code;
    }

    /** Comments blanked, strings as written. */
    String withStrings() {
        return withStrings;
    }

    /** The line (from 1) of an offset. */
    int line(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < original.length(); i++) {
            if (original.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The column (from 1) of an offset. */
    int column(int offset) {
        int start = original.lastIndexOf('\n', offset - 1) + 1;
        return offset - start + 1;
    }

    /** The offset where a line (from 1) starts, or the text's length when there is no such line. */
    int lineStart(int line) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int newline = original.indexOf('\n', offset);
            if (newline < 0) {
                return original.length();
            }
            offset = newline + 1;
        }
        return offset;
    }
}
