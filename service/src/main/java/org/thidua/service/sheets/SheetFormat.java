package org.thidua.service.sheets;

import java.util.Locale;

/** What a sheet file says it is, by its name's extension or the media type it was sent with. */
public enum SheetFormat {
    CSV("CSV", "text/csv", ".csv"),
    XLSX("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    ODS("ODS", "application/vnd.oasis.opendocument.spreadsheet", ".ods");

    private final String label;
    private final String mediaType;
    private final String extension;

    SheetFormat(String label, String mediaType, String extension) {
        this.label = label;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format a file's name declares, or {@code null} when its extension names none. */
    public static SheetFormat ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (SheetFormat format : values()) {
            if (lower.endsWith(format.extension)) {
                return format;
            }
        }
        return null;
    }

    /** The format a media type declares ({@code text/csv; charset=utf-8} is CSV), or {@code null}. */
    public static SheetFormat ofMediaType(String contentType) {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (SheetFormat format : values()) {
            if (media.equals(format.mediaType)) {
                return format;
            }
        }
        return null;
    }
}
