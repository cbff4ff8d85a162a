package org.thidua.core.compile;

import java.math.BigDecimal;
import java.util.ArrayList;
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

    private final Map<String, SheetTable.Cell> cells;
    private final Map<String, SheetPlace> places;
    private final SheetPlace rowPlace;
    private final Campaign campaign;
    private final List<RuleProblem> problems;
    private boolean bad;

    private CriterionRows(Map<String, SheetTable.Cell> cells, Map<String, SheetPlace> places, SheetPlace rowPlace,
                          Campaign campaign, List<RuleProblem> problems) {
        this.cells = cells;
        this.places = places;
        this.rowPlace = rowPlace;
        this.campaign = campaign;
        this.problems = problems;
    }

    static Optional<CriterionRow> check(Map<String, SheetTable.Cell> cells, Map<String, SheetPlace> places, SheetPlace rowPlace,
                                        Campaign campaign, List<RuleProblem> problems) {
        return new CriterionRows(cells, places, rowPlace, campaign, problems).row();
    }

    private Optional<CriterionRow> row() {
        String id = required("id", "Mã");
        if (id != null && !ID.matcher(id).matches()) {
            problem("id", "Mã '" + id + "' chỉ gồm chữ IN HOA không dấu, chữ số và dấu _, ví dụ SATISFACTION"
                    + " (the id takes capital letters, digits and _)");
        }
        String title = required("title", "Tiêu chí");
        Method method = method();
        Measure measure = measure(method);
        BigDecimal points = number("points", "Điểm tối đa", true);
        if (points != null && points.signum() < 0) {
            problem("points", "Điểm tối đa phải từ 0 trở lên; điểm trừ viết Cách chấm 'trừ điểm' với số điểm dương"
                    + " (points are 0 or more; a penalty is the method 'trừ điểm' with positive points)");
        }
        boolean bonusOrPenalty = method == Method.BONUS || method == Method.PENALTY;
        BigDecimal each = bonusOrPenalty ? number("pointsEach", "Điểm mỗi đơn vị", false) : null;
        CriterionRow.Target target = target(method, measure);
        List<CriterionRow.Band> bands = method == Method.BANDS ? bands(measure) : List.of();
        Set<UnitKind> appliesTo = appliesTo();
        boolean countsNoData = !bonusOrPenalty && countsNoData();
        String whenMet = message("whenMet");
        String whenNotMet = message("whenNotMet");
        String whenEmpty = message("whenEmpty");
        String noData = message("noDataMessage");
        String rule = rule(id);
        if (bad || method == null || measure == null) {
            return Optional.empty();
        }
        String group = text("group");
        return Optional.of(new CriterionRow(id, group, title, measure, method, target, bands, points, each, appliesTo,
                countsNoData, whenMet, whenNotMet, whenEmpty, noData, rule, places.getOrDefault("method", rowPlace)));
    }

    private String text(String key) {
        SheetTable.Cell cell = cells.get(key);
        return cell == null ? null : cell.text().strip();
    }

    private String required(String key, String header) {
        String text = text(key);
        if (text == null || text.isEmpty()) {
            problem(key, "Thiếu " + header + " (" + key + " is empty)");
            return null;
        }
        return text;
    }

    private void problem(String key, String message) {
        bad = true;
        problems.add(places.getOrDefault(key, rowPlace).problem(message));
    }

    private Method method() {
        String text = required("method", "Cách chấm");
        if (text == null) {
            return null;
        }
        String normal = CriteriaSheet.normal(text).replace("tỉ lệ", "tỷ lệ").replaceAll("\\s*/\\s*", "/");
        for (Method m : Method.values()) {
            if (normal.equals(m.vietnamese) || normal.equals(m.english)) {
                return m;
            }
        }
        problem("method", "Không biết cách chấm '" + text + "'; chọn một trong: " + Method.spellings()
                + " (unknown method; one of threshold, proportional, bands, yes/no, bonus, penalty)");
        return null;
    }

    private Measure measure(Method method) {
        String text = required("measure", "Số liệu");
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
            if (!bad || cells.containsKey("measure")) {
                problem("measure", "Không biết số liệu '" + text + "'; viết một trong: " + String.join(", ", FIELDS.keySet().stream()
                        .sorted().toList()) + ", indicators.TÊN (một chỉ số khai báo trong campaign.yaml), indicators.A / indicators.B"
                        + " (unknown measure)");
            }
            return null;
        }
        if (method == Method.YES_NO && measure.isShare()) {
            problem("measure", "Cách chấm 'có/không' cần số liệu có/không (portalPage hoặc một chỉ số), không phải tỷ lệ '" + text
                    + "' (yes/no needs a yes/no measure)");
        }
        if ((method == Method.PROPORTIONAL || method == Method.BANDS || method == Method.THRESHOLD)
                && measure.kind() == Measure.Kind.YES_NO) {
            problem("measure", "Số liệu '" + text + "' là có/không: dùng Cách chấm 'có/không' (a yes/no measure is scored 'có/không')");
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
            problem("measure", "Chỉ số '" + name + "' chưa khai báo trong phần indicators của campaign.yaml; các chỉ số đã khai báo: "
                    + (declared.isEmpty() ? "chưa có" : String.join(", ", declared)) + "." + guess + " (undeclared indicator)");
        }
        return Optional.of(name);
    }

    /** Whether a measure's figure is a share, 0 to 1: a share of counts, or an indicator declared with max ≤ 1. */
    private boolean isShare(Measure measure) {
        if (measure == null || measure.isShare()) {
            return true;
        }
        return measure.indicator() != null && campaign != null && campaign.indicator(measure.indicator())
                .map(i -> i.max() != null && i.max().compareTo(BigDecimal.ONE) <= 0).orElse(false);
    }

    private CriterionRow.Target target(Method method, Measure measure) {
        SheetTable.Cell cell = cells.get("target");
        if (cell == null) {
            if (method == Method.THRESHOLD) {
                problem("target", "Cách chấm 'ngưỡng' cần Chỉ tiêu, ví dụ 95% (a threshold needs a target)");
            }
            return null;
        }
        String text = cell.text().strip();
        boolean atMost = text.startsWith("≤") || text.startsWith("<=");
        String rest = text.replaceFirst("^(≥|>=|≤|<=)\\s*", "");
        BigDecimal value = share(cell, rest, "target", isShare(measure));
        return value == null ? null : new CriterionRow.Target(atMost, value, isShare(measure));
    }

    /** A number as the cell holds it: a percent cell, {@code 95%}, {@code 0,95} or {@code 0.95}; a share above 100% is refused. */
    private BigDecimal share(SheetTable.Cell cell, String text, String key, boolean share) {
        BigDecimal value;
        if (cell.number() != null && text.equals(cell.text().strip())) {
            value = cell.number();
        } else {
            value = parse(text);
            if (value == null) {
                problem(key, "'" + cell.text() + "' không phải một số hay tỷ lệ phần trăm, ví dụ 95% (not a number or percentage)");
                return null;
            }
        }
        if (share && value.compareTo(BigDecimal.ONE) > 0) {
            String meant = VietnamesePercent.of(value.movePointLeft(2));
            problem(key, "Tỷ lệ " + VietnamesePercent.of(value) + " lớn hơn 100%: có phải ý là " + meant + "? Viết " + meant
                    + " hoặc " + value.movePointLeft(2).stripTrailingZeros().toPlainString().replace('.', ',')
                    + " (a share above 100%: did you mean " + meant + "?)");
            return null;
        }
        return value;
    }

    /** {@code 95%}, {@code 95,5 %}, {@code 0,95}, {@code 0.95}, {@code 12}. */
    static BigDecimal parse(String text) {
        String t = text.strip().replace(" ", "");
        boolean percent = t.endsWith("%");
        if (percent) {
            t = t.substring(0, t.length() - 1);
        }
        if (!t.contains(".")) {
            t = t.replace(',', '.');
        }
        if (!t.matches("[+-]?\\d+(\\.\\d+)?")) {
            return null;
        }
        BigDecimal value = new BigDecimal(t);
        return percent ? value.movePointLeft(2) : value;
    }

    private BigDecimal number(String key, String header, boolean required) {
        SheetTable.Cell cell = cells.get(key);
        if (cell == null) {
            if (required) {
                problem(key, "Thiếu " + header + " (" + key + " is empty)");
            }
            return null;
        }
        BigDecimal value = cell.number() != null ? cell.number() : parse(cell.text());
        if (value == null || cell.text().contains("%")) {
            problem(key, header + " phải là một số điểm, ví dụ 20 hoặc 7,5, không phải '" + cell.text() + "' (" + key + " must be a number)");
            return null;
        }
        return value.stripTrailingZeros();
    }

    private List<CriterionRow.Band> bands(Measure measure) {
        SheetTable.Cell cell = cells.get("bands");
        if (cell == null) {
            problem("bands", "Cách chấm 'mức' cần cột Mức, ví dụ: ≥95%: 100%; ≥80%: 50% (bands needs its levels)");
            return List.of();
        }
        List<CriterionRow.Band> bands = new ArrayList<>();
        for (String part : cell.text().split("[;\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] sides = part.split(":");
            BigDecimal threshold = sides.length == 2 ? parse(sides[0].strip().replaceFirst("^(≥|>=)", "")) : null;
            BigDecimal share = sides.length == 2 ? parse(sides[1]) : null;
            if (threshold == null || share == null) {
                problem("bands", "Mức '" + part.strip() + "' viết như ≥95%: 100% (từ 95% được 100% số điểm) (write a level as ≥95%: 100%)");
                return List.of();
            }
            if (isShare(measure) && threshold.compareTo(BigDecimal.ONE) > 0) {
                problem("bands", "Mức " + VietnamesePercent.of(threshold) + " lớn hơn 100%: có phải ý là "
                        + VietnamesePercent.of(threshold.movePointLeft(2)) + "? (a share above 100%)");
                return List.of();
            }
            if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
                problem("bands", "Phần điểm của mức '" + part.strip() + "' phải từ 0% đến 100% (a level earns 0% to 100% of the points)");
                return List.of();
            }
            bands.add(new CriterionRow.Band(threshold, share));
        }
        return bands;
    }

    private Set<UnitKind> appliesTo() {
        Set<UnitKind> all = campaign == null ? EnumSet.allOf(UnitKind.class) : campaign.unitKinds();
        String text = text("appliesTo");
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
                problem("appliesTo", "Không biết loại đơn vị '" + part.strip() + "'; viết: cơ quan, xã, phường, thị trấn, đặc khu (hoặc "
                        + java.util.Arrays.toString(UnitKind.values()) + ") (unknown unit kind)");
            } else {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private boolean countsNoData() {
        String text = text("whenNoData");
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
        problem("whenNoData", "Khi thiếu số liệu viết '0 điểm' (vẫn tính vào điểm tối đa) hoặc 'không tính' (bỏ ra, tính lại trên"
                + " phần còn lại), không phải '" + text + "' (write '0 điểm' or 'không tính')");
        return true;
    }

    /** The name results give the rule: one line ending in {@code : ID}, as a DRL rule of the same id was cited. */
    private String rule(String id) {
        String text = text("rule");
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!text.matches("[^\"\\\\\\r\\n]+: " + (id == null ? "\\S+" : java.util.regex.Pattern.quote(id)))) {
            problem("rule", "Luật viết 'tệp: " + (id == null ? "MÃ" : id) + "', ví dụ 'criteria/on-time.drl: " + (id == null ? "ON_TIME_DOSSIERS" : id)
                    + "' (tên kết quả đã dùng trước khi tiêu chí chuyển vào bảng), không phải '" + text
                    + "' (write the rule as 'file: " + (id == null ? "ID" : id) + "')");
            return null;
        }
        return text;
    }

    private String message(String key) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        if (text.contains("\\")) {
            problem(key, "Lời giải thích không được có dấu \\ (no backslash in a message)");
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                String guess = UnknownFields.closest(matcher.group(1), PLACEHOLDERS).map(p -> " Có phải ý là {" + p + "}?").orElse("");
                problem(key, "Không biết chỗ điền {" + matcher.group(1) + "}." + guess + " Các chỗ điền: {"
                        + String.join("} {", PLACEHOLDERS) + "} (unknown placeholder)");
            }
        }
        return text.replaceAll("\\s*\\n\\s*", " ");
    }
}
