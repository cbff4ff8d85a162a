package org.thidua.service.sheets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Opens a CSV or XLSX file, telling which by its content (an XLSX file is a ZIP archive), not by its name. */
public final class Sheets {
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private Sheets() {
    }

    public static SheetRows open(Path file) throws IOException {
        return open(Files.newInputStream(file), Files.size(file));
    }

    /**
     * @param size the input's length in bytes for the progress bar, or a negative number when unknown
     */
    public static SheetRows open(InputStream input, long size) throws IOException {
        BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
        try {
            byte[] magic = peek(in, 4);
            if (Arrays.equals(magic, ZIP)) {
                return new XlsxRows(in);
            }
            if (Arrays.equals(magic, OLE2)) {
                throw new SheetFormatException("Tệp Excel 97–2003 (.xls) chưa đọc được: trong Excel chọn Lưu dưới dạng → "
                        + "\"Excel Workbook (.xlsx)\" hoặc \"CSV UTF-8\" (old .xls files are not read; save as .xlsx or CSV UTF-8)");
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

    private static byte[] peek(BufferedInputStream in, int length) throws IOException {
        in.mark(length);
        byte[] bytes = in.readNBytes(length);
        in.reset();
        return bytes;
    }
}
