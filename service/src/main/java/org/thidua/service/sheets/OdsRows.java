package org.thidua.service.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first sheet of an OpenDocument spreadsheet (LibreOffice's {@code .ods}), streamed row by row: the archive's
 * {@code content.xml} is read with StAX, never held whole. Repeated rows and cells ({@code number-rows-repeated},
 * {@code number-columns-repeated}) are expanded only where they hold something — LibreOffice ends every row with a
 * thousand repeated blank cells and every sheet with a million repeated blank rows — and never past the limits of a
 * spreadsheet.
 */
final class OdsRows extends FirstRowHeader {
    static final int MAX_ROWS = 1_048_576;
    static final int MAX_COLUMNS = 16_384;
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final Pattern REFUSED_CODE = Pattern.compile("0x([0-9a-fA-F]{1,6})\\)");

    private final ZipInputStream zip;
    private final XMLStreamReader xml;
    private final Deque<SheetRow> pending = new ArrayDeque<>();
    /** The number of the next row the archive holds (1-based, as LibreOffice shows it). */
    private int rowNumber = 1;
    private boolean tableEnded;

    OdsRows(InputStream in) throws IOException {
        this.zip = new ZipInputStream(in);
        try {
            ZipEntry entry = zip.getNextEntry();
            while (entry != null && !entry.getName().equals("content.xml")) {
                entry = zip.getNextEntry();
            }
            if (entry == null) {
                throw new SheetFormatException("Tệp ODS không có content.xml: không phải bảng tính LibreOffice đọc được; "
                        + "lưu lại từ LibreOffice Calc dưới dạng .ods (not a readable ODS workbook)");
            }
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            this.xml = factory.createXMLStreamReader(zip);
            toFirstTable();
        } catch (IOException | XMLStreamException | RuntimeException e) {
            zip.close();
            throw e instanceof SheetFormatException format ? format : unreadable(e);
        }
        readHeader(EMPTY_SHEET);
    }

    @Override
    public SheetRow next() throws IOException {
        try {
            while (pending.isEmpty() && !tableEnded) {
                readRow();
            }
            return pending.poll();
        } catch (XMLStreamException e) {
            throw unreadable(e);
        } catch (RuntimeException e) {
            // the StAX reader wraps what it finds while a text is read (aalto: UncheckedStreamException)
            throw e.getCause() instanceof XMLStreamException xml ? unreadable(xml) : unreadable(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the archive is closed below either way
        }
        zip.close();
    }

    private void toFirstTable() throws XMLStreamException, SheetFormatException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && isTable("table")) {
                return;
            }
        }
        throw new SheetFormatException("Tệp ODS không có trang tính nào (the workbook has no sheet)");
    }

    /** Reads up to the next row of the sheet (queuing it, repeated, when it is not blank) or to the sheet's end. */
    private void readRow() throws XMLStreamException, SheetFormatException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && isTable("table")) {
                tableEnded = true;
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT && isTable("table-row")) {
                int repeated = repeat("number-rows-repeated", MAX_ROWS);
                List<SheetCell> cells = cells();
                if (!cells.isEmpty()) {
                    if ((long) rowNumber + repeated - 1 > MAX_ROWS) {
                        throw new SheetFormatException("Tệp ODS có hơn " + MAX_ROWS + " dòng, quá giới hạn của một bảng tính "
                                + "(dòng " + rowNumber + " lặp lại " + repeated + " lần; more rows than a sheet holds)");
                    }
                    for (int i = 0; i < repeated; i++) {
                        pending.add(new SheetRow(rowNumber + i, cells));
                    }
                }
                rowNumber += repeated;
                return;
            }
        }
        tableEnded = true;
    }

    /** The cells of the row just started, up to its last non-blank one; empty when the row is blank. */
    private List<SheetCell> cells() throws XMLStreamException, SheetFormatException {
        List<SheetCell> cells = new ArrayList<>();
        int blanks = 0;
        int column = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && isTable("table-row")) {
                return cells;
            }
            if (event == XMLStreamConstants.START_ELEMENT
                    && (isTable("table-cell") || isTable("covered-table-cell"))) {
                int repeated = repeat("number-columns-repeated", MAX_COLUMNS);
                SheetCell cell = cell(column);
                column += repeated;
                if (cell.isBlank()) {
                    blanks += repeated;
                    continue;
                }
                if (column > MAX_COLUMNS) {
                    throw new SheetFormatException("Tệp ODS: dòng " + rowNumber + " có hơn " + MAX_COLUMNS
                            + " cột, quá giới hạn của một bảng tính (more columns than a sheet holds)");
                }
                for (; blanks > 0; blanks--) {
                    cells.add(SheetCell.BLANK);
                }
                for (int i = 0; i < repeated; i++) {
                    cells.add(cell);
                }
            }
        }
        return cells;
    }

    /** The cell just started, read to its end: its value by {@code office:value-type}, its text as shown. */
    private SheetCell cell(int column) throws XMLStreamException, SheetFormatException {
        String type = xml.getAttributeValue(OFFICE, "value-type");
        String value = xml.getAttributeValue(OFFICE, "value");
        String date = xml.getAttributeValue(OFFICE, "date-value");
        String shown;
        try {
            shown = text();
        } catch (XMLStreamException | RuntimeException e) {
            throw new UnreadableCellException(rowNumber, column, UnreadableCellException.badCharacter(refusedCode(e)), e);
        }
        if (type == null) {
            return SheetCell.text(shown);
        }
        try {
            return switch (type) {
                case "float", "percentage", "currency" -> {
                    BigDecimal number = new BigDecimal(Objects.requireNonNullElse(value, ""));
                    yield new SheetCell(type.equals("float") ? number.stripTrailingZeros().toPlainString() : shown, number, null);
                }
                case "date" -> new SheetCell(shown, null, date != null && date.length() > 10 ? LocalDateTime.parse(date)
                        : LocalDate.parse(Objects.requireNonNullElse(date, "")).atStartOfDay());
                case "boolean" -> SheetCell.text("true".equals(xml.getAttributeValue(OFFICE, "boolean-value")) ? "TRUE" : "FALSE");
                default -> SheetCell.text(shown);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new SheetFormatException("Tệp ODS: ô " + cellName(column) + " có giá trị " + type + " không đọc được «"
                    + (type.equals("date") ? date : value) + "» (unreadable " + type + " value in cell " + cellName(column) + ")", e);
        }
    }

    /** The text of the element just started (a cell), to its end: paragraphs on lines, {@code text:s} as spaces. */
    private String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        boolean paragraph = false;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (OFFICE.equals(xml.getNamespaceURI()) && name.equals("annotation")) {
                    skipElement(); // a comment on the cell, not what it shows
                    continue;
                }
                depth++;
                if (TEXT.equals(xml.getNamespaceURI()) && name.equals("p")) {
                    text.append(paragraph ? "\n" : "");
                    paragraph = true;
                } else if (TEXT.equals(xml.getNamespaceURI()) && name.equals("s")) {
                    String count = xml.getAttributeValue(TEXT, "c");
                    text.append(" ".repeat(count == null ? 1 : Math.min(Integer.parseInt(count), 1024)));
                } else if (TEXT.equals(xml.getNamespaceURI()) && name.equals("tab")) {
                    text.append('\t');
                } else if (TEXT.equals(xml.getNamespaceURI()) && name.equals("line-break")) {
                    text.append('\n');
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            }
        }
        return text.toString();
    }

    private void skipElement() throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = xml.next();
            depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    private int repeat(String attribute, int max) throws SheetFormatException {
        String value = xml.getAttributeValue(TABLE, attribute);
        if (value == null) {
            return 1;
        }
        try {
            int repeated = Integer.parseInt(value);
            if (repeated >= 1) {
                return Math.min(repeated, max);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new SheetFormatException("Tệp ODS: dòng " + rowNumber + " có table:" + attribute + "=\"" + value
                + "\" không hợp lệ (invalid repeat count)");
    }

    private boolean isTable(String name) {
        return TABLE.equals(xml.getNamespaceURI()) && name.equals(xml.getLocalName());
    }

    /** A cell as a spreadsheet names it: C5. */
    private String cellName(int column) {
        return UnreadableCellException.name(rowNumber, column);
    }

    /**
     * The character the XML parser refused inside a cell ("Invalid xml content character (0xd800)"), or -1 when it
     * refused something else (bytes that are no UTF-8).
     */
    private static int refusedCode(Exception e) {
        Throwable cause = e.getCause() instanceof XMLStreamException xml ? xml : e;
        String message = String.valueOf(cause.getMessage());
        Matcher code = REFUSED_CODE.matcher(message);
        return message.toLowerCase(Locale.ROOT).contains("character") && code.find() ? Integer.parseInt(code.group(1), 16) : -1;
    }

    private static SheetFormatException unreadable(Exception e) {
        return new SheetFormatException("Không đọc được tệp ODS: " + e.getMessage()
                + " (not a readable ODS workbook; save it again from LibreOffice Calc as .ods)", e);
    }
}
