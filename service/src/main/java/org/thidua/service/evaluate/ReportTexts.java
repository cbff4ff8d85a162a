package org.thidua.service.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.thidua.service.Json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Each report of a request body as the client sent it, to store: the text of {@code reports[i]} cut out of the body,
 * found by one pass of the tokenizer (no tree). The body has already been read and accepted by the rule library, so it
 * is an object whose {@code reports} is an array of objects, with no key given twice.
 */
public final class ReportTexts {
    /** For a body that is not UTF-8 (Jackson also reads UTF-16 and UTF-32): the reports through a tree, numbers exact. */
    private static final ObjectReader TREE = Json.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ReportTexts() {
    }

    /** The text of each report, in order; {@code expected} is how many the request has. */
    public static List<String> of(byte[] body, int expected) {
        try {
            List<String> texts = cut(body, expected);
            return texts != null ? texts : throughTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("A request the library has read is JSON", e);
        }
    }

    private static List<String> cut(byte[] body, int expected) throws IOException {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                parser.nextToken();
                if (!"reports".equals(parser.currentName()) || parser.currentToken() != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                List<String> texts = new ArrayList<>(expected);
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    long start = parser.currentTokenLocation().getByteOffset();
                    parser.skipChildren();
                    long end = parser.currentTokenLocation().getByteOffset();
                    if (start < 0 || end < start || end >= body.length || body[(int) start] != '{' || body[(int) end] != '}') {
                        return null; // not UTF-8 bytes: offsets do not point into the body as bytes
                    }
                    texts.add(new String(body, (int) start, (int) (end - start + 1), StandardCharsets.UTF_8));
                }
                return texts.size() == expected ? texts : null;
            }
            return null;
        }
    }

    private static List<String> throughTree(byte[] body) throws IOException {
        List<String> texts = new ArrayList<>();
        for (JsonNode report : TREE.readTree(body).get("reports")) {
            texts.add(report.toString());
        }
        return texts;
    }
}
