package org.thidua.service.http;

import java.util.List;
import java.util.Map;

/** A request refused with a problem answer: thrown by a handler, written by {@link ProblemResponses}. */
public final class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final transient List<Problem.Item> problems;
    private final transient Map<String, String> headers;

    ProblemException(int status, String slug, String title, String detail, List<Problem.Item> problems, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.problems = List.copyOf(problems);
        this.headers = Map.copyOf(headers);
    }

    ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of(), Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Không tìm thấy (not found)", detail);
    }

    static ProblemException badParameter(String path, String message) {
        return new ProblemException(400, "bad-parameter", "Tham số không hợp lệ (bad query parameter)",
                path + ": " + message, List.of(new Problem.Item(path, message)), Map.of());
    }

    int status() {
        return status;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    List<Problem.Item> problems() {
        return problems;
    }

    Map<String, String> headers() {
        return headers;
    }
}
