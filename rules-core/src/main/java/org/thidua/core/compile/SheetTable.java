package org.thidua.core.compile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The cells of a criteria sheet's first sheet, with the JDK alone: CSV (UTF-8, {@link CsvSheet}), XLSX
 * ({@link XlsxSheet}) and ODS ({@link OdsSheet}), both a zip of XML read with StAX, no DTD, no external entity. A sheet
 * is untrusted and small: at most {@value #MAX_ROWS} rows, {@value #MAX_COLUMNS} columns and {@value #MAX_XML_BYTES}
 * bytes of XML, or it is refused.
 */
final class SheetTable {
    static final int MAX_ROWS = 500;
    static final int MAX_COLUMNS = 40;
    static final int MAX_XML_BYTES = 8 << 20;

    /**
     * One non-empty cell.
     *
     * @param number  the cell's number when the sheet stores one (a percent cell holds 0.95 for 95%)
     * @param percent whether the sheet shows the number as a percentage
     * @param row     1-based, as the spreadsheet shows it
     * @param column  1-based (A is 1)
     */
    record Cell(String text, BigDecimal number, boolean percent, int row, int column) {
    }

    /** Why a sheet cannot be read at all. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** The rows read so far, each a list of its non-empty cells: an empty row is left out, one past {@value #MAX_ROWS} refused. */
    static final class Rows {
        private final List<List<Cell>> rows = new ArrayList<>();

        void add(List<Cell> row) throws Unreadable {
            if (!row.isEmpty()) {
                rows.add(row);
                if (rows.size() > MAX_ROWS) {
                    throw new Unreadable("Bảng có quá " + MAX_ROWS + " dòng (more than " + MAX_ROWS + " rows)");
                }
            }
        }

        List<List<Cell>> list() {
            return rows;
        }
    }

    private SheetTable() {
    }

    /** The rows of the sheet, each a list of its non-empty cells; empty rows are left out. */
    static List<List<Cell>> read(String fileName, byte[] bytes) throws Unreadable {
        if (fileName.endsWith(".csv")) {
            return CsvSheet.rows(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""));
        }
        try {
            return fileName.endsWith(".ods") ? OdsSheet.rows(entries(bytes, Set.of("content.xml")).get("content.xml"))
                    : XlsxSheet.rows(entries(bytes, Set.of(XlsxSheet.SHARED_STRINGS, XlsxSheet.STYLES, XlsxSheet.SHEET)));
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw new Unreadable("Không đọc được bảng tính: " + e.getClass().getSimpleName()
                    + "; hãy lưu lại từ Excel hoặc LibreOffice Calc (the spreadsheet cannot be read)");
        }
    }

    /** The named entries of a zip, each at most {@link #MAX_XML_BYTES} once inflated. */
    private static Map<String, byte[]> entries(byte[] zipBytes, Set<String> names) throws IOException {
        Map<String, byte[]> found = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (names.contains(entry.getName())) {
                    found.put(entry.getName(), bounded(zip));
                }
            }
        }
        return found;
    }

    private static byte[] bounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_XML_BYTES) {
                throw new IOException("entry larger than " + MAX_XML_BYTES + " bytes");
            }
        }
        return out.toByteArray();
    }

    /** A part of the zip as XML: no DTD, no external entity; a missing part makes the sheet unreadable. */
    static XMLStreamReader xml(byte[] bytes) throws XMLStreamException, IOException {
        if (bytes == null) {
            throw new IOException("missing part");
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
    }

    /** {@code B7} → 2. */
    static int columnOf(String ref) {
        int column = 0;
        for (char c : ref.toCharArray()) {
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column;
    }

    /** 2 → {@code B}. */
    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }
}
