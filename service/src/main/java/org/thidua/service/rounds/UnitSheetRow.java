package org.thidua.service.rounds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.thidua.core.RuleLibrary;
import org.thidua.service.sheets.SheetFormat;
import org.thidua.service.sheets.SheetFormatException;
import org.thidua.service.sheets.SheetRows;
import org.thidua.service.sheets.Sheets;
import org.thidua.service.sheets.UnitSheetReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A unit's row of a unit sheet as its contract v1 report: read as a sheet POSTed for evaluation is, cell by cell. */
final class UnitSheetRow {
    private UnitSheetRow() {
    }

    /**
     * @throws SheetFormatException when the body cannot be read as a sheet at all
     * @throws RoundException       when the sheet holds more than one row
     */
    static JsonNode read(RuleLibrary library, String campaign, String unitId, byte[] sheet, SheetFormat format)
            throws SheetFormatException {
        ObjectNode tree;
        try (SheetRows rows = Sheets.open(new ByteArrayInputStream(sheet), sheet.length, format)) {
            tree = new UnitSheetReader(library).check(rows, campaign).tree();
        } catch (SheetFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a sheet held in memory failed", e);
        }
        JsonNode reports = tree.get("reports");
        if (reports.size() != 1) {
            throw RoundException.invalid("$", "bảng tính phải có đúng một dòng, của đơn vị '" + unitId + "'; có " + reports.size()
                    + " dòng (the sheet must hold the unit's row only)");
        }
        return reports.get(0);
    }
}
