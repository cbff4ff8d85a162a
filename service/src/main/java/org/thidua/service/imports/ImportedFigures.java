package org.thidua.service.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Puts imported counts into a request of JSON contract v1: into the reports of a base request (the units and
 * their other figures), replacing the one measure imported, or as new reports when the records name the unit and
 * its kind. Independent of where the request then goes (a file now, the service's store later).
 */
public final class ImportedFigures {
    private ImportedFigures() {
    }

    /**
     * @param base     a request tree to merge into, or {@code null}
     * @param measure  the report field the counts fill: {@code dossiers} or {@code satisfaction}
     * @return the request and the units that could not be placed (no name or kind anywhere)
     */
    public static Merged merge(ObjectNode base, String campaign, String measure, List<ImportedUnit> units) {
        ObjectNode request = base == null ? JsonNodeFactory.instance.objectNode() : base.deepCopy();
        if (campaign != null) {
            request.put("campaign", campaign);
        }
        JsonNode existing = request.get("reports");
        ArrayNode reports = existing instanceof ArrayNode array ? array : request.putArray("reports");
        Map<String, ObjectNode> byUnit = new HashMap<>();
        for (JsonNode report : reports) {
            JsonNode id = report.path("unit").path("id");
            if (report.isObject() && id.isTextual()) {
                byUnit.put(id.asText(), (ObjectNode) report);
            }
        }
        List<String> unplaced = new ArrayList<>();
        List<String> withoutRecords = new ArrayList<>(byUnit.keySet());
        for (ImportedUnit unit : units) {
            ObjectNode report = byUnit.get(unit.id());
            withoutRecords.remove(unit.id());
            if (report == null) {
                if (unit.name() == null || unit.kind() == null) {
                    unplaced.add("đơn vị «" + unit.id() + "» (dòng " + unit.firstRow() + "): không có trong yêu cầu gốc (--into) và tệp"
                            + " không ghi «Tên đơn vị», «Loại đơn vị» của nó (unit has no name or kind)");
                    continue;
                }
                report = reports.addObject();
                ObjectNode described = report.putObject("unit");
                described.put("id", unit.id()).put("name", unit.name()).put("kind", unit.kind().name());
            }
            ObjectNode counts = report.putObject(measure);
            unit.counts().forEach(counts::put);
        }
        withoutRecords.sort(null);
        return new Merged(request, unplaced, withoutRecords);
    }

    /**
     * @param unplaced       units of the records that could not become reports, in words
     * @param withoutRecords units of the base request that have no records (their measure is left as it was)
     */
    public record Merged(ObjectNode request, List<String> unplaced, List<String> withoutRecords) {
    }
}
