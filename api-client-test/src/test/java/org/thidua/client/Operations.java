package org.thidua.client;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operations of the OpenAPI document, and the client's request interceptor that records which of them the client
 * called (by method and path template), so a test can prove it called every one: an operation added to the document
 * without a call in the test fails the build. It also signs every request that carries no {@code Authorization} of
 * its own with the staff token.
 */
final class Operations implements Consumer<HttpRequest.Builder> {
    private record Operation(String id, String method, Pattern path, int literal) {
    }

    private final List<Operation> operations = new ArrayList<>();
    private final Set<String> called = new ConcurrentSkipListSet<>();
    private final String token;

    Operations(Path document, String token) throws IOException {
        this.token = token;
        JsonNode paths = new ObjectMapper().readTree(document.toFile()).get("paths");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (method.getValue().has("operationId")) {
                String template = path.getKey();
                operations.add(new Operation(method.getValue().get("operationId").asText(), method.getKey().toUpperCase(),
                        Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")),
                        template.replaceAll("\\{[^}]+}", "").length()));
            }
        }));
    }

    /** Every operationId of the document. */
    Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        operations.forEach(o -> ids.add(o.id()));
        return ids;
    }

    /** The operations called since {@link #forget()}; a request no operation matches is recorded as its method and path. */
    Set<String> called() {
        return new TreeSet<>(called);
    }

    void forget() {
        called.clear();
    }

    @Override
    public void accept(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        String path = request.uri().getRawPath();
        called.add(operations.stream()
                .filter(o -> o.method().equals(request.method()) && o.path().matcher(path).matches())
                // /reports/{campaign}.csv is also /reports/{campaign}: the template with more literal text is the one
                .max(Comparator.comparingInt(Operation::literal)).map(Operation::id)
                .orElse("no operation: " + request.method() + " " + path));
        if (request.headers().firstValue("Authorization").isEmpty()) {
            builder.header("Authorization", "Bearer " + token);
        }
    }
}
