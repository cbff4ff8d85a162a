package org.thidua.service.http;

import org.thidua.service.Json;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.javalin.http.Context;

/** An answer in JSON, written with the application's one mapper. */
final class JsonResponse {
    static final String MEDIA_TYPE = "application/json; charset=utf-8";

    private JsonResponse() {
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
