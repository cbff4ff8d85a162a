package org.thidua.service.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.thidua.core.Campaign;

/**
 * The blank form staff fill in: the header row of a campaign's unit-figures sheet and one example row, as CSV
 * (UTF-8 with the byte-order mark Excel needs to show Vietnamese) or XLSX.
 */
public final class UnitSheetTemplate {
    private static final List<Object> EXAMPLE = List.of("xa-binh-yen", "UBND xã Bình Yên", "Xã", 200, 191, 300, 1215, 5, 0,
            12, 12, 20, 19, "Có");

    private final List<UnitColumns.Column> columns;

    public UnitSheetTemplate(Campaign campaign) {
        this.columns = UnitColumns.of(campaign);
    }

    public List<String> headers() {
        return columns.stream().map(UnitColumns.Column::header).toList();
    }

    private List<Object> exampleRow() {
        List<Object> row = new ArrayList<>(EXAMPLE);
        while (row.size() < columns.size()) {
            row.add("");
        }
        return row;
    }

    public void writeCsv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
        csv.printRecord(headers());
        csv.printRecord(exampleRow());
        csv.flush();
    }

    public void writeXlsx(OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "thidua", "1.0");
        Worksheet sheet = workbook.newWorksheet("Số liệu đơn vị");
        List<String> headers = headers();
        List<Object> example = exampleRow();
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().wrapText(true).fillColor("DDEBF7").set();
            sheet.width(c, c == 1 ? 30 : 16);
            Object value = example.get(c);
            if (value instanceof Number number) {
                sheet.value(1, c, number);
            } else if (!"".equals(value)) {
                sheet.value(1, c, (String) value);
            }
        }
        sheet.freezePane(0, 1);
        workbook.finish();
    }
}
