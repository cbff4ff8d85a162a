package org.thidua.service.store;

import static org.thidua.service.store.SqlHistory.COLUMNS;
import static org.thidua.service.store.SqlHistory.bind;
import static org.thidua.service.store.SqlHistory.historySize;
import static org.thidua.service.store.SqlHistory.rows;
import static org.thidua.service.store.SqlHistory.unitWhere;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The reads that keep large campaigns cheap, for {@link SqliteEvaluationStore}: a unit's history by keyset on
 * {@code seq}, the latest evaluation of each unit without its bodies, and evaluations by id in chunks. Plain SQL.
 */
final class LargeReads {
    /** Ids per {@code IN (…)}: well under SQLite's and PostgreSQL's limits on bound parameters. */
    static final int CHUNK = 500;

    private LargeReads() {
    }

    /** A position {@link #historyAfter} gave (a row's seq), or the end of the list for {@code null}. */
    static long position(String after) {
        if (after == null) {
            return Long.MAX_VALUE;
        }
        try {
            long seq = Long.parseLong(after);
            if (seq <= 0) {
                throw new IllegalArgumentException("not a position of this store: " + after);
            }
            return seq;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a position of this store: " + after, e);
        }
    }

    static CursorPage<StoredEvaluation> historyAfter(Connection c, String unitId, String campaign, long before, int limit)
            throws SQLException {
        long total = historySize(c, unitId, campaign);
        try (PreparedStatement select = c.prepareStatement("SELECT seq, " + COLUMNS + " FROM evaluation" + unitWhere(campaign)
                + " AND seq < ? ORDER BY seq DESC LIMIT ?")) {
            int next = bind(select, unitId, campaign);
            select.setLong(next, before);
            select.setInt(next + 1, limit + 1); // one more: whether a next page exists
            List<Long> positions = new ArrayList<>();
            List<StoredEvaluation> items = rows(select, positions);
            if (items.size() <= limit) {
                return new CursorPage<>(items, total, null);
            }
            return new CursorPage<>(items.subList(0, limit), total, String.valueOf(positions.get(limit - 1)));
        }
    }

    /**
     * The latest of each unit's evaluations of a campaign that no assessment round made: a round's self-assessments
     * and appraisals stand in that round's results only, never in the campaign's standing.
     */
    static final String LATEST_OUTSIDE_ROUNDS = "SELECT max(seq) FROM evaluation WHERE campaign = ?"
            + " AND id NOT IN (SELECT evaluation_id FROM round_submission)"
            + " AND id NOT IN (SELECT evaluation_id FROM round_correction WHERE evaluation_id IS NOT NULL) GROUP BY unit_id";

    static List<StoredEvaluation> latestStandings(Connection c, String campaign) throws SQLException {
        String columns = COLUMNS.replace("report_json,", "NULL AS report_json,").replace("result_json,", "NULL AS result_json,");
        try (PreparedStatement select = c.prepareStatement("SELECT " + columns + " FROM evaluation WHERE seq IN"
                + " (" + LATEST_OUTSIDE_ROUNDS + ") ORDER BY seq")) {
            select.setString(1, campaign);
            return rows(select);
        }
    }

    static List<StoredEvaluation> byIds(Connection c, List<String> ids) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM evaluation WHERE id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            return rows(select);
        }
    }

    /** Reads the ids {@value #CHUNK} at a time with {@code read} and answers the rows in the order of the ids. */
    static List<StoredEvaluation> inOrder(List<String> ids, Function<List<String>, List<StoredEvaluation>> read) {
        Map<String, StoredEvaluation> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            read.apply(ids.subList(from, Math.min(ids.size(), from + CHUNK))).forEach(row -> found.put(row.id(), row));
        }
        List<StoredEvaluation> ordered = new ArrayList<>(found.size());
        for (String id : ids) {
            StoredEvaluation row = found.get(id);
            if (row != null) {
                ordered.add(row);
            }
        }
        return ordered;
    }
}
