package org.thidua.service.sheets;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file in UTF-8, with or without the byte-order mark Excel writes, separated by commas, semicolons (what
 * Excel writes where the decimal separator is a comma) or tabs — whichever the header line uses most.
 * Empty lines are kept as (blank) records, so row numbers are the ones Excel shows.
 */
final class CsvRows extends FirstRowHeader {
    private final Counting counted;
    private final long size;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    CsvRows(InputStream in, long size) throws IOException {
        this.counted = new Counting(in);
        this.size = size;
        BufferedInputStream bytes = new BufferedInputStream(counted, 1 << 16);
        skipByteOrderMark(bytes);
        Reader reader = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        char delimiter;
        try {
            delimiter = delimiterOf(reader);
        } catch (CharacterCodingException e) {
            throw notUtf8(1, e);
        }
        this.parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get().parse(reader);
        this.records = parser.iterator();
        readHeader("Tệp CSV trống: dòng đầu tiên phải là dòng tiêu đề cột (the file is empty)");
    }

    @Override
    public SheetRow next() throws IOException {
        SheetRow row = read();
        while (row != null && row.isBlank()) {
            row = read();
        }
        return row;
    }

    @Override
    public double progress() {
        return size > 0 ? Math.min(1.0, (double) counted.count / size) : -1;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private SheetRow read() throws IOException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            List<SheetCell> cells = new ArrayList<>(record.size());
            record.forEach(value -> cells.add(SheetCell.text(value)));
            return new SheetRow((int) record.getRecordNumber(), cells);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8(parser.getCurrentLineNumber() + 1, e);
            }
            throw new SheetFormatException("Không đọc được tệp CSV gần dòng " + (parser.getCurrentLineNumber() + 1) + ": "
                    + e.getCause().getMessage() + " (unreadable CSV)", e);
        } catch (IllegalStateException e) {
            throw new SheetFormatException("Tệp CSV sai cấu trúc gần dòng " + (parser.getCurrentLineNumber() + 1)
                    + " (thường do một dấu \" không được đóng): " + e.getMessage() + " (malformed CSV)", e);
        }
    }

    private static SheetFormatException notUtf8(long line, Exception e) {
        return new SheetFormatException("Tệp CSV không phải UTF-8 (gần dòng " + line
                + "): trong Excel chọn Lưu dưới dạng → \"CSV UTF-8 (Comma delimited)\" (the file is not UTF-8)", e);
    }

    private static void skipByteOrderMark(BufferedInputStream in) throws IOException {
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
            in.reset();
        }
    }

    /** The separator the header line uses most: {@code ,}, {@code ;} or tab. */
    private static char delimiterOf(Reader reader) throws IOException {
        reader.mark(1 << 15);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0, c; i < (1 << 15) - 1 && (c = reader.read()) != -1; i++) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        reader.reset();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }
}
