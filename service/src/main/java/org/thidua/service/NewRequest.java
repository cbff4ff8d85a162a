package org.thidua.service;

import java.util.List;

/** The evaluations of one request, before they are stored. */
record NewRequest(String campaign, String ruleSetVersion, String caller, List<Unit> evaluations) {
    NewRequest {
        evaluations = List.copyOf(evaluations);
    }

    /**
     * One unit's evaluation to store.
     *
     * @param reportJson the unit's report as the client sent it
     * @param resultJson the unit's evaluation in JSON contract v1
     * @param points     points earned; with {@code maxPoints}, the exact ratio rankings compare
     */
    record Unit(String unitId, String unitName, String kind, String reportJson, String resultJson,
                double score, double points, double maxPoints, String grade, int rank) {
    }
}
