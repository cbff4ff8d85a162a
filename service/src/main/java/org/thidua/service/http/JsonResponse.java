package org.thidua.service.http;

import org.thidua.service.Json;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.javalin.http.Context;

/** An answer in JSON, written with the application's one mapper. */
final class JsonResponse {
    static final String MEDIA_TYPE = "application/json; charset=utf-8";

    private JsonResponse() {
    }

    /**
     * Refuses with 406 a request whose {@code Accept} names no type a JSON answer fits (for the operations that
     * answer only JSON and have no other client error: {@code /health}, {@code /openapi.json}). No {@code Accept},
     * or one naming {@code application/json}, {@code application/*}, a {@code +json} type or {@code *}/{@code *}, passes.
     */
    static void requireAcceptsJson(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*") || type.endsWith("+json")) {
                return;
            }
        }
        throw new ProblemException(406, "not-acceptable", "Không có định dạng phù hợp (not acceptable)",
                "Địa chỉ này chỉ trả application/json; tiêu đề Accept '" + accept + "' không nhận định dạng đó"
                        + " (this address answers only application/json)");
    }

    static void send(Context ctx, int status, Object body) {
        ctx.status(status);
        ctx.contentType(MEDIA_TYPE);
        try {
            ctx.result(Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the response as JSON", e);
        }
    }
}
