package org.thidua.service.sheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/** The first sheet of an XLSX workbook, streamed row by row (fastexcel-reader, no Apache POI). */
final class XlsxRows extends FirstRowHeader {
    /** The whole file: fastexcel holds it in memory anyway, and a failure's cell is looked for in it. */
    private final byte[] bytes;
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;

    XlsxRows(InputStream in) throws IOException {
        this.bytes = in.readAllBytes();
        try {
            this.workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false));
            this.stream = workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            throw new SheetFormatException("Không mở được tệp XLSX: " + e.getMessage()
                    + " (not a readable XLSX workbook; save it again from Excel as .xlsx)", e);
        }
        this.rows = stream.iterator();
        readHeader(EMPTY_SHEET);
    }

    @Override
    public SheetRow next() throws IOException {
        try {
            while (rows.hasNext()) {
                SheetRow row = convert(rows.next());
                if (!row.isBlank()) {
                    return row;
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            throw new SheetFormatException("Không đọc được tệp XLSX: " + e.getCause().getMessage() + " (unreadable XLSX)", e);
        } catch (RuntimeException e) {
            // the XML of a part is broken (a lone surrogate, a control character, bytes that are no UTF-8) or a value
            // is not what its type says: the file's fault, told at its cell when the cell can be found
            SheetFormatException located = XlsxBadCharacter.locate(bytes, e).orElse(null);
            throw located != null ? located : new SheetFormatException("Không đọc được tệp XLSX: " + e.getMessage()
                    + " (unreadable XLSX; save it again from Excel as .xlsx)", e);
        }
    }

    @Override
    public void close() throws IOException {
        stream.close();
        workbook.close();
    }

    private static SheetRow convert(Row row) {
        List<SheetCell> cells = new ArrayList<>(row.getCellCount());
        for (int c = 0; c < row.getCellCount(); c++) {
            cells.add(convert(row.getCell(c)));
        }
        return new SheetRow(row.getRowNum(), cells);
    }

    private static SheetCell convert(Cell cell) {
        if (cell == null) {
            return SheetCell.BLANK;
        }
        return switch (cell.getType()) {
            case NUMBER -> isDate(cell)
                    ? new SheetCell(cell.getRawValue(), cell.asNumber(), cell.asDate())
                    : new SheetCell(cell.asNumber().stripTrailingZeros().toPlainString(), cell.asNumber(), null);
            case STRING -> SheetCell.text(cell.asString());
            case BOOLEAN -> SheetCell.text(Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE");
            case FORMULA, ERROR -> SheetCell.text(cell.getRawValue());
            case EMPTY -> SheetCell.BLANK;
        };
    }

    /** Whether a numeric cell is formatted as a date (built-in date formats, or a custom one with d or y in it). */
    private static boolean isDate(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "").toLowerCase(java.util.Locale.ROOT);
        return bare.contains("d") || bare.contains("y");
    }
}
