package org.thidua.service.imports;

import java.io.PrintWriter;

/** A one-line progress bar on a terminal: redrawn in place at most five times a second. */
public final class ProgressBar implements Progress {
    private static final int WIDTH = 30;
    private final PrintWriter terminal;
    private final String label;
    private long lastDrawn;

    public ProgressBar(PrintWriter terminal, String label) {
        this.terminal = terminal;
        this.label = label;
    }

    @Override
    public void update(long rows, double fraction) {
        long now = System.nanoTime();
        if (now - lastDrawn > 200_000_000L) {
            lastDrawn = now;
            terminal.print("\r" + line(label, rows, fraction));
            terminal.flush();
        }
    }

    @Override
    public void done(long rows) {
        terminal.print("\r" + line(label, rows, 1.0) + System.lineSeparator());
        terminal.flush();
    }

    /** The bar's text: {@code hồ sơ [#########.....]  45% 450.000 dòng}; without a known fraction, only the count. */
    static String line(String label, long rows, double fraction) {
        String count = String.format(java.util.Locale.ROOT, "%,d", rows).replace(',', '.') + " dòng";
        if (fraction < 0) {
            return label + " " + count;
        }
        int filled = (int) Math.round(Math.min(1, fraction) * WIDTH);
        return label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format(java.util.Locale.ROOT, "%3d%%", Math.round(Math.min(1, fraction) * 100)) + " " + count;
    }
}
