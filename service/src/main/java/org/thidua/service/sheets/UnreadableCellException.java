package org.thidua.service.sheets;

/**
 * A cell whose bytes are not text a spreadsheet may hold — a lone UTF-16 surrogate or a control character written as
 * {@code &#xD800;} or as raw bytes — so the file's XML cannot be read past it. It names the cell; a reader of unit
 * sheets reports it at its row and column like any refused value.
 */
public final class UnreadableCellException extends SheetFormatException {
    private final int row;
    private final int column;
    private final String what;

    /**
     * @param row    the row as the spreadsheet numbers it
     * @param column the column, 0-based
     * @param what   what is wrong with the cell's text
     */
    UnreadableCellException(int row, int column, String what, Throwable cause) {
        super("ô " + name(row, column) + " " + what, cause);
        this.row = row;
        this.column = column;
        this.what = what;
    }

    public int row() {
        return row;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without the cell's name. */
    public String what() {
        return what;
    }

    /** The message for a character code the XML parser refused: a lone surrogate, or another character XML cannot hold. */
    static String badCharacter(int code) {
        if (code >= 0xD800 && code <= 0xDFFF) {
            return String.format("chứa nửa cặp UTF-16 đơn lẻ U+%04X, không phải văn bản Unicode hợp lệ; gõ lại ô này"
                    + " (lone surrogate: not valid Unicode text)", code);
        }
        return code < 0 ? "chứa ký tự không hợp lệ trong bảng tính; gõ lại ô này (a character a spreadsheet cannot hold)"
                : String.format("chứa ký tự không hợp lệ U+%04X; gõ lại ô này (a character a spreadsheet cannot hold)", code);
    }

    /** A cell as a spreadsheet names it: C5. */
    static String name(int row, int column) {
        return letters(column) + row;
    }

    /** A column as a spreadsheet names it: A for 0, AA for 26. */
    static String letters(int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }
}
