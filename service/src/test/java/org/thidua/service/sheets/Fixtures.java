package org.thidua.service.sheets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.thidua.core.EvaluationRequest;
import org.thidua.core.RuleLibrary;

/** The bundled campaigns, compiled once for all sheet tests, and reading a sheet file with them. */
final class Fixtures {
    static final RuleLibrary LIBRARY = RuleLibrary.bundled();
    static final Path SHEETS = Path.of("src/test/resources/sheets");
    static final Path TWO_UNITS_JSON = Path.of("src/test/resources/requests/two-units.json");

    private Fixtures() {
    }

    static EvaluationRequest readSheet(Path file) throws IOException {
        try (SheetRows rows = Sheets.open(file)) {
            return new UnitSheetReader(LIBRARY).read(rows, null);
        }
    }

    static EvaluationRequest readJson(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return LIBRARY.read(in, null);
        }
    }
}
