package org.thidua.core.json;

import java.io.InputStream;
import java.util.Optional;

import org.thidua.core.EvaluationRequest;
import org.thidua.core.InvalidInputException;
import org.thidua.core.MalformedInputException;
import org.thidua.core.RuleLibrary;
import org.thidua.core.read.ContractText;
import org.thidua.core.read.RequestReader;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * JSON contract v1 as a Jackson tree, for applications that already hold one: a sheet or a record file turned into
 * the request's shape, a request merged with imported figures. They hand the tree over as it is instead of writing
 * it back into bytes; the library reads and checks it exactly as it reads {@link RuleLibrary#read(InputStream)}.
 *
 * <p>This package is the only part of the library's API that shows a Jackson type; {@code org.thidua.core} shows
 * none.
 */
public final class ContractV1 {
    private ContractV1() {
    }

    /**
     * Bytes to a tree, as the library reads a request: numbers exact, a key given twice refused.
     *
     * @throws MalformedInputException when the bytes are not JSON
     */
    public static JsonNode parse(InputStream json) {
        return RequestReader.parse(json);
    }

    /**
     * Why a unit or member id is refused, or empty when it follows {@code [a-z0-9-]{1,64}}: the rule a request's ids
     * are read by, for readers of sheets and record files that hold an id outside a request.
     */
    public static Optional<String> idProblem(String id) {
        return Optional.ofNullable(ContractText.idProblem(id));
    }

    /** Why a unit or member name is refused (too long, a control or bidi character), or empty when accepted. */
    public static Optional<String> nameProblem(String name) {
        return Optional.ofNullable(ContractText.nameProblem(name));
    }

    /**
     * A tree to a checked request, every problem at once.
     *
     * @param campaignOverride a campaign id that replaces the request's own, or {@code null}
     * @throws InvalidInputException           with every refused value and its path
     * @throws org.thidua.core.RuleSetException when the campaign's rules did not compile
     */
    public static EvaluationRequest read(RuleLibrary library, JsonNode request, String campaignOverride) {
        return RequestReader.request(library, request, campaignOverride);
    }
}
