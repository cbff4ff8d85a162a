package org.thidua.service.http;

import org.thidua.service.sheets.SheetFormatException;

/** A body that cannot be read as a sheet at all (not UTF-8, not XLSX, an old .xls, no header): answered 400. */
public final class SheetFormatProblem extends RuntimeException {
    SheetFormatProblem(SheetFormatException cause) {
        super(cause.getMessage(), cause);
    }
}
