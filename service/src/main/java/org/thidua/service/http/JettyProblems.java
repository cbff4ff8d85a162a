package org.thidua.service.http;

import java.nio.ByteBuffer;
import java.util.List;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers Jetty gives by itself, before a request reaches a route: a request line or header it cannot parse
 * ({@code %00}, a bad {@code Content-Length}, an illegal character), an ambiguous path ({@code ..;/}, an encoded
 * {@code /}), a URI or headers over the limits (414, 431). Jetty writes an HTML page in ISO-8859-1 for them; this
 * handler writes the same problem+json as every other answer, with Jetty's reason in the detail. A request in an HTTP
 * version Jetty does not speak is the client's error: 400, not 505.
 */
final class JettyProblems extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JettyProblems.class);

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = request.getAttribute(ERROR_MESSAGE) instanceof String message ? message : null;
        Throwable cause = request.getAttribute(ERROR_EXCEPTION) instanceof Throwable thrown ? thrown : null;
        if (cause instanceof HttpException http) {
            status = http.getCode();
            if (reason == null) {
                reason = http.getReason();
            }
        }
        if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
            status = HttpStatus.BAD_REQUEST_400;
        }
        if (status < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR_500;
        }
        Problem problem = problem(status, reason, path(request), cause);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE + "; charset=utf-8");
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        byte[] body = ProblemResponses.json(problem);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** Every method gets a problem body, not only Jetty's GET, POST and HEAD. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    private static Problem problem(int status, String reason, String path, Throwable cause) {
        String said = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        return switch (status) {
            case 400 -> new Problem("urn:thidua:problem:bad-request", "Yêu cầu HTTP không hợp lệ (bad request)", status,
                    "Máy chủ không đọc được yêu cầu: đường dẫn, dòng yêu cầu hoặc tiêu đề sai quy cách (" + said + ")", path, null,
                    List.of());
            case 408 -> new Problem("urn:thidua:problem:request-timeout", "Hết thời gian chờ yêu cầu (request timeout)", status,
                    "Yêu cầu không được gửi hết trong thời hạn (" + said + ")", path, null, List.of());
            case 413 -> new Problem("urn:thidua:problem:content-too-large", "Nội dung quá lớn (content too large)", status,
                    "Yêu cầu vượt giới hạn của máy chủ (" + said + ")", path, null, List.of());
            case 414 -> new Problem("urn:thidua:problem:uri-too-long", "Đường dẫn quá dài (URI too long)", status,
                    "Đường dẫn và tham số của yêu cầu vượt giới hạn của máy chủ (" + said + ")", path, null, List.of());
            case 431 -> new Problem("urn:thidua:problem:headers-too-large", "Tiêu đề yêu cầu quá lớn (request header fields too large)",
                    status, "Các tiêu đề của yêu cầu vượt giới hạn của máy chủ (" + said + ")", path, null, List.of());
            default -> status >= 500 ? serverError(status, said, path, cause)
                    : new Problem("urn:thidua:problem:http-" + status, said, status, said, path, null, List.of());
        };
    }

    private static Problem serverError(int status, String said, String path, Throwable cause) {
        String errorId = ProblemResponses.errorId();
        LOG.error("Lỗi máy chủ trong Jetty, mã lỗi {} ({} {}: {}, server error id)", errorId, status, path, said, cause);
        return new Problem("urn:thidua:problem:server-error", "Lỗi máy chủ (server error)", status,
                "Máy chủ gặp lỗi khi xử lý yêu cầu; báo mã lỗi " + errorId + " cho người quản trị (report this error id)", path, errorId,
                List.of());
    }

    /** The request's path as sent, when Jetty could read one (a request line it could not parse has none). */
    private static String path(Request request) {
        try {
            String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
            return path == null || path.equals("/badMessage") ? null : path;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
