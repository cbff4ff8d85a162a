package org.thidua.service.sheets;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How column headers are matched: letter case, Vietnamese diacritics (đ as d), punctuation and runs of spaces do
 * not count, so "Số phiếu hài lòng", "so phieu hai long" and "SỐ  PHIẾU  HÀI-LÒNG" name the same column.
 */
public final class HeaderName {
    private HeaderName() {
    }

    public static String key(String header) {
        String decomposed = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
