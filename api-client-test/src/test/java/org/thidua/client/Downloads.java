package org.thidua.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The client's response interceptor that hands over the body of a download from an operation whose answer is JSON by
 * default and CSV or XLSX with {@code ?format=} (the round operations). The {@code native} library of openapi-generator
 * 7.25 reads every 2xx body of such an operation as its JSON model, so a CSV or XLSX answer would fail to parse; armed
 * by {@link #of}, this reads the body first, and the generated method, finding it empty, answers {@code null}.
 * A user of the generated client does the same with {@code client.setResponseInterceptor(...)}.
 */
final class Downloads implements Consumer<HttpResponse<InputStream>> {
    /** A downloaded body and its Content-Type. */
    record Download(String type, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A call of the generated client. */
    interface Call {
        Object run() throws ApiException;
    }

    private volatile boolean armed;
    private volatile Download last;

    @Override
    public void accept(HttpResponse<InputStream> response) {
        if (!armed || response.statusCode() / 100 != 2) {
            return;
        }
        try {
            last = new Download(response.headers().firstValue("Content-Type").orElse(""), response.body().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code call} downloaded. */
    Download of(Call call) throws ApiException {
        last = null;
        armed = true;
        try {
            Object answer = call.run();
            if (answer != null || last == null) {
                throw new AssertionError("Not a download: " + answer);
            }
            return last;
        } finally {
            armed = false;
        }
    }
}
