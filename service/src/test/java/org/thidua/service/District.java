package org.thidua.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The example district (examples/data/thach-that-2021.json) and what lowering the satisfaction target from 95% to
 * 90% must change in it, worked out here from the figures and plain arithmetic, not by the rules under test.
 */
final class District {
    static final Path EXAMPLE = Path.of("../examples/data/thach-that-2021.json");
    /** The bundled campaign's criteria sheet: its SATISFACTION row holds the target. */
    static final String CRITERIA_SHEET = "criteria.csv";
    /** The satisfaction criterion as hand-written DRL, as it was before it moved into the sheet (a file a candidate may add). */
    static final String SATISFACTION_DRL = "criteria/satisfaction.drl";

    private District() {
    }

    static String json() {
        try {
            return Files.readString(EXAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live criteria sheet with the satisfaction target (the Chỉ tiêu cell of its row) lowered from 95% to 90%. */
    static String lowerSatisfactionTarget(String liveSheet) {
        String row = "satisfaction,ngưỡng,95%,";
        if (!liveSheet.contains(row)) {
            throw new IllegalStateException("the bundled criteria sheet no longer has the satisfaction target 95%");
        }
        return liveSheet.replace(row, "satisfaction,ngưỡng,90%,");
    }

    /** The satisfaction criterion as hand-written DRL (src/test/resources/drl-2021), for candidates that add DRL. */
    static String satisfactionDrl() {
        try {
            return Files.readString(RulesFolder.DRL_2021.resolve(SATISFACTION_DRL));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Units whose satisfaction is at least 90% and below 95%, compared on counts: 100·satisfied ≥ 90·surveyed > … */
    static Set<String> between90And95() {
        Set<String> units = new HashSet<>();
        for (JsonNode report : Json.read(json()).get("reports")) {
            JsonNode s = report.get("satisfaction");
            if (s == null || s.get("surveyed").asLong() == 0) {
                continue;
            }
            long satisfied = s.get("satisfied").asLong();
            long surveyed = s.get("surveyed").asLong();
            if (100 * satisfied >= 90 * surveyed && 100 * satisfied < 95 * surveyed) {
                units.add(report.get("unit").get("id").asText());
            }
        }
        return units;
    }

    /** Points earned and possible of each unit. */
    record Points(BigDecimal earned, BigDecimal possible) {
        Points plus(BigDecimal more) {
            return new Points(earned.add(more), possible);
        }

        int compareTo(Points other) {
            BigDecimal mine = possible.signum() == 0 ? BigDecimal.ZERO : earned;
            BigDecimal theirs = other.possible.signum() == 0 ? BigDecimal.ZERO : other.earned;
            BigDecimal myWhole = possible.signum() == 0 ? BigDecimal.ONE : possible;
            BigDecimal theirWhole = other.possible.signum() == 0 ? BigDecimal.ONE : other.possible;
            return mine.multiply(theirWhole).compareTo(theirs.multiply(myWhole));
        }
    }

    /** Each unit's points from an evaluation response (contract v1): the sum of its findings. */
    static Map<String, Points> points(JsonNode evaluations) {
        Map<String, Points> points = new HashMap<>();
        for (JsonNode evaluation : evaluations) {
            BigDecimal earned = BigDecimal.ZERO;
            BigDecimal possible = BigDecimal.ZERO;
            for (JsonNode finding : evaluation.get("findings")) {
                earned = earned.add(finding.get("points").decimalValue());
                possible = possible.add(finding.get("maxPoints").decimalValue());
            }
            points.put(evaluation.get("unitId").asText(), new Points(earned, possible));
        }
        return points;
    }

    /** The same units after the satisfaction criterion is met by those in the 90–95% band: its points are added. */
    static Map<String, Points> afterLoweringTarget(Map<String, Points> before, Set<String> band, BigDecimal satisfactionPoints) {
        Map<String, Points> after = new HashMap<>(before);
        band.forEach(unit -> after.put(unit, before.get(unit).plus(satisfactionPoints)));
        return after;
    }

    /** Competition ranks (1, 2, 2, 4): one more than the number of units with a strictly better ratio. */
    static Map<String, Integer> ranks(Map<String, Points> points) {
        Map<String, Integer> ranks = new HashMap<>();
        points.forEach((unit, mine) -> ranks.put(unit,
                1 + (int) points.values().stream().filter(other -> other.compareTo(mine) > 0).count()));
        return ranks;
    }

    /** The units the preview must list: those whose satisfaction finding changes, and those whose rank moves. */
    static Set<String> expectedChanges(Set<String> band, Map<String, Integer> ranksBefore, Map<String, Integer> ranksAfter) {
        Set<String> expected = new HashSet<>(band);
        ranksBefore.forEach((unit, rank) -> {
            if (!rank.equals(ranksAfter.get(unit))) {
                expected.add(unit);
            }
        });
        return expected;
    }
}
