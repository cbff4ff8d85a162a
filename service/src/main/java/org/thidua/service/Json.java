package org.thidua.service;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.javalin.http.Context;

/** The JSON mapper of the application: contract v1 field names are the records' component names. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    static final String MEDIA_TYPE = "application/json; charset=utf-8";

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads JSON the service wrote itself (stored results), which is always well-formed. */
    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored JSON does not parse", e);
        }
    }

    static void respond(Context ctx, int status, Object body) {
        ctx.status(status);
        ctx.contentType(MEDIA_TYPE);
        try {
            ctx.result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the response as JSON", e);
        }
    }
}
