package org.thidua.service.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves a whole history from one store to another, a district's SQLite file into PostgreSQL for example
 * ({@code thidua db copy}): every table but Flyway's, in the order rows were stored, in one transaction on the target,
 * which must be empty. Ids, times and texts are copied as they are; the order columns ({@code seq}) are the target's
 * own, given in the source's order, so "latest" means the same on both.
 */
public final class HistoryCopy {
    /** A table to copy: its columns (all but {@code seq}) and the order to read its rows in. */
    record Table(String name, List<String> columns, String order) {
    }

    /** Every table of the history, parents before children. A migration that adds a column adds it here too. */
    static final List<Table> TABLES = List.of(
            new Table("rule_set", List.of("version", "campaign", "first_live_at"), "first_live_at, version"),
            new Table("rule_set_file", List.of("version", "path", "role", "content"), "version, path"),
            new Table("evaluation_request", List.of("id", "campaign", "rule_set_version", "caller", "created_at", "unit_count"),
                    "created_at, id"),
            new Table("evaluation", List.of("id", "request_id", "campaign", "rule_set_version", "unit_id", "unit_name", "kind",
                    "report_json", "result_json", "score", "points", "max_points", "grade", "rank_in_request", "created_at",
                    "caller", "finding_counts"), "seq"),
            new Table("figure_import", List.of("id", "measure", "period_from", "period_to", "caller", "created_at", "row_count",
                    "skipped_rows", "unit_count"), "created_at, id"),
            new Table("imported_figures", List.of("import_id", "unit_id", "unit_name", "kind", "measure", "period_from",
                    "period_to", "counts_json"), "seq"),
            new Table("assessment_round", List.of("id", "campaign", "period", "deadline", "status", "expected_units",
                    "opened_at", "opened_by", "closed_at", "closed_by", "rule_set_versions"), "opened_at, id"),
            new Table("round_submission", List.of("id", "round_id", "unit_id", "number", "submitted_at", "submitted_by",
                    "evaluation_id"), "submitted_at, id"),
            new Table("round_evidence", List.of("submission_id", "position", "criterion", "doc_number", "doc_symbol",
                    "issued_on", "summary", "link"), "submission_id, position"),
            new Table("round_correction", List.of("id", "round_id", "unit_id", "number", "kind", "submission_id", "figure",
                    "old_value", "new_value", "evidence_position", "reason", "corrected_at", "corrected_by", "evaluation_id"),
                    "corrected_at, id"),
            new Table("round_result", List.of("round_id", "unit_id", "self_evaluation_id", "appraised_evaluation_id"),
                    "round_id, unit_id"),
            new Table("round_audit", List.of("round_id", "seq", "at", "actor", "action", "unit_id", "detail", "reason"),
                    "round_id, seq"));

    private static final int BATCH = 500;

    private HistoryCopy() {
    }

    /** The tables and the columns that {@link #copy} moves, for checking them against the schema. */
    public static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        TABLES.forEach(t -> columns.put(t.name(), t.columns()));
        return columns;
    }

    /**
     * Copies every row of {@code from} into {@code to}, all or none.
     *
     * @return rows copied, by table
     * @throws StoreException when the target already holds a history, or a read or write fails
     */
    public static Map<String, Long> copy(EvaluationStore from, EvaluationStore to) {
        SqlHistory source = (SqlHistory) from;
        SqlHistory target = (SqlHistory) to;
        Map<String, Long> targetRows = target.read(HistoryCopy::count);
        if (targetRows.values().stream().anyMatch(n -> n > 0)) {
            throw new StoreException("Cơ sở dữ liệu đích đã có dữ liệu " + targetRows + " (the target already holds a"
                    + " history: copy only into a new, empty database)", null);
        }
        Map<String, Long> copied = target.write(write -> source.read(read -> {
            // PostgreSQL streams rows by the fetch size only inside a transaction; SQLite reads a snapshot as it is
            // (a transaction there would take the file's write lock)
            boolean stream = read.getMetaData().getDatabaseProductName().contains("PostgreSQL");
            if (stream) {
                read.setAutoCommit(false);
            }
            try {
                Map<String, Long> rows = new LinkedHashMap<>();
                for (Table table : TABLES) {
                    rows.put(table.name(), copy(table, read, write));
                }
                return rows;
            } finally {
                if (stream) {
                    read.rollback();
                    read.setAutoCommit(true);
                }
            }
        }));
        Map<String, Long> sourceRows = source.read(HistoryCopy::count);
        if (!sourceRows.equals(target.read(HistoryCopy::count))) {
            throw new StoreException("Số dòng sau khi chép không khớp (row counts differ after the copy): " + sourceRows
                    + " / " + target.read(HistoryCopy::count), null);
        }
        return copied;
    }

    private static long copy(Table table, Connection read, Connection write) throws SQLException {
        String columns = String.join(", ", table.columns());
        String marks = String.join(", ", table.columns().stream().map(c -> "?").toList());
        long rows = 0;
        try (PreparedStatement select = read.prepareStatement("SELECT " + columns + " FROM " + table.name() + " ORDER BY " + table.order());
             PreparedStatement insert = write.prepareStatement("INSERT INTO " + table.name() + " (" + columns + ") VALUES (" + marks + ")")) {
            select.setFetchSize(BATCH);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= table.columns().size(); i++) {
                        insert.setObject(i, rs.getObject(i));
                    }
                    insert.addBatch();
                    if (++rows % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
        return rows;
    }

    private static Map<String, Long> count(Connection connection) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Table table : TABLES) {
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + table.name());
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                rows.put(table.name(), rs.getLong(1));
            }
        }
        return rows;
    }
}
