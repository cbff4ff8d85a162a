package org.thidua.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.thidua.core.EvaluationRequest;
import org.thidua.core.InputProblem;
import org.thidua.core.InvalidInputException;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An application that holds a request as a tree hands it over as it is, and the library reads it exactly as it
 * reads the same request as bytes: the same reports, the same refusals with the same paths.
 */
class ATreeIsReadAsItsBytesAreTest {
    private static final RuleLibrary LIBRARY = RuleLibrary.load(Path.of("src/test/resources/campaigns-2021"));
    private static final ObjectMapper PLAIN = new ObjectMapper(); // an application's own mapper: doubles, not BigDecimals

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static JsonNode tree(String json) throws Exception {
        return PLAIN.readTree(json);
    }

    @Test
    void a_request_held_as_a_tree_gives_the_reports_its_bytes_give() throws Exception {
        String request = json("{'campaign': 'thach-that-cchc-2021', 'reports': [{'unit': {'id': 'xa-a', 'name': 'UBND xã A',"
                + " 'kind': 'COMMUNE'}, 'satisfaction': {'surveyed': 200, 'satisfied': 191}, 'portalPage': true,"
                + " 'indicators': {'digitizedShare': 0.85}}]}");

        EvaluationRequest fromTree = ContractV1.read(LIBRARY, tree(request), null);
        EvaluationRequest fromBytes = LIBRARY.read(request);

        assertThat(fromTree.reports()).isEqualTo(fromBytes.reports());
        assertThat(fromTree.ruleSet()).isSameAs(fromBytes.ruleSet());
        assertThat(fromTree.evaluate()).isEqualTo(fromBytes.evaluate());
    }

    @Test
    void a_refused_tree_names_the_same_paths_as_its_bytes() throws Exception {
        String request = json("{'campaign': 'no-such-campaign', 'reports': [{'unit': {'id': 'xa-a', 'name': 'UBND xã A',"
                + " 'kind': 'VILLAGE'}, 'satisfaction': {'surveyed': 10, 'satisfied': 11}}]}");

        List<InputProblem> fromTree = catchThrowableOfType(InvalidInputException.class,
                () -> ContractV1.read(LIBRARY, tree(request), null)).problems();
        List<InputProblem> fromBytes = catchThrowableOfType(InvalidInputException.class, () -> LIBRARY.read(request)).problems();

        assertThat(fromTree).isEqualTo(fromBytes).extracting(InputProblem::path).contains("campaign");
    }

    @Test
    void the_campaign_given_beside_the_tree_replaces_the_one_it_names() throws Exception {
        JsonNode request = tree(json("{'campaign': 'no-such-campaign', 'reports': [{'unit': {'id': 'xa-a',"
                + " 'name': 'UBND xã A', 'kind': 'COMMUNE'}}]}"));

        RuleSet ruleSet = ContractV1.read(LIBRARY, request, "thach-that-cchc-2021").ruleSet();

        assertThat(ruleSet.campaign().id()).isEqualTo("thach-that-cchc-2021");
    }

    @Test
    void bytes_are_parsed_as_the_library_reads_a_request() {
        JsonNode parsed = ContractV1.parse(new ByteArrayInputStream(json("{'campaign': 'x', 'reports': [{'v': 0.1}]}")
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(parsed.get("reports").get(0).get("v").isBigDecimal()).as("numbers kept exact").isTrue();
    }
}
