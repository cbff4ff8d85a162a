package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.thidua.service.evaluate.ReportTexts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;

/** Each report is stored as the client sent it: cut out of the body, or, for a body not in UTF-8, through a tree. */
class ReportTextsTest {
    static final String BODY = "\uFEFF { \"options\": {\"reports\": [1]}, \"campaign\" : \"c\",\n \"reports\" : [\n"
            + "  {\"unit\": {\"id\": \"a\", \"name\": \"UBND xã Yên Bình \\\"x\\\" \\u0111 😀\", \"kind\": \"COMMUNE\"},"
            + " \"indicators\": {\"digitizedShare\": 0.85, \"big\": 1e2}, \"list\": [{\"x\": [1, {}]}, \"}\"]},\n"
            + "  {\"unit\": {\"id\": \"b\", \"name\": \"{[\", \"kind\": \"WARD\"}}\n ], \"tail\": {}}";

    @Test
    void utf8_reports_are_cut_out_of_the_body_as_sent() {
        List<String> texts = ReportTexts.of(BODY.getBytes(StandardCharsets.UTF_8), 2);

        assertThat(texts).containsExactly(
                BODY.substring(BODY.indexOf("{\"unit\": {\"id\": \"a\""), BODY.indexOf(",\n  {\"unit\": {\"id\": \"b\"")),
                "{\"unit\": {\"id\": \"b\", \"name\": \"{[\", \"kind\": \"WARD\"}}");
        assertThat(trees(texts)).isEqualTo(trees(ReportTexts.of(BODY.replace("\uFEFF", "").getBytes(StandardCharsets.UTF_16), 2)));
    }

    @Test
    void a_body_in_utf16_goes_through_a_tree_with_numbers_exact() {
        List<String> texts = ReportTexts.of(BODY.replace("\uFEFF", "").getBytes(StandardCharsets.UTF_16BE), 2);

        assertThat(texts).hasSize(2);
        assertThat(texts.get(0)).contains("\"digitizedShare\":0.85").contains("UBND xã Yên Bình");
    }

    private static List<JsonNode> trees(List<String> texts) {
        return texts.stream().map(t -> {
            try {
                return Json.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(t);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }
}
