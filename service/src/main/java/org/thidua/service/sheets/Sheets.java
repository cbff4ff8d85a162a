package org.thidua.service.sheets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Opens a CSV, XLSX or ODS file, telling which by its content (XLSX and ODS files are ZIP archives; an ODS one starts
 * with its {@code mimetype} entry), not by its name. A file declared XLSX or ODS (by its name or media type) that is
 * no such archive is refused as one, never read as CSV.
 */
public final class Sheets {
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] ODS_MIMETYPE = ("mimetype" + SheetFormat.ODS.mediaType()).getBytes(StandardCharsets.US_ASCII);

    private Sheets() {
    }

    /** A file, declared XLSX or ODS by its extension ({@code .xlsx}, {@code .ods}). */
    public static SheetRows open(Path file) throws IOException {
        return open(Files.newInputStream(file), Files.size(file), SheetFormat.ofFileName(file.getFileName().toString()));
    }

    /**
     * @param size the input's length in bytes for the progress bar, or a negative number when unknown
     */
    public static SheetRows open(InputStream input, long size) throws IOException {
        return open(input, size, null);
    }

    /**
     * @param size     the input's length in bytes for the progress bar, or a negative number when unknown
     * @param declared what the input was said to be, or {@code null}
     */
    public static SheetRows open(InputStream input, long size, SheetFormat declared) throws IOException {
        BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
        try {
            byte[] start = peek(in, 30 + ODS_MIMETYPE.length);
            byte[] magic = Arrays.copyOf(start, Math.min(4, start.length));
            if (Arrays.equals(magic, ZIP)) {
                return isOds(start) ? new OdsRows(in) : new XlsxRows(in);
            }
            if (Arrays.equals(magic, OLE2)) {
                throw new SheetFormatException("Tệp Excel 97–2003 (.xls) chưa đọc được: trong Excel chọn Lưu dưới dạng → "
                        + "\"Excel Workbook (.xlsx)\" hoặc \"CSV UTF-8\" (old .xls files are not read; save as .xlsx or CSV UTF-8)");
            }
            if (declared == SheetFormat.XLSX || declared == SheetFormat.ODS) {
                throw notAWorkbook(declared, start.length == 0);
            }
            return new CsvRows(in, size);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Whether the input (buffered, so it can be peeked) starts like an XLSX/ZIP file. */
    public static boolean isXlsx(BufferedInputStream in) throws IOException {
        return Arrays.equals(peek(in, 4), ZIP);
    }

    /** ODF puts an uncompressed {@code mimetype} entry first: its name at byte 30, its content right after. */
    private static boolean isOds(byte[] start) {
        if (start.length < 30 + ODS_MIMETYPE.length) {
            return false;
        }
        int nameLength = (start[26] & 0xFF) | (start[27] & 0xFF) << 8;
        int extraLength = (start[28] & 0xFF) | (start[29] & 0xFF) << 8;
        return nameLength == 8 && extraLength == 0 && Arrays.equals(Arrays.copyOfRange(start, 30, start.length), ODS_MIMETYPE);
    }

    private static SheetFormatException notAWorkbook(SheetFormat declared, boolean empty) {
        String name = declared.label();
        String save = declared == SheetFormat.ODS ? "LibreOffice Calc dưới dạng .ods" : "Excel dưới dạng .xlsx";
        return new SheetFormatException((empty ? "Tệp " + name + " trống (0 byte)" : "Tệp gửi lên không phải bảng tính " + name)
                + ": không đọc được như một bảng tính " + name + "; lưu lại từ " + save + " rồi gửi lại (" + (empty ? "empty: " : "")
                + "not a readable " + name + " workbook)");
    }

    private static byte[] peek(BufferedInputStream in, int length) throws IOException {
        in.mark(length);
        byte[] bytes = in.readNBytes(length);
        in.reset();
        return bytes;
    }
}
