package org.thidua.service.store;

import java.util.ArrayList;
import java.util.List;

import org.thidua.core.Evaluation;
import org.thidua.core.Finding;
import org.thidua.service.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The exact counts behind the shares of an evaluation's findings ({@link Finding#part()} of {@link Finding#whole()}),
 * kept beside the stored result: contract v1's JSON carries only the rounded {@code actual}, and a percentage read
 * back from the history must be rounded once from the counts (1.507/1.520 is 99,14%, not the 99,15% of 0.99145).
 * Stored as {@code {"criterion": [part, whole], …}}.
 */
public final class FindingCounts {
    private FindingCounts() {
    }

    /** The counts of an evaluation's findings as stored; {@code null} when none of them is a share of counts. */
    public static String of(Evaluation evaluation) {
        ObjectNode counts = Json.MAPPER.createObjectNode();
        for (Finding finding : evaluation.findings()) {
            if (finding.part() != null && finding.whole() != null) {
                counts.putArray(finding.criterion()).add(finding.part()).add(finding.whole());
            }
        }
        return counts.isEmpty() ? null : Json.write(counts);
    }

    /** The evaluation with its findings' counts put back; as it is when {@code counts} is {@code null} (older rows). */
    static Evaluation restore(Evaluation evaluation, String counts) {
        if (counts == null) {
            return evaluation;
        }
        JsonNode byCriterion = Json.read(counts);
        List<Finding> findings = new ArrayList<>(evaluation.findings().size());
        for (Finding f : evaluation.findings()) {
            JsonNode pair = byCriterion.get(f.criterion());
            findings.add(pair == null ? f : new Finding(f.criterion(), f.status(), f.actual(), f.target(), f.points(),
                    f.maxPoints(), f.title(), f.message(), f.rule(), pair.get(0).asLong(), pair.get(1).asLong()));
        }
        return new Evaluation(evaluation.unitId(), evaluation.unitName(), evaluation.kind(), evaluation.score(),
                evaluation.grade(), evaluation.rank(), findings, evaluation.members(), evaluation.titles(),
                evaluation.groups(), evaluation.rankingGroup(), evaluation.gradeNote(), evaluation.points(), evaluation.maxPoints());
    }
}
