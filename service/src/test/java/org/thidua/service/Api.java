package org.thidua.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client of the service over real HTTP ({@link HttpClient}). Every answer is checked against the OpenAPI
 * document the service serves: a response that the document does not describe fails the test that got it.
 */
final class Api {
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** An answer: status, headers, and the body as text and as JSON. */
    record Answer(int status, HttpResponse<String> raw, JsonNode json) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        String body() {
            return raw.body();
        }
    }

    /** An answer read as bytes (a CSV or XLSX file, or JSON): status, headers, body; {@code json} when it is JSON. */
    record Download(int status, HttpResponse<byte[]> raw, JsonNode json) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        byte[] bytes() {
            return raw.body();
        }

        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }
    }

    private final URI base;
    private String token;

    Api(URI base) {
        this.base = base;
    }

    /** Sends {@code Authorization: Bearer token} from now on; {@code null} sends none. */
    Api as(String bearerToken) {
        Api copy = new Api(base);
        copy.token = bearerToken;
        return copy;
    }

    URI base() {
        return base;
    }

    Answer get(String path) {
        return send(request(path).GET().build());
    }

    Answer post(String path, String json) {
        return post(path, json, "application/json");
    }

    Answer post(String path, String body, String contentType) {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** GETs a path as bytes, with {@code Accept: accept} unless {@code null}; the answer is checked against the document too. */
    Download download(String path, String accept) {
        HttpRequest.Builder request = request(path).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpRequest sent = request.build();
            HttpResponse<byte[]> response = CLIENT.send(sent, HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean isJson = type.split(";")[0].trim().endsWith("json");
            JsonNode json = isJson && response.body().length > 0 ? Json.MAPPER.readTree(response.body()) : null;
            Download download = new Download(response.statusCode(), response, json);
            OpenApiContract.INSTANCE.check("GET", sent.uri().getPath(), download.status(), type, json,
                    isJson ? download.text() : "(" + response.body().length + " bytes of " + type + ")");
            return download;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = response.body().isEmpty() ? null : Json.MAPPER.readTree(response.body());
            Answer answer = new Answer(response.statusCode(), response, json);
            OpenApiContract.INSTANCE.check(request.method(), request.uri().getPath(), answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }
}
