package org.thidua.core.compile;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.thidua.core.Campaign;
import org.thidua.core.RuleProblem;

/**
 * The criteria sheet: one row per criterion, the header row in Vietnamese (or the English keys), columns in any
 * order. Reads the rows into {@link CriterionRow}s; every problem is reported at its cell.
 */
final class CriteriaSheet {
    /** The sheet's file names a campaign folder may hold, the first found is read. */
    static final List<String> FILES = List.of("criteria.xlsx", "criteria.ods", "criteria.csv");

    /** English key → the Vietnamese headers accepted for it (the first is the one the guide teaches). */
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("id", List.of("mã", "mã tiêu chí"));
        COLUMNS.put("group", List.of("nhóm", "lĩnh vực"));
        COLUMNS.put("title", List.of("tiêu chí", "tên tiêu chí"));
        COLUMNS.put("measure", List.of("số liệu"));
        COLUMNS.put("method", List.of("cách chấm"));
        COLUMNS.put("target", List.of("chỉ tiêu", "điều kiện"));
        COLUMNS.put("bands", List.of("mức"));
        COLUMNS.put("points", List.of("điểm tối đa", "điểm"));
        COLUMNS.put("pointsEach", List.of("điểm mỗi đơn vị", "mỗi đơn vị"));
        COLUMNS.put("appliesTo", List.of("áp dụng cho"));
        COLUMNS.put("whenNoData", List.of("khi thiếu số liệu"));
        COLUMNS.put("noDataMessage", List.of("lời khi thiếu số liệu"));
        COLUMNS.put("whenEmpty", List.of("khi không phát sinh"));
        COLUMNS.put("whenMet", List.of("khi đạt"));
        COLUMNS.put("whenNotMet", List.of("khi không đạt", "khi chưa đạt"));
        COLUMNS.put("rule", List.of("luật", "tên luật"));
    }

    private static final List<String> REQUIRED = List.of("id", "title", "measure", "method", "points");
    /** Columns officers keep beside the criteria that the rules do not read. */
    private static final Set<String> IGNORED = Set.of("stt", "tt", "no", "tự chấm", "điểm tự chấm", "thẩm định",
            "điểm thẩm định", "ghi chú", "note", "notes", "tài liệu kiểm chứng", "căn cứ");

    private CriteriaSheet() {
    }

    /** The rows of a sheet file, checked; problems are added at their cells. */
    static List<CriterionRow> read(String campaignId, String file, byte[] bytes, Campaign campaign, List<RuleProblem> problems) {
        List<List<SheetTable.Cell>> table;
        try {
            table = SheetTable.read(file, bytes);
        } catch (SheetTable.Unreadable e) {
            problems.add(new RuleProblem(campaignId, file, 0, 0, e.getMessage()));
            return List.of();
        }
        if (table.isEmpty()) {
            problems.add(new RuleProblem(campaignId, file, 1, 1, "Bảng tiêu chí trống: cần dòng tiêu đề cột (Mã, Tiêu chí, Số liệu,"
                    + " Cách chấm, Điểm tối đa…) và mỗi tiêu chí một dòng (the criteria sheet is empty)"));
            return List.of();
        }
        Map<Integer, String> columns = header(campaignId, file, table.get(0), problems);
        if (!columns.values().containsAll(REQUIRED)) {
            List<String> missing = REQUIRED.stream().filter(k -> !columns.containsValue(k)).toList();
            problems.add(new RuleProblem(campaignId, file, table.get(0).get(0).row(), 1, "Bảng tiêu chí thiếu cột: "
                    + String.join(", ", missing.stream().map(k -> "'" + COLUMNS.get(k).get(0) + "' (" + k + ")").toList())
                    + " (the sheet lacks these columns)"));
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (List<SheetTable.Cell> cells : table.subList(1, table.size())) {
            Map<String, SheetTable.Cell> byKey = new LinkedHashMap<>();
            for (SheetTable.Cell cell : cells) {
                String key = columns.get(cell.column());
                if (key != null) {
                    byKey.put(key, cell);
                }
            }
            if (byKey.isEmpty()) {
                continue; // a row of notes only, in columns the rules do not read
            }
            SheetPlace rowPlace = new SheetPlace(campaignId, file, cells.get(0).row(), cells.get(0).column());
            Map<String, SheetPlace> places = new LinkedHashMap<>();
            columns.forEach((column, key) -> places.put(key, rowPlace.at(column)));
            rows.add(new Row(byKey, places, rowPlace));
        }
        return check(rows, campaign, problems);
    }

    /**
     * One criterion as read, from a row of the sheet or an item of campaign.yaml's {@code criteria:} list: its cells
     * by key, and where each key is, to report a problem there.
     */
    record Row(Map<String, SheetTable.Cell> cells, Map<String, SheetPlace> places, SheetPlace place) {
    }

    /** The rows checked, a sheet's or campaign.yaml's alike: each cell, and each id used once. */
    static List<CriterionRow> check(List<Row> rows, Campaign campaign, List<RuleProblem> problems) {
        List<CriterionRow> checked = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Row row : rows) {
            CriterionRows.check(row.cells(), row.places(), row.place(), campaign, problems).ifPresent(criterion -> {
                if (!ids.add(criterion.id())) {
                    problems.add(row.places().getOrDefault("id", row.place()).problem("Tiêu chí '" + criterion.id()
                            + "' có hai dòng trong bảng (criterion given twice)"));
                } else {
                    checked.add(criterion);
                }
            });
        }
        return checked;
    }

    /** The key a header or a campaign.yaml key stands for ({@code Cách chấm}, {@code method}), if any. */
    static Optional<String> key(String written) {
        return keyOf(written, known());
    }

    /** A key as a problem names it, Vietnamese first: {@code Cách chấm (method)}. */
    static String label(String key) {
        String vietnamese = COLUMNS.get(key).get(0);
        return Character.toUpperCase(vietnamese.charAt(0)) + vietnamese.substring(1) + " (" + key + ")";
    }

    /** Every header and key accepted, normalised, → its key. */
    static Map<String, String> known() {
        Map<String, String> known = new LinkedHashMap<>();
        COLUMNS.forEach((key, vietnamese) -> {
            known.put(normal(key), key);
            vietnamese.forEach(v -> known.put(normal(v), key));
        });
        return known;
    }

    /** Column number → key, from the header row; an unknown header close to a known one is reported. */
    private static Map<Integer, String> header(String campaignId, String file, List<SheetTable.Cell> header,
                                               List<RuleProblem> problems) {
        Map<Integer, String> columns = new LinkedHashMap<>();
        Map<String, String> known = known();
        for (SheetTable.Cell cell : header) {
            Optional<String> key = keyOf(cell.text(), known);
            SheetPlace place = new SheetPlace(campaignId, file, cell.row(), cell.column());
            if (key.isPresent()) {
                if (columns.containsValue(key.get())) {
                    problems.add(place.problem("Cột '" + cell.text() + "' trùng với một cột trước (" + key.get() + " given twice)"));
                } else {
                    columns.put(cell.column(), key.get());
                }
            } else if (!IGNORED.contains(normal(cell.text()))) {
                UnknownFields.closest(normal(cell.text()), new ArrayList<>(known.keySet())).ifPresent(guess ->
                        problems.add(place.problem("Không biết cột '" + cell.text() + "'. Có phải ý là '" + guess + "'? Các cột: "
                                + String.join(", ", COLUMNS.values().stream().map(v -> v.get(0)).toList())
                                + " (unknown column; did you mean '" + guess + "'?)")));
            }
        }
        return columns;
    }

    /** A header as written, {@code Tiêu chí}, {@code title}, or both: {@code Tiêu chí (title)}. */
    private static Optional<String> keyOf(String text, Map<String, String> known) {
        String whole = normal(text);
        if (known.containsKey(whole)) {
            return Optional.of(known.get(whole));
        }
        int bracket = text.indexOf('(');
        if (bracket > 0) {
            String before = normal(text.substring(0, bracket));
            String inside = normal(text.substring(bracket + 1).replaceFirst("\\).*$", ""));
            return Optional.ofNullable(known.getOrDefault(before, known.get(inside)));
        }
        return Optional.empty();
    }

    /** Lower case, composed accents (a sheet may hold either form), single spaces, no trailing colon or star. */
    static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('\u00a0', ' ')
                .replaceAll("\\s+", " ").replaceAll("[:*]+$", "").strip();
    }
}
