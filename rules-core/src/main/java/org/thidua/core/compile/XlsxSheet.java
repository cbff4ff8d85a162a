package org.thidua.core.compile;

import static org.thidua.core.compile.SheetTable.MAX_COLUMNS;
import static org.thidua.core.compile.SheetTable.columnOf;
import static org.thidua.core.compile.SheetTable.xml;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.thidua.core.compile.SheetTable.Cell;
import org.thidua.core.compile.SheetTable.Unreadable;

/**
 * A criteria sheet saved by Excel: the first worksheet of an XLSX, its texts kept once in the shared strings (without
 * their phonetic guides), and whether a number shows as a percentage decided by its cell style.
 */
final class XlsxSheet {
    static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    static final String STYLES = "xl/styles.xml";
    static final String SHEET = "xl/worksheets/sheet1.xml";

    private XlsxSheet() {
    }

    static List<List<Cell>> rows(Map<String, byte[]> parts) throws XMLStreamException, IOException, Unreadable {
        List<String> shared = sharedStrings(parts.get(SHARED_STRINGS));
        List<Boolean> percentStyles = percentStyles(parts.get(STYLES));
        SheetTable.Rows rows = new SheetTable.Rows();
        XMLStreamReader r = xml(parts.get(SHEET));
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
                rows.add(row);
                row = null;
            }
        }
        return rows.list();
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

    /** The shared strings in order (a cell of type {@code s} holds an index into them); none when the part is missing. */
    private static List<String> sharedStrings(byte[] part) throws XMLStreamException, IOException {
        List<String> shared = new ArrayList<>();
        if (part == null) {
            return shared;
        }
        XMLStreamReader r = xml(part);
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
        return shared;
    }
}
