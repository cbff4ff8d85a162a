package org.thidua.service.sheets;

/** A file that cannot be read as a sheet at all (not UTF-8, not XLSX, no header): what to do about it. */
public class SheetFormatException extends java.io.IOException {
    public SheetFormatException(String message) {
        super(message);
    }

    public SheetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
