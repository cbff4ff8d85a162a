package org.thidua.service.http;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thidua.core.EvaluationException;
import org.thidua.core.InvalidInputException;
import org.thidua.core.MalformedInputException;
import org.thidua.core.RuleSetException;
import org.thidua.service.Json;
import org.thidua.service.sheets.CellProblem;
import org.thidua.service.sheets.InvalidSheetException;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * Every error the service answers, as {@code application/problem+json}. Client errors say what was wrong and
 * where; server errors say only that it failed and give an error id, which the log line with the stack trace
 * carries too. No stack trace or internal message reaches a client.
 */
public final class ProblemResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ProblemException.class, ProblemResponses::handleProblem);
        routes.exception(MalformedInputException.class, (e, ctx) -> write(ctx, 400, "malformed-json",
                "Nội dung không phải JSON hợp lệ (malformed JSON)", e.problems().get(0).message(), items(e), null));
        routes.exception(InvalidInputException.class, (e, ctx) -> write(ctx, 422, "invalid-input",
                "Dữ liệu bị từ chối, không có gì được lưu (request refused, nothing stored)",
                e.problems().size() + " giá trị bị từ chối (values refused); xem problems", items(e), null));
        routes.exception(SheetFormatProblem.class, (e, ctx) -> write(ctx, 400, "malformed-sheet",
                "Tệp không đọc được như một bảng tính (unreadable spreadsheet)", e.getMessage(),
                List.of(new Problem.Item("$", e.getMessage())), null));
        routes.exception(RuleSetException.class, (e, ctx) -> {
            String errorId = errorId();
            LOG.warn("Chiến dịch không dùng được, mã lỗi {} ({} {}, campaign unavailable): {}", errorId, ctx.method(), ctx.path(),
                    e.getMessage());
            write(ctx, 503, "campaign-unavailable",
                    "Bộ luật của chiến dịch đang có lỗi, chưa dùng được (the campaign's rules do not compile)",
                    "Liên hệ người quản lý bộ luật, báo mã lỗi " + errorId + " (ask the rules' maintainers)",
                    e.problems().stream().map(p -> new Problem.Item(p.place(), p.message())).toList(),
                    errorId);
        });
        routes.exception(EvaluationException.class, (e, ctx) -> {
            // the live rules failed or hit their limits (firings, time): say which rule, never a stack trace
            String errorId = errorId();
            LOG.warn("Luật lỗi khi đánh giá, mã lỗi {} ({} {}, rules failed): {}", errorId, ctx.method(), ctx.path(), e.getMessage());
            write(ctx, 500, "rules-failed", "Bộ luật gặp lỗi khi đánh giá, không có gì được lưu (the rules failed, nothing stored)",
                    e.getMessage(), List.of(), errorId);
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            switch (e.getStatus()) {
                case 404 -> write(ctx, 404, "not-found", "Không tìm thấy (not found)",
                        "Không có địa chỉ " + ctx.method() + " " + ctx.path() + " (no such endpoint)", List.of(), null);
                case 405 -> write(ctx, 405, "method-not-allowed", "Phương thức không được hỗ trợ (method not allowed)",
                        ctx.method() + " " + ctx.path(), List.of(), null);
                default -> write(ctx, e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage(), List.of(), null);
            }
        });
        // a body that ended early or broke (read anywhere, not only through RequestBody) is the client's error
        routes.exception(EofException.class, (e, ctx) -> handleProblem(RequestBody.unreadable(e), ctx));
        routes.exception(BadMessageException.class, (e, ctx) -> handleProblem(RequestBody.unreadable(e), ctx));
        routes.exception(Exception.class, (e, ctx) -> {
            if (endedEarly(e)) {
                handleProblem(RequestBody.unreadable(e), ctx);
            } else {
                serverError(ctx, e);
            }
        });
        routes.error(404, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, 404, "not-found", "Không tìm thấy (not found)", "Không có địa chỉ " + ctx.path() + " (no such endpoint)",
                        List.of(), null);
            }
        });
        routes.error(405, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, 405, "method-not-allowed", "Phương thức không được hỗ trợ (method not allowed)",
                        ctx.method() + " " + ctx.path(), List.of(), null);
            }
        });
    }

    private static void handleProblem(ProblemException e, Context ctx) {
        e.headers().forEach(ctx::header);
        write(ctx, e.status(), e.slug(), e.title(), e.getMessage(), e.problems(), null);
    }

    /** Whether a failure came from the client's body ending early or breaking, wrapped by whoever read it. */
    private static boolean endedEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EofException || t instanceof BadMessageException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.MEDIA_TYPE);
    }

    private static void serverError(Context ctx, Exception e) {
        String errorId = errorId();
        LOG.error("Lỗi máy chủ, mã lỗi {} ({} {}, server error id)", errorId, ctx.method(), ctx.path(), e);
        write(ctx, 500, "server-error", "Lỗi máy chủ (server error)",
                "Máy chủ gặp lỗi khi xử lý yêu cầu; báo mã lỗi " + errorId + " cho người quản trị (report this error id)",
                List.of(), errorId);
    }

    /** A short id that ties a server error's answer to its log line. */
    static String errorId() {
        return UUID.randomUUID().toString().substring(0, 13);
    }

    private static List<Problem.Item> items(InvalidInputException e) {
        if (e instanceof InvalidSheetException sheet) {
            return cells(sheet.cellProblems());
        }
        return e.problems().stream().map(p -> new Problem.Item(p.path(), p.message())).toList();
    }

    /** Refused cells or rows of a spreadsheet or record file: the place in words as the path, row and column apart. */
    static List<Problem.Item> cells(List<CellProblem> problems) {
        return problems.stream().map(p -> new Problem.Item(p.where(), p.message(), p.row(), p.column())).toList();
    }

    static void write(Context ctx, int status, String slug, String title, String detail, List<Problem.Item> problems, String errorId) {
        Problem problem = new Problem("urn:thidua:problem:" + slug, title, status, detail, ctx.path(), errorId, problems);
        ctx.status(status);
        ctx.contentType(Problem.MEDIA_TYPE + "; charset=utf-8");
        ctx.result(json(problem));
    }

    /** A problem as the bytes of its JSON (UTF-8). */
    static byte[] json(Problem problem) {
        try {
            return Json.MAPPER.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record always serializes", e);
        }
    }

    static Map<String, String> bearerChallenge(String error) {
        return Map.of("WWW-Authenticate", "Bearer realm=\"thidua\"" + (error == null ? "" : ", error=\"" + error + "\""));
    }
}
