package org.thidua.service.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.Commendation;
import org.thidua.core.EvaluationRequest;
import org.thidua.core.EvaluationResult;
import org.thidua.core.RuleLibrary;
import org.thidua.core.json.ContractV1;
import org.thidua.service.Json;
import org.thidua.service.store.SqliteEvaluationStore;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * A request whose answer cannot be written leaves no row behind its error: the answer is written whole before the
 * store sees the request. The commendations are the last part of the answer, so they are the one that fails here.
 * The bundled rules, a real SQLite file.
 */
class NothingIsStoredBehindAFailedAnswerTest {
    private static final Path MEMBERS = Path.of("../examples/data/thach-that-2021-members.json");

    @TempDir
    Path dir;

    @Test
    void an_answer_that_cannot_be_written_stores_nothing() throws IOException {
        RuleLibrary library = RuleLibrary.bundled();
        JsonNode tree = ContractV1.parse(Files.newInputStream(MEMBERS));
        EvaluationRequest request = ContractV1.read(library, tree, null);
        EvaluationResult result = request.evaluate();
        assertThat(result.commendations()).isNotEmpty();
        ObjectMapper failing = Json.MAPPER.copy().registerModule(new SimpleModule().addSerializer(new StdSerializer<>(Commendation.class) {
            @Override
            public void serialize(Commendation value, JsonGenerator json, SerializerProvider provider) throws IOException {
                throw new JsonGenerationException("no commendation can be written", json);
            }
        }));

        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(dir.resolve("thidua.db"))) {
            assertThatThrownBy(() -> EvaluateAndStore.store(store, request, result, tree.get("reports"), "test", failing))
                    .hasMessageContaining("nothing stored");

            assertThat(store.isEmpty()).isTrue();
            assertThat(EvaluateAndStore.store(store, request, result, tree.get("reports"), "test", Json.MAPPER).stored()
                    .evaluations()).as("the same request, answerable, is stored").hasSize(result.evaluations().size());
        }
    }
}
