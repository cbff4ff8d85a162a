package org.thidua.service.store;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The evaluations of one request, before they are stored.
 *
 * @param ruleSet the files of the rules that made them, stored with them when that version is not stored yet;
 *                {@code null} when the caller has none to give
 */
public record NewRequest(String campaign, String ruleSetVersion, String caller, List<Unit> evaluations, RuleSetVersion ruleSet) {
    public NewRequest {
        evaluations = List.copyOf(evaluations);
        if (ruleSet != null && !ruleSet.version().equals(ruleSetVersion)) {
            throw new IllegalArgumentException("rule set " + ruleSet.version() + " is not the version " + ruleSetVersion);
        }
    }

    public NewRequest(String campaign, String ruleSetVersion, String caller, List<Unit> evaluations) {
        this(campaign, ruleSetVersion, caller, evaluations, null);
    }

    /** Each unit's report and result in UTF-8, two per unit in reporting order ({@code null} for a text that is). */
    public byte[][] utf8() {
        byte[][] utf8 = new byte[evaluations.size() * 2][];
        int i = 0;
        for (Unit unit : evaluations) {
            utf8[i++] = unit.reportJson() == null ? null : unit.reportJson().getBytes(StandardCharsets.UTF_8);
            utf8[i++] = unit.resultJson() == null ? null : unit.resultJson().getBytes(StandardCharsets.UTF_8);
        }
        return utf8;
    }

    /**
     * One unit's evaluation to store.
     *
     * @param reportJson the unit's report as the client sent it
     * @param resultJson the unit's evaluation in JSON contract v1
     * @param points     points earned; with {@code maxPoints}, the exact ratio rankings compare
     * @param findingCounts the exact counts of the findings' shares ({@link FindingCounts#of}); {@code null} for none
     */
    public record Unit(String unitId, String unitName, String kind, String reportJson, String resultJson,
                double score, double points, double maxPoints, String grade, int rank, String findingCounts) {
        public Unit(String unitId, String unitName, String kind, String reportJson, String resultJson,
                double score, double points, double maxPoints, String grade, int rank) {
            this(unitId, unitName, kind, reportJson, resultJson, score, points, maxPoints, grade, rank, null);
        }
    }
}
