package org.thidua.core;

import java.util.List;
import java.util.Objects;

import org.thidua.core.read.CheckedReports;

/**
 * A request that has been read and checked: the rule set of the campaign it names (or the default one) and the
 * reports to evaluate. Obtain one from {@link RuleLibrary#read(java.io.InputStream)}.
 */
public record EvaluationRequest(RuleSet ruleSet, List<UnitReport> reports) {
    public EvaluationRequest {
        Objects.requireNonNull(ruleSet, "ruleSet");
        reports = reports instanceof CheckedReports ? reports : List.copyOf(reports); // immutable already, and keeps its proof
    }

    /** Evaluates the reports with the rule set. */
    public EvaluationResult evaluate() {
        return ruleSet.evaluate(reports);
    }
}
