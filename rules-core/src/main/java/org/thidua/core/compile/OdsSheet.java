package org.thidua.core.compile;

import static org.thidua.core.compile.SheetTable.MAX_COLUMNS;
import static org.thidua.core.compile.SheetTable.xml;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.thidua.core.compile.SheetTable.Cell;
import org.thidua.core.compile.SheetTable.Unreadable;

/**
 * A criteria sheet saved by LibreOffice Calc: the first table of an ODS's {@code content.xml}, where repeated rows and
 * cells are written once with a count, and a cell's text is its paragraphs.
 */
final class OdsSheet {
    private OdsSheet() {
    }

    static List<List<Cell>> rows(byte[] content) throws XMLStreamException, IOException, Unreadable {
        XMLStreamReader r = xml(content);
        SheetTable.Rows rows = new SheetTable.Rows();
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
                rows.add(row);
                row = null;
            } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("table") && tables == 1) {
                break;
            }
        }
        return rows.list();
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
