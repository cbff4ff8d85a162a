package org.thidua.service.sheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.thidua.core.Campaign;

/**
 * The blank form staff fill in: the header row of a campaign's unit-figures sheet and nothing else, as CSV (UTF-8
 * with the byte-order mark Excel needs to show Vietnamese) or XLSX. The same campaign always gives the same bytes,
 * so the file {@code thidua template} writes is the one the service serves. A filled-in example is
 * {@code examples/data/units.xlsx}.
 */
public final class UnitSheetTemplate {
    /** Zip entries are dated as fastexcel dates them: the earliest date a zip can hold. */
    private static final LocalDateTime ZIP_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final List<UnitColumns.Column> columns;

    public UnitSheetTemplate(Campaign campaign) {
        this.columns = UnitColumns.of(campaign);
    }

    public List<String> headers() {
        return columns.stream().map(UnitColumns.Column::header).toList();
    }

    /** The template as a file named {@code .xlsx} gets it: XLSX; any other name: CSV. */
    public void write(OutputStream out, boolean xlsx) throws IOException {
        if (xlsx) {
            writeXlsx(out);
        } else {
            writeCsv(out);
        }
    }

    public void writeCsv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
        csv.printRecord(headers());
        csv.flush();
    }

    public void writeXlsx(OutputStream out) throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(written, "thidua", "1.0");
        Worksheet sheet = workbook.newWorksheet("Số liệu đơn vị");
        List<String> headers = headers();
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().wrapText(true).fillColor("DDEBF7").set();
            sheet.width(c, c == 1 ? 30 : 16);
        }
        sheet.freezePane(0, 1);
        workbook.finish();
        withoutCreationTime(written.toByteArray(), out);
    }

    /**
     * Copies a workbook without the time fastexcel writes into {@code docProps/core.xml} (the only part that
     * changes from one run to the next); a blank form has no date of its own. The copy goes through a temporary
     * file because fastexcel's archive has Zip64 data descriptors, which only {@link ZipFile} reads.
     */
    private static void withoutCreationTime(byte[] workbook, OutputStream out) throws IOException {
        Path file = Files.createTempFile("thidua-template-", ".xlsx");
        try {
            Files.write(file, workbook);
            ZipOutputStream zip = new ZipOutputStream(out);
            try (ZipFile in = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(in.entries())) {
                    byte[] content;
                    try (InputStream part = in.getInputStream(entry)) {
                        content = part.readAllBytes();
                    }
                    if (entry.getName().equals("docProps/core.xml")) {
                        content = new String(content, StandardCharsets.UTF_8)
                                .replaceAll("<dcterms:created[^>]*>[^<]*</dcterms:created>", "").getBytes(StandardCharsets.UTF_8);
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTimeLocal(ZIP_EPOCH);
                    zip.putNextEntry(copy);
                    zip.write(content);
                    zip.closeEntry();
                }
            }
            zip.finish();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
