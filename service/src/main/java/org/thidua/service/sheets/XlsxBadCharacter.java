package org.thidua.service.sheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Finds the cell of an XLSX workbook whose text XML cannot hold (a lone surrogate written as {@code &#xD800;} or as
 * CESU-8 bytes, a control character, bytes that are no UTF-8), once the streaming reader has stopped at it without
 * saying where. Only called after such a failure: it reads the workbook's parts again, as ISO-8859-1 so that every
 * byte keeps its place, looks for the bad shared strings and then for the first cell of the first sheet that shows
 * one (or holds one inline).
 */
final class XlsxBadCharacter {
    /** Parts larger than this are not searched: the answer then says the file is unreadable without naming the cell. */
    private static final int MAX_PART = 64 * 1024 * 1024;
    private static final Pattern REFERENCE = Pattern.compile("&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));");
    private static final Pattern SHARED_STRING = Pattern.compile("<(?:\\w+:)?si\\b[^>]*?(?:/>|>(.*?)</(?:\\w+:)?si>)", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<(?:\\w+:)?c\\b([^>]*?)(?:/>|>(.*?)</(?:\\w+:)?c>)", Pattern.DOTALL);
    private static final Pattern REF = Pattern.compile("\\br=\"([A-Z]{1,3})([0-9]{1,7})\"");
    private static final Pattern SHARED = Pattern.compile("\\bt=\"s\"");
    private static final Pattern VALUE = Pattern.compile("<(?:\\w+:)?v>\\s*([0-9]{1,9})\\s*</(?:\\w+:)?v>");
    private static final Pattern FIRST_SHEET = Pattern.compile("<(?:\\w+:)?sheet\\b[^>]*?\\b\\w+:id=\"([^\"]+)\"");
    private static final Pattern RELATIONSHIP = Pattern.compile("<(?:\\w+:)?Relationship\\b([^>]*)>");

    private XlsxBadCharacter() {
    }

    /** The cell that stopped the reader, when it can be found. */
    static Optional<UnreadableCellException> locate(byte[] workbook, Throwable cause) {
        try {
            Map<String, String> parts = parts(workbook, name -> name.equals("xl/workbook.xml")
                    || name.equals("xl/_rels/workbook.xml.rels") || name.equals("xl/sharedStrings.xml"));
            Map<Integer, Integer> badStrings = new HashMap<>();
            String strings = parts.get("xl/sharedStrings.xml");
            if (strings != null) {
                Matcher item = SHARED_STRING.matcher(strings);
                for (int index = 0; item.find(); index++) {
                    int code = item.group(1) == null ? 0 : badCharacter(item.group(1));
                    if (code != 0) {
                        badStrings.put(index, code);
                    }
                }
            }
            String sheetName = firstSheet(parts.get("xl/workbook.xml"), parts.get("xl/_rels/workbook.xml.rels"));
            String sheet = parts(workbook, sheetName::equals).get(sheetName);
            if (sheet == null) {
                return Optional.empty();
            }
            Matcher cell = CELL.matcher(sheet);
            while (cell.find()) {
                String attributes = cell.group(1);
                String content = cell.group(2) == null ? "" : cell.group(2);
                int code = badCharacter(content);
                Matcher value = VALUE.matcher(content);
                if (code == 0 && SHARED.matcher(attributes).find() && value.find()) {
                    code = badStrings.getOrDefault(Integer.parseInt(value.group(1)), 0);
                }
                Matcher ref = REF.matcher(attributes);
                if (code != 0 && ref.find()) {
                    return Optional.of(new UnreadableCellException(Integer.parseInt(ref.group(2)), column(ref.group(1)),
                            UnreadableCellException.badCharacter(code), cause));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the file is refused as unreadable either way; only the cell's name is lost
        }
    }

    /**
     * The code of the first character in a piece of XML (read as ISO-8859-1) that XML 1.0 cannot hold, -1 for bytes
     * that are no UTF-8 and no surrogate, or 0 when there is none.
     */
    static int badCharacter(String xml) {
        Matcher reference = REFERENCE.matcher(xml);
        while (reference.find()) {
            long code = reference.group(1) != null ? Long.parseLong(reference.group(1), 16) : Long.parseLong(reference.group(2));
            if (!isXmlCharacter(code)) {
                return (int) Math.min(code, Integer.MAX_VALUE);
            }
        }
        byte[] bytes = xml.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                return b;
            }
            if (b == 0xED && i + 2 < bytes.length && (bytes[i + 1] & 0xE0) == 0xA0 && (bytes[i + 2] & 0xC0) == 0x80) {
                return 0xD000 | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return 0;
        } catch (CharacterCodingException e) {
            return -1;
        }
    }

    private static boolean isXmlCharacter(long code) {
        return code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0xFFFD)
                || (code >= 0x10000 && code <= 0x10FFFF);
    }

    /** The part that holds the first sheet, as the workbook and its relationships name it. */
    private static String firstSheet(String workbook, String relationships) {
        String fallback = "xl/worksheets/sheet1.xml";
        if (workbook == null || relationships == null) {
            return fallback;
        }
        Matcher sheet = FIRST_SHEET.matcher(workbook);
        if (!sheet.find()) {
            return fallback;
        }
        Matcher relationship = RELATIONSHIP.matcher(relationships);
        while (relationship.find()) {
            String attributes = relationship.group(1);
            if (attributes.contains("Id=\"" + sheet.group(1) + "\"")) {
                Matcher target = Pattern.compile("\\bTarget=\"([^\"]+)\"").matcher(attributes);
                if (target.find()) {
                    String path = target.group(1);
                    return path.startsWith("/") ? path.substring(1) : "xl/" + path;
                }
            }
        }
        return fallback;
    }

    private static Map<String, String> parts(byte[] workbook, java.util.function.Predicate<String> wanted) throws IOException {
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (wanted.test(entry.getName())) {
                    byte[] part = readAtMost(zip, MAX_PART);
                    if (part != null) {
                        parts.put(entry.getName(), new String(part, StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
        return parts;
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] part = in.readNBytes(max + 1);
        return part.length > max ? null : part;
    }

    /** A column's letters as a 0-based index: A is 0, AA is 26. */
    private static int column(String letters) {
        int column = 0;
        for (char c : letters.toCharArray()) {
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }
}
