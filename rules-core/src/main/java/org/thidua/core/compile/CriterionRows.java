package org.thidua.core.compile;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.thidua.core.Campaign;
import org.thidua.core.RuleProblem;
import org.thidua.core.UnitKind;
import org.thidua.core.compile.CriterionRow.Measure;
import org.thidua.core.compile.CriterionRow.Method;

/** One row of the criteria sheet, cell by cell, to a {@link CriterionRow}; each problem at its cell. */
final class CriterionRows {
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern INDICATOR = Pattern.compile("indicators\\.([A-Za-z][A-Za-z0-9_]*)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    /** The judge's placeholders, and the sheet's own: {@code {each}}, {@code {cap}}, {@code {overdueNote}}. */
    static final List<String> PLACEHOLDERS = List.of("part", "whole", "rest", "percent", "actual", "target", "targetPercent",
            "points", "maxPoints", "each", "cap", "overdueNote");
    static final Map<String, Measure> FIELDS = Map.of(
            "satisfaction", new Measure(Measure.Kind.SHARE, "satisfaction", null, null),
            "dossiers", new Measure(Measure.Kind.SHARE, "dossiers", null, null),
            "frontlineStaff", new Measure(Measure.Kind.SHARE, "frontlineStaff", null, null),
            "communeOfficials", new Measure(Measure.Kind.SHARE, "communeOfficials", null, null),
            "portalPage", new Measure(Measure.Kind.YES_NO, "portalPage", null, null));
    private static final Map<String, UnitKind> KINDS = Map.of("cơ quan", UnitKind.AGENCY, "phòng ban", UnitKind.AGENCY,
            "xã", UnitKind.COMMUNE, "phường", UnitKind.WARD, "thị trấn", UnitKind.TOWN, "đặc khu", UnitKind.SPECIAL_ZONE);

    private final RowCells cells;
    private final RowNumbers numbers;
    private final Campaign campaign;

    private CriterionRows(RowCells cells, Campaign campaign) {
        this.cells = cells;
        this.numbers = new RowNumbers(cells, campaign);
        this.campaign = campaign;
    }

    static Optional<CriterionRow> check(Map<String, SheetTable.Cell> cells, Map<String, SheetPlace> places, SheetPlace rowPlace,
                                        Campaign campaign, List<RuleProblem> problems) {
        return new CriterionRows(new RowCells(cells, places, rowPlace, problems), campaign).row();
    }

    private Optional<CriterionRow> row() {
        String id = cells.required("id", "Mã");
        if (id != null && !ID.matcher(id).matches()) {
            cells.problem("id", "Mã '" + id + "' chỉ gồm chữ IN HOA không dấu, chữ số và dấu _, ví dụ SATISFACTION"
                    + " (the id takes capital letters, digits and _)");
        }
        String title = cells.required("title", "Tiêu chí");
        Method method = method();
        Measure measure = measure(method);
        BigDecimal points = numbers.number("points", "Điểm tối đa", true);
        if (points != null && points.signum() < 0) {
            cells.problem("points", "Điểm tối đa phải từ 0 trở lên; điểm trừ viết Cách chấm 'trừ điểm' với số điểm dương"
                    + " (points are 0 or more; a penalty is the method 'trừ điểm' with positive points)");
        }
        boolean bonusOrPenalty = method == Method.BONUS || method == Method.PENALTY;
        BigDecimal each = bonusOrPenalty ? numbers.number("pointsEach", "Điểm mỗi đơn vị", false) : null;
        CriterionRow.Target target = numbers.target(method, measure);
        List<CriterionRow.Band> bands = method == Method.BANDS ? numbers.bands(measure) : List.of();
        Set<UnitKind> appliesTo = appliesTo();
        boolean countsNoData = !bonusOrPenalty && countsNoData();
        String whenMet = message("whenMet");
        String whenNotMet = message("whenNotMet");
        String whenEmpty = message("whenEmpty");
        String noData = message("noDataMessage");
        String rule = rule(id);
        if (cells.bad() || method == null || measure == null) {
            return Optional.empty();
        }
        String group = cells.text("group");
        return Optional.of(new CriterionRow(id, group, title, measure, method, target, bands, points, each, appliesTo,
                countsNoData, whenMet, whenNotMet, whenEmpty, noData, rule, cells.place("method")));
    }

    private Method method() {
        String text = cells.required("method", "Cách chấm");
        if (text == null) {
            return null;
        }
        String normal = CriteriaSheet.normal(text).replace("tỉ lệ", "tỷ lệ").replaceAll("\\s*/\\s*", "/");
        for (Method m : Method.values()) {
            if (normal.equals(m.vietnamese) || normal.equals(m.english)) {
                return m;
            }
        }
        cells.problem("method", "Không biết cách chấm '" + text + "'; chọn một trong: " + Method.spellings()
                + " (unknown method; one of threshold, proportional, bands, yes/no, bonus, penalty)");
        return null;
    }

    private Measure measure(Method method) {
        String text = cells.required("measure", "Số liệu");
        if (text == null) {
            return null;
        }
        Measure measure = FIELDS.get(text);
        String[] ratio = text.split("\\s*/\\s*");
        if (measure == null && ratio.length == 1) {
            measure = indicator(text).map(name -> new Measure(Measure.Kind.NUMBER, text, name, null)).orElse(null);
        } else if (measure == null && ratio.length == 2) {
            Optional<String> part = indicator(ratio[0]);
            Optional<String> whole = indicator(ratio[1]);
            measure = part.isPresent() && whole.isPresent() ? new Measure(Measure.Kind.SHARE, text, part.get(), whole.get()) : null;
        }
        if (measure == null) {
            if (!cells.bad() || cells.has("measure")) {
                cells.problem("measure", "Không biết số liệu '" + text + "'; viết một trong: " + String.join(", ", FIELDS.keySet().stream()
                        .sorted().toList()) + ", indicators.TÊN (một chỉ số khai báo trong campaign.yaml), indicators.A / indicators.B"
                        + " (unknown measure)");
            }
            return null;
        }
        if (method == Method.YES_NO && measure.isShare()) {
            cells.problem("measure", "Cách chấm 'có/không' cần số liệu có/không (portalPage hoặc một chỉ số), không phải tỷ lệ '" + text
                    + "' (yes/no needs a yes/no measure)");
        }
        if ((method == Method.PROPORTIONAL || method == Method.BANDS || method == Method.THRESHOLD)
                && measure.kind() == Measure.Kind.YES_NO) {
            cells.problem("measure", "Số liệu '" + text + "' là có/không: dùng Cách chấm 'có/không' (a yes/no measure is scored 'có/không')");
        }
        return measure;
    }

    private Optional<String> indicator(String text) {
        Matcher matcher = INDICATOR.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String name = matcher.group(1);
        if (campaign != null && campaign.indicator(name).isEmpty()) {
            List<String> declared = campaign.indicators().stream().map(Campaign.Indicator::id).toList();
            String guess = UnknownFields.closest(name, declared).map(id -> " Có phải ý là '" + id + "'?").orElse("");
            cells.problem("measure", "Chỉ số '" + name + "' chưa khai báo trong phần indicators của campaign.yaml; các chỉ số đã khai báo: "
                    + (declared.isEmpty() ? "chưa có" : String.join(", ", declared)) + "." + guess + " (undeclared indicator)");
        }
        return Optional.of(name);
    }

    private Set<UnitKind> appliesTo() {
        Set<UnitKind> all = campaign == null ? EnumSet.allOf(UnitKind.class) : campaign.unitKinds();
        String text = cells.text("appliesTo");
        if (text == null || text.isEmpty()) {
            return all;
        }
        Set<UnitKind> kinds = EnumSet.noneOf(UnitKind.class);
        for (String part : text.split("[,;]")) {
            String normal = CriteriaSheet.normal(part);
            UnitKind kind = KINDS.get(normal);
            if (kind == null) {
                for (UnitKind k : UnitKind.values()) {
                    if (k.name().equalsIgnoreCase(normal.strip()) || CriteriaSheet.normal(k.label()).equals(normal)) {
                        kind = k;
                    }
                }
            }
            if (kind == null) {
                cells.problem("appliesTo", "Không biết loại đơn vị '" + part.strip() + "'; viết: cơ quan, xã, phường, thị trấn, đặc khu (hoặc "
                        + java.util.Arrays.toString(UnitKind.values()) + ") (unknown unit kind)");
            } else {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private boolean countsNoData() {
        String text = cells.text("whenNoData");
        if (text == null) {
            return true;
        }
        String normal = CriteriaSheet.normal(text);
        if (normal.equals("0 điểm") || normal.equals("0") || normal.equals("zero")) {
            return true;
        }
        if (normal.equals("không tính") || normal.equals("exclude")) {
            return false;
        }
        cells.problem("whenNoData", "Khi thiếu số liệu viết '0 điểm' (vẫn tính vào điểm tối đa) hoặc 'không tính' (bỏ ra, tính lại trên"
                + " phần còn lại), không phải '" + text + "' (write '0 điểm' or 'không tính')");
        return true;
    }

    /** The name results give the rule: one line ending in {@code : ID}, as a DRL rule of the same id was cited. */
    private String rule(String id) {
        String text = cells.text("rule");
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!text.matches("[^\"\\\\\\r\\n]+: " + (id == null ? "\\S+" : java.util.regex.Pattern.quote(id)))) {
            cells.problem("rule", "Luật viết 'tệp: " + (id == null ? "MÃ" : id) + "', ví dụ 'criteria/on-time.drl: " + (id == null ? "ON_TIME_DOSSIERS" : id)
                    + "' (tên kết quả đã dùng trước khi tiêu chí chuyển vào bảng), không phải '" + text
                    + "' (write the rule as 'file: " + (id == null ? "ID" : id) + "')");
            return null;
        }
        return text;
    }

    private String message(String key) {
        String text = cells.text(key);
        if (text == null) {
            return null;
        }
        if (text.contains("\\")) {
            cells.problem(key, "Lời giải thích không được có dấu \\ (no backslash in a message)");
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                String guess = UnknownFields.closest(matcher.group(1), PLACEHOLDERS).map(p -> " Có phải ý là {" + p + "}?").orElse("");
                cells.problem(key, "Không biết chỗ điền {" + matcher.group(1) + "}." + guess + " Các chỗ điền: {"
                        + String.join("} {", PLACEHOLDERS) + "} (unknown placeholder)");
            }
        }
        return text.replaceAll("\\s*\\n\\s*", " ");
    }
}
