package org.thidua.service.sheets;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The rows of one sheet, read one at a time so a large file is never held in memory. The first non-blank row is
 * the header; blank rows are skipped.
 */
public interface SheetRows extends Closeable {
    /** The header row's cells, as written. */
    List<String> header();

    /** The header's row number. */
    int headerRow();

    /** The next non-blank data row, or {@code null} at the end. */
    SheetRow next() throws IOException;

    /** How far through its input the reader is, 0–1, or a negative number when that is unknown. */
    default double progress() {
        return -1;
    }
}
