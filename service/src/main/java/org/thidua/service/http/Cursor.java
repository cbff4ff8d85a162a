package org.thidua.service.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.javalin.http.Context;

/**
 * The {@code cursor} of a paged list: opaque to clients (URL-safe Base64 of the position the list continues after),
 * given back as {@code next}. A cursor that was not given, or was edited, is a 400 naming {@code query.cursor}.
 */
final class Cursor {
    private static final String MARK = "thidua:";

    private Cursor() {
    }

    static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((MARK + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position in {@code ?cursor=}, or {@code null} without one. */
    static String decode(Context ctx) {
        String cursor = ctx.queryParam("cursor");
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (text.startsWith(MARK)) {
                return text.substring(MARK.length());
            }
        } catch (IllegalArgumentException e) {
            // not Base64: refused below
        }
        throw invalid(cursor);
    }

    static ProblemException invalid(String cursor) {
        return ProblemException.badParameter("query.cursor", "không phải con trỏ trang mà dịch vụ đã trả (giá trị 'next'), đã nhận '"
                + cursor + "' (not a cursor this service gave)");
    }
}
