package org.thidua.service.cli;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Rows of text with their columns aligned for a terminal, Vietnamese intact: a header, a rule under it, the rows. */
public final class TerminalTable {
    private static final String NL = System.lineSeparator();

    private TerminalTable() {
    }

    /**
     * Appends the header, a rule of {@code ─} and the rows, each line with its trailing spaces stripped.
     *
     * @param rightAligned the positions of the columns aligned to the right (numbers); the others go to the left
     */
    static void append(StringBuilder text, List<String> header, List<List<String>> rows, Set<Integer> rightAligned) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>(rows);
        all.add(header);
        for (List<String> row : all) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        appendRow(text, header, widths, rightAligned);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("─".repeat(width));
        }
        appendRow(text, rule, widths, rightAligned);
        rows.forEach(row -> appendRow(text, row, widths, rightAligned));
    }

    private static void appendRow(StringBuilder text, List<String> cells, int[] widths, Set<Integer> rightAligned) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - width(cell));
            line.append(rightAligned.contains(c) ? padding + cell : cell + padding).append(c == cells.size() - 1 ? "" : "  ");
        }
        text.append(line.toString().stripTrailing()).append(NL);
    }

    /** Columns a text takes in a terminal: combining marks take none. */
    public static int width(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        return (int) composed.codePoints().filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK).count();
    }
}
