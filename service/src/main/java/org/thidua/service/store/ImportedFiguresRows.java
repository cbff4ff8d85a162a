package org.thidua.service.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.thidua.core.UnitKind;
import org.thidua.service.Json;
import org.thidua.service.imports.ImportedUnit;
import org.thidua.service.imports.Period;

/** The figures imported from record files, as SQL: one import with its units written, the latest per unit read. */
final class ImportedFiguresRows {
    private ImportedFiguresRows() {
    }

    /** Writes one import and its units; the caller holds the transaction. */
    static StoredImport insert(Connection connection, NewFigures figures) throws SQLException {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (PreparedStatement head = connection.prepareStatement("INSERT INTO figure_import (id, measure, period_from, period_to,"
                + " caller, created_at, row_count, skipped_rows, unit_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            head.setString(1, id);
            head.setString(2, figures.measure());
            head.setString(3, figures.period().from().toString());
            head.setString(4, figures.period().to().toString());
            head.setString(5, figures.caller());
            head.setString(6, Timestamps.format(now));
            head.setLong(7, figures.rows());
            head.setLong(8, figures.skippedRows());
            head.setInt(9, figures.units().size());
            head.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO imported_figures (import_id, unit_id, unit_name,"
                + " kind, measure, period_from, period_to, counts_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ImportedUnit unit : figures.units()) {
                insert.setString(1, id);
                insert.setString(2, unit.id());
                insert.setString(3, unit.name());
                insert.setString(4, unit.kind() == null ? null : unit.kind().name());
                insert.setString(5, figures.measure());
                insert.setString(6, figures.period().from().toString());
                insert.setString(7, figures.period().to().toString());
                insert.setString(8, Json.write(unit.counts()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return new StoredImport(id, now);
    }

    /** The latest figures of each unit for a measure and period, by unit id. */
    static List<ImportedUnit> select(Connection c, String measure, Period period) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT unit_id, unit_name, kind, counts_json FROM imported_figures"
                + " WHERE seq IN (SELECT max(seq) FROM imported_figures WHERE measure = ? AND period_from = ? AND period_to = ?"
                + " GROUP BY unit_id) ORDER BY unit_id")) {
            select.setString(1, measure);
            select.setString(2, period.from().toString());
            select.setString(3, period.to().toString());
            List<ImportedUnit> units = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString("kind");
                    units.add(new ImportedUnit(rs.getString("unit_id"), rs.getString("unit_name"),
                            kind == null ? null : UnitKind.valueOf(kind), 0, counts(rs.getString("counts_json"))));
                }
            }
            return units;
        }
    }

    private static Map<String, Long> counts(String json) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Json.read(json).fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }
}
