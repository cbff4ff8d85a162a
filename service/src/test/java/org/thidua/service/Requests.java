package org.thidua.service;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Evaluation requests for tests, in JSON contract v1, against the bundled 2021 campaign. A commune is judged on 5
 * criteria worth 20 points each, so a commune that meets the first {@code met} of them scores {@code 20 × met}.
 */
final class Requests {
    static final String CAMPAIGN = "thach-that-cchc-2021";

    private Requests() {
    }

    /** A commune's report meeting the first {@code met} criteria (satisfaction, dossiers, staff, officials, portal). */
    static String commune(String id, String name, int met) {
        return """
                {"unit": {"id": "%s", "name": "%s", "kind": "COMMUNE"},
                 "satisfaction": {"surveyed": 200, "satisfied": %d},
                 "dossiers": {"early": 300, "onTime": 1215, "late": %d, "overdueInProgress": 0},
                 "frontlineStaff": {"total": 12, "trained": %d},
                 "communeOfficials": {"total": 20, "trainedOnIndices": %d},
                 "portalPage": %s,
                 "indicators": {"digitizedShare": 0.85}}"""
                .formatted(id, name, met >= 1 ? 191 : 150, met >= 2 ? 0 : 5, met >= 3 ? 12 : 11, met >= 4 ? 20 : 19,
                        met >= 5 ? "true" : "false");
    }

    static String request(String... reports) {
        return request(List.of(reports));
    }

    static String request(List<String> reports) {
        return "{\"campaign\": \"" + CAMPAIGN + "\", \"reports\": [" + reports.stream().collect(Collectors.joining(",\n")) + "]}";
    }
}
