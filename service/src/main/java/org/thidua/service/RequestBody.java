package org.thidua.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.javalin.http.Context;

/** Reads a JSON request body: the right media type, and never more than the size limit. */
final class RequestBody {
    private RequestBody() {
    }

    /**
     * The body's bytes. A declared length over the limit is refused before anything is read; a body without a
     * length (chunked) is read up to one byte past the limit and then refused.
     *
     * @throws ProblemException 415 for another media type, 413 for a body over {@code maxBytes}
     */
    static byte[] readJson(Context ctx, long maxBytes) {
        requireJson(ctx.header("Content-Type"));
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared, maxBytes);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw tooLarge(-1, maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the request body failed", e);
        }
    }

    private static void requireJson(String contentType) {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean json = media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
        String charset = contentType == null ? null : charset(contentType);
        if (!json || (charset != null && !charset.equals("utf-8"))) {
            throw new ProblemException(415, "unsupported-media-type", "Kiểu nội dung không được hỗ trợ (unsupported media type)",
                    "Gửi JSON UTF-8 với Content-Type: application/json; đã nhận: "
                            + (contentType == null ? "(không có)" : contentType) + " (send application/json)",
                    List.of(new Problem.Item("header.Content-Type", "cần application/json (expected application/json)")),
                    Map.of("Accept-Post", "application/json"));
        }
    }

    private static String charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                return pair[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static ProblemException tooLarge(long declared, long maxBytes) {
        return new ProblemException(413, "content-too-large", "Nội dung quá lớn (content too large)",
                "Giới hạn là " + maxBytes + " byte" + (declared > 0 ? ", yêu cầu khai báo " + declared + " byte" : "")
                        + "; chia nhỏ yêu cầu (the body is over the limit; split the request)",
                List.of(), Map.of("Connection", "close"));
    }
}
