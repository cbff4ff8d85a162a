package org.thidua.service.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.thidua.service.sheets.SheetFormat;

import io.javalin.http.Context;

/**
 * Reads a request body: one of the media types the route accepts, never more than the size limit. A body is held
 * in memory ({@link #read}) or spooled to a temporary file ({@link #spool}) for records that are then streamed.
 */
public final class RequestBody {
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV_TYPE = "text/csv";

    /** What a body is, told by its {@code Content-Type}. */
    enum Kind {
        JSON("application/json"), CSV(CSV_TYPE), XLSX(XLSX_TYPE), ODS(SheetFormat.ODS.mediaType());

        final String mediaType;

        Kind(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    /** A body read whole. */
    record Content(Kind kind, byte[] bytes) {
    }

    private RequestBody() {
    }

    /**
     * The body's bytes. A declared length over the limit is refused before anything is read; a body without a
     * length (chunked) is read up to one byte past the limit and then refused.
     *
     * @throws ProblemException 415 for another media type, 413 for a body over {@code maxBytes}
     */
    static byte[] readJson(Context ctx, long maxBytes) {
        return read(ctx, maxBytes, Kind.JSON).bytes();
    }

    /** The body, of one of the {@code accepted} kinds. */
    static Content read(Context ctx, long maxBytes, Kind... accepted) {
        Kind kind = kind(ctx.header("Content-Type"), accepted);
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared, maxBytes);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw tooLarge(-1, maxBytes);
            }
            return new Content(kind, body);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * Copies the body, of one of the {@code accepted} kinds, into a new temporary file in {@code directory}, in
     * chunks: memory holds a buffer, not the body. The caller deletes the file. Over the limit, the file is deleted
     * and 413 thrown.
     */
    static Path spool(Context ctx, long maxBytes, Path directory, Kind... accepted) {
        Kind kind = kind(ctx.header("Content-Type"), accepted);
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared, maxBytes);
        }
        Path file = null;
        try {
            Files.createDirectories(directory);
            // named as its type, so that Sheets.open(file) refuses an XLSX body that is no XLSX as such
            file = Files.createTempFile(directory, "thidua-upload-", "." + kind.name().toLowerCase(Locale.ROOT));
            long total = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = ctx.req().getInputStream(); OutputStream out = Files.newOutputStream(file)) {
                for (int n = readSome(in, buffer); n >= 0; n = readSome(in, buffer)) {
                    total += n;
                    if (total > maxBytes) {
                        throw tooLarge(-1, maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            return file;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException("Spooling the request body failed", (IOException) e);
        }
    }

    /** Reads from the client's body; a failure there is the client's (closed mid-body, a broken chunk), not ours. */
    private static int readSome(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * The body could not be read to its end: the client closed the connection before the declared length, sent a
     * chunk size that is no number, or stopped sending. Jetty reports these as an {@code EofException} or a bad message;
     * they are 400 (408 when the client was too slow), never a server error, and nothing was read that could be stored.
     */
    static ProblemException unreadable(Throwable e) {
        boolean slow = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            slow |= t instanceof java.util.concurrent.TimeoutException;
        }
        return new ProblemException(slow ? 408 : 400, slow ? "request-timeout" : "bad-request",
                slow ? "Hết thời gian chờ yêu cầu (request timeout)" : "Yêu cầu HTTP không hợp lệ (bad request)",
                "Không đọc được hết nội dung yêu cầu: kết nối đóng giữa chừng hoặc sai quy cách, không có gì được lưu"
                        + " (the request body ended early or was malformed; nothing stored)",
                List.of(), Map.of("Connection", "close"));
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is the system's to clean; the answer does not depend on it
            }
        }
    }

    private static Kind kind(String contentType, Kind... accepted) {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Kind kind = null;
        if (media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"))) {
            kind = Kind.JSON;
        } else if (media.equals(CSV_TYPE)) {
            kind = Kind.CSV;
        } else if (media.equals(XLSX_TYPE)) {
            kind = Kind.XLSX;
        } else if (media.equals(Kind.ODS.mediaType)) {
            kind = Kind.ODS;
        }
        String charset = contentType == null ? null : charset(contentType);
        boolean textual = kind == Kind.JSON || kind == Kind.CSV;
        if (kind == null || !Arrays.asList(accepted).contains(kind) || (textual && charset != null && !charset.equals("utf-8"))) {
            String types = Arrays.stream(accepted).map(k -> k.mediaType).collect(Collectors.joining(", "));
            throw new ProblemException(415, "unsupported-media-type", "Kiểu nội dung không được hỗ trợ (unsupported media type)",
                    "Gửi " + (accepted.length == 1 && accepted[0] == Kind.JSON ? "JSON UTF-8 với Content-Type: application/json"
                            : "Content-Type là một trong: " + types + " (văn bản UTF-8)")
                            + "; đã nhận: " + (contentType == null ? "(không có)" : contentType) + " (send " + types + ")",
                    List.of(new Problem.Item("header.Content-Type", "cần " + types + " (expected " + types + ")")),
                    Map.of("Accept-Post", types));
        }
        return kind;
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
