package org.thidua.service.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.thidua.core.Commendation;

/** The proposed commendations as CSV ({@link CsvTable}); the columns and cells of {@link CommendationExport}, as the XLSX has them. */
public final class CommendationCsv {
    private CommendationCsv() {
    }

    public static String render(List<Commendation> commendations) {
        StringBuilder text = new StringBuilder();
        try {
            CsvTable csv = new CsvTable(text, CommendationExport.HEADER);
            int number = 0;
            for (Commendation c : commendations) {
                csv.row(CommendationExport.cells(++number, c));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A StringBuilder does not fail", e);
        }
        return text.toString();
    }
}
