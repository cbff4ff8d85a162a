package org.thidua.service.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A table of cells (text, or numbers kept numbers in XLSX) written as the other exports are: CSV in UTF-8 with the
 * byte-order mark and formulas neutralised ({@link CsvTable}), XLSX with the shaded header ({@link XlsxHeader}).
 * For tables whose columns are made elsewhere (a round's results, its audit trail).
 */
public final class TableExport {
    private final String sheet;
    private final List<String> header;
    private final List<Integer> widths;
    private final List<List<Object>> rows = new ArrayList<>();

    /** @param widths each column's width in XLSX, in characters */
    public TableExport(String sheet, List<String> header, List<Integer> widths) {
        this.sheet = sheet;
        this.header = List.copyOf(header);
        this.widths = List.copyOf(widths);
    }

    /** Adds a row: {@link Number}s stay numbers in XLSX (and are written with a decimal comma in CSV). */
    public TableExport row(List<?> cells) {
        rows.add(new ArrayList<>(cells));
        return this;
    }

    public void writeCsv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvTable csv = new CsvTable(writer, header);
        for (List<Object> row : rows) {
            csv.row(row.stream().map(TableExport::text).toList());
        }
        writer.flush();
    }

    public void writeXlsx(OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "thidua", "1.0");
        Worksheet worksheet = workbook.newWorksheet(sheet);
        XlsxHeader.write(worksheet, header, widths);
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (cell instanceof Number number) {
                    worksheet.value(r + 1, c, number);
                } else {
                    worksheet.value(r + 1, c, cell == null ? "" : cell.toString());
                }
            }
        }
        worksheet.freezePane(0, 1);
        workbook.finish();
    }

    private static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Integer || cell instanceof Long) {
            return cell.toString();
        }
        if (cell instanceof Number number) {
            return org.thidua.core.VietnameseNumbers.number(number.doubleValue());
        }
        return cell.toString();
    }
}
