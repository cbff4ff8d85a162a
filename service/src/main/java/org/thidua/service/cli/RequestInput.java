package org.thidua.service.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.thidua.core.EvaluationRequest;
import org.thidua.core.RuleLibrary;
import org.thidua.service.sheets.SheetFormat;
import org.thidua.service.sheets.SheetRows;
import org.thidua.service.sheets.Sheets;
import org.thidua.service.sheets.UnitSheetReader;

/**
 * A request file as {@code --input} names it: JSON contract v1, or a sheet of unit figures (CSV, XLSX or ODS). Told
 * apart by the name's extension, else by the content (an XLSX file is a ZIP archive; JSON starts with {@code {}).
 */
public final class RequestInput {
    private RequestInput() {
    }

    static EvaluationRequest read(RuleLibrary library, String input, String campaignOverride) throws IOException {
        boolean stdin = "-".equals(input);
        long size = stdin ? -1 : Files.size(Path.of(input));
        try (BufferedInputStream in = new BufferedInputStream(stdin ? System.in : Files.newInputStream(Path.of(input)), 1 << 16)) {
            if (isSheet(input, in)) {
                try (SheetRows rows = Sheets.open(in, size, SheetFormat.ofFileName(input))) {
                    return new UnitSheetReader(library).read(rows, campaignOverride);
                }
            }
            return library.read(in, campaignOverride);
        }
    }

    private static boolean isSheet(String name, BufferedInputStream in) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (SheetFormat.ofFileName(lower) != null || lower.endsWith(".xls")) {
            return true;
        }
        if (lower.endsWith(".json")) {
            return false;
        }
        if (Sheets.isXlsx(in)) {
            return true;
        }
        in.mark(64);
        byte[] start = in.readNBytes(64);
        in.reset();
        String text = new String(start, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        return !(text.startsWith("{") || text.startsWith("[") || text.isEmpty());
    }
}
