package org.thidua.core.compile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The cells of a criteria sheet's first sheet, with the JDK alone: CSV (UTF-8), XLSX and ODS (both a zip of XML,
 * read with StAX, no DTD, no external entity). A sheet is untrusted and small: at most {@value #MAX_ROWS} rows,
 * {@value #MAX_COLUMNS} columns and {@value #MAX_XML_BYTES} bytes of XML, or it is refused.
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

    private SheetTable() {
    }

    /** The rows of the sheet, each a list of its non-empty cells; empty rows are left out. */
    static List<List<Cell>> read(String fileName, byte[] bytes) throws Unreadable {
        if (fileName.endsWith(".csv")) {
            return csv(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""));
        }
        try {
            return fileName.endsWith(".ods") ? ods(entries(bytes, Set.of("content.xml")).get("content.xml"))
                    : xlsx(entries(bytes, Set.of("xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml")));
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw new Unreadable("Không đọc được bảng tính: " + e.getClass().getSimpleName()
                    + "; hãy lưu lại từ Excel hoặc LibreOffice Calc (the spreadsheet cannot be read)");
        }
    }

    static List<List<Cell>> csv(String text) throws Unreadable {
        String firstLine = text.lines().findFirst().orElse("");
        char separator = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
        List<List<Cell>> rows = new ArrayList<>();
        List<Cell> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int column = 1;
        boolean quoted = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == separator || c == '\n') {
                String value = cell.toString().replaceFirst("\r$", "").strip();
                if (!value.isEmpty()) {
                    row.add(new Cell(value, null, false, rowLine, column));
                }
                cell.setLength(0);
                column++;
                if (column > MAX_COLUMNS + 1) {
                    throw new Unreadable("Bảng có quá " + MAX_COLUMNS + " cột (more than " + MAX_COLUMNS + " columns)");
                }
                if (c == '\n') {
                    if (!row.isEmpty()) {
                        rows.add(row);
                    }
                    row = new ArrayList<>();
                    line++;
                    rowLine = line;
                    column = 1;
                    if (rows.size() > MAX_ROWS) {
                        throw new Unreadable("Bảng có quá " + MAX_ROWS + " dòng (more than " + MAX_ROWS + " rows)");
                    }
                }
            } else {
                cell.append(c);
            }
        }
        return rows;
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

    private static XMLStreamReader xml(byte[] bytes) throws XMLStreamException, IOException {
        if (bytes == null) {
            throw new IOException("missing part");
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
    }

    private static List<List<Cell>> xlsx(Map<String, byte[]> parts) throws XMLStreamException, IOException, Unreadable {
        List<String> shared = new ArrayList<>();
        if (parts.containsKey("xl/sharedStrings.xml")) {
            XMLStreamReader r = xml(parts.get("xl/sharedStrings.xml"));
            StringBuilder text = null;
            boolean phonetic = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "si" -> text = new StringBuilder();
                        case "rPh" -> phonetic = true;
                        case "t" -> {
                            String t = r.getElementText();
                            if (text != null && !phonetic) {
                                text.append(t);
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("si") && text != null) {
                    shared.add(text.toString());
                } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("rPh")) {
                    phonetic = false;
                }
            }
        }
        List<Boolean> percentStyles = percentStyles(parts.get("xl/styles.xml"));
        List<List<Cell>> rows = new ArrayList<>();
        XMLStreamReader r = xml(parts.get("xl/worksheets/sheet1.xml"));
        List<Cell> row = null;
        String ref = null;
        String type = null;
        int style = 0;
        String value = null;
        int rowNumber = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "row" -> {
                        row = new ArrayList<>();
                        String number = r.getAttributeValue(null, "r");
                        rowNumber = number == null ? rowNumber + 1 : Integer.parseInt(number);
                    }
                    case "c" -> {
                        ref = r.getAttributeValue(null, "r");
                        type = r.getAttributeValue(null, "t");
                        String s = r.getAttributeValue(null, "s");
                        style = s == null ? 0 : Integer.parseInt(s);
                        value = null;
                    }
                    case "v" -> value = r.getElementText();
                    case "t" -> value = (value == null ? "" : value) + r.getElementText();
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("c") && row != null && value != null) {
                int column = ref == null ? row.size() + 1 : columnOf(ref);
                if (column > MAX_COLUMNS) {
                    continue;
                }
                if ("s".equals(type)) {
                    String text = shared.get(Integer.parseInt(value.trim())).strip();
                    if (!text.isEmpty()) {
                        row.add(new Cell(text, null, false, rowNumber, column));
                    }
                } else if (type == null || "n".equals(type)) {
                    BigDecimal number = new BigDecimal(value.trim());
                    row.add(new Cell(number.stripTrailingZeros().toPlainString(), number,
                            style < percentStyles.size() && percentStyles.get(style), rowNumber, column));
                } else if (!value.isBlank()) { // str, inlineStr, b, e
                    row.add(new Cell("b".equals(type) ? (value.trim().equals("1") ? "TRUE" : "FALSE") : value.strip(), null, false,
                            rowNumber, column));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("row") && row != null) {
                if (!row.isEmpty()) {
                    rows.add(row);
                    if (rows.size() > MAX_ROWS) {
                        throw new Unreadable("Bảng có quá " + MAX_ROWS + " dòng (more than " + MAX_ROWS + " rows)");
                    }
                }
                row = null;
            }
        }
        return rows;
    }

    /** For each cell style ({@code cellXfs} in order): whether its number format shows a percentage. */
    private static List<Boolean> percentStyles(byte[] styles) throws XMLStreamException, IOException {
        List<Boolean> percent = new ArrayList<>();
        if (styles == null) {
            return percent;
        }
        Set<Integer> percentFormats = new HashSet<>(Set.of(9, 10));
        XMLStreamReader r = xml(styles);
        boolean inCellXfs = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "numFmt" -> {
                        String code = r.getAttributeValue(null, "formatCode");
                        if (code != null && code.replaceAll("\"[^\"]*\"", "").contains("%")) {
                            percentFormats.add(Integer.parseInt(r.getAttributeValue(null, "numFmtId")));
                        }
                    }
                    case "cellXfs" -> inCellXfs = true;
                    case "xf" -> {
                        if (inCellXfs) {
                            String id = r.getAttributeValue(null, "numFmtId");
                            percent.add(id != null && percentFormats.contains(Integer.parseInt(id)));
                        }
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("cellXfs")) {
                inCellXfs = false;
            }
        }
        return percent;
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

    private static List<List<Cell>> ods(byte[] content) throws XMLStreamException, IOException, Unreadable {
        XMLStreamReader r = xml(content);
        List<List<Cell>> rows = new ArrayList<>();
        int rowNumber = 0;
        int column = 0;
        int tables = 0;
        List<Cell> row = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if (name.equals("table")) {
                    tables++;
                } else if (tables == 1 && name.equals("table-row")) {
                    row = new ArrayList<>();
                    column = 0;
                    rowNumber++;
                    int repeated = repeat(r, "number-rows-repeated");
                    if (repeated > 1) {
                        rowNumber += repeated - 1; // only blank rows are repeated in what people write
                    }
                } else if (tables == 1 && row != null && (name.equals("table-cell") || name.equals("covered-table-cell"))) {
                    int repeated = repeat(r, "number-columns-repeated");
                    String valueType = attribute(r, "value-type");
                    String value = attribute(r, "value");
                    String text = cellText(r);
                    column++;
                    if (!text.isBlank() || value != null) {
                        BigDecimal number = null;
                        if (value != null && ("float".equals(valueType) || "percentage".equals(valueType) || "currency".equals(valueType))) {
                            number = new BigDecimal(value);
                        }
                        for (int k = 0; k < Math.min(repeated, MAX_COLUMNS); k++) {
                            if (column + k <= MAX_COLUMNS) {
                                row.add(new Cell(number != null && text.isBlank() ? number.toPlainString() : text.strip(), number,
                                        "percentage".equals(valueType), rowNumber, column + k));
                            }
                        }
                    }
                    column += Math.min(repeated, MAX_COLUMNS + 1) - 1;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("table-row") && row != null) {
                if (!row.isEmpty()) {
                    rows.add(row);
                    if (rows.size() > MAX_ROWS) {
                        throw new Unreadable("Bảng có quá " + MAX_ROWS + " dòng (more than " + MAX_ROWS + " rows)");
                    }
                }
                row = null;
            } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("table") && tables == 1) {
                break;
            }
        }
        return rows;
    }

    private static String attribute(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(localName)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private static int repeat(XMLStreamReader r, String localName) {
        String value = attribute(r, localName);
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The text of a cell: its paragraphs joined by new lines; {@code <text:s/>} is a space. Leaves the reader at the cell's end. */
    private static String cellText(XMLStreamReader r) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        int paragraphs = 0;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (r.getLocalName().equals("p") && paragraphs++ > 0) {
                    text.append('\n');
                } else if (r.getLocalName().equals("s")) {
                    String c = attribute(r, "c");
                    text.append(" ".repeat(c == null ? 1 : Math.min(100, Math.max(1, Integer.parseInt(c)))));
                } else if (r.getLocalName().equals("tab")) {
                    text.append('\t');
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            }
        }
        return text.toString();
    }
}
