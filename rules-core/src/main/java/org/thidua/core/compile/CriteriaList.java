package org.thidua.core.compile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.thidua.core.RuleProblem;

/**
 * The criteria sheet's rows written as campaign.yaml's {@code criteria:} list, for those who prefer text: each item
 * with a key only a row has ({@code Số liệu}/{@code measure}, {@code Cách chấm}/{@code method}, …, or any key in
 * Vietnamese) becomes the same {@link CriteriaSheet.Row} a line of the sheet becomes, and is checked and compiled by
 * the same code. An item with only {@code id}, {@code title}, {@code points}, {@code appliesTo}, {@code whenNoData},
 * {@code group}, {@code kind} declares a criterion that hand-written DRL judges, as before; {@link CampaignReader}
 * reads those and leaves the rows here. Every problem is reported at its line, naming its key.
 */
final class CriteriaList {
    /** The keys of an item that declares a criterion judged by hand-written DRL. */
    private static final Set<String> DECLARATION = Set.of("id", "title", "points", "appliesTo", "whenNoData", "group", "kind");

    private CriteriaList() {
    }

    /** Whether an item of {@code criteria:}, by its keys as written, is a row of the sheet rather than a declaration. */
    static boolean isRow(List<String> keys) {
        return keys.stream().anyMatch(key -> !DECLARATION.contains(key) && CriteriaSheet.key(key).isPresent());
    }

    /** The rows of campaign.yaml's {@code criteria:} list; none when it has no row (or cannot be read: reported elsewhere). */
    static List<CriteriaSheet.Row> rows(String campaignId, String yaml, List<RuleProblem> problems) {
        if (yaml == null) {
            return List.of();
        }
        // campaign.yaml's own problems are CampaignReader's to report: this reading only looks for rows
        YamlNode.Problems ignored = new YamlNode.Problems(campaignId, CampaignReader.FILE);
        List<YamlNode> items = YamlNode.parse(yaml, ignored).flatMap(root -> root.isMapping() ? root.fields("campaign.yaml") : Optional.empty())
                .flatMap(fields -> fields.optional("criteria")).flatMap(YamlNode::list).orElse(List.of());
        List<CriteriaSheet.Row> rows = new ArrayList<>();
        for (YamlNode item : items) {
            if (item.isMapping()) {
                item.fields("criteria[]").filter(fields -> isRow(fields.keys()))
                        .ifPresent(fields -> rows.add(row(campaignId, item, fields, problems)));
            }
        }
        return rows;
    }

    private static CriteriaSheet.Row row(String campaignId, YamlNode item, YamlNode.Fields fields, List<RuleProblem> problems) {
        SheetPlace itemPlace = new SheetPlace(campaignId, CampaignReader.FILE, item.line(), item.column());
        Map<String, SheetTable.Cell> cells = new LinkedHashMap<>();
        Map<String, SheetPlace> places = new LinkedHashMap<>();
        for (String written : fields.keys()) {
            YamlNode keyNode = fields.keyNode(written);
            SheetPlace keyPlace = new SheetPlace(campaignId, CampaignReader.FILE, keyNode.line(), keyNode.column());
            Optional<String> key = CriteriaSheet.key(written);
            if (key.isEmpty()) {
                String guess = UnknownFields.closest(CriteriaSheet.normal(written), new ArrayList<>(CriteriaSheet.known().keySet()))
                        .map(g -> " Có phải ý là '" + g + "'?").orElse("");
                problems.add(keyPlace.problem("Không biết khóa '" + written + "' của một tiêu chí." + guess + " Các khóa: "
                        + String.join(", ", CriteriaSheet.COLUMNS.keySet().stream().map(CriteriaSheet::label).toList())
                        + " (unknown key '" + written + "')"));
                continue;
            }
            if (places.containsKey(key.get())) {
                problems.add(keyPlace.problem("Khóa '" + written + "' trùng với một khóa trước: " + CriteriaSheet.label(key.get())
                        + " (" + key.get() + " given twice)"));
                continue;
            }
            Optional<YamlNode> value = fields.optional(written);
            YamlNode at = value.orElse(keyNode);
            SheetPlace place = new SheetPlace(campaignId, CampaignReader.FILE, at.line(), at.column(), CriteriaSheet.label(key.get()));
            places.put(key.get(), place);
            value.flatMap(v -> text(v, place, problems)).ifPresent(text -> cells.put(key.get(), new SheetTable.Cell(text,
                    value.get().isNumber() ? number(text) : null, false, place.row(), place.column())));
        }
        // a key left out is reported at the item, as an empty cell is at its row
        CriteriaSheet.COLUMNS.keySet().forEach(key -> places.computeIfAbsent(key, k ->
                new SheetPlace(campaignId, CampaignReader.FILE, item.line(), item.column(), CriteriaSheet.label(k))));
        return new CriteriaSheet.Row(cells, places, itemPlace);
    }

    /** A value as a cell holds it: a number or a text as written, a list ({@code [COMMUNE, WARD]}) joined with commas. */
    private static Optional<String> text(YamlNode value, SheetPlace place, List<RuleProblem> problems) {
        Optional<String> scalar = value.scalar();
        if (scalar.isPresent()) {
            return scalar.filter(s -> !s.isBlank());
        }
        Optional<List<YamlNode>> list = value.list();
        if (list.isPresent() && list.get().stream().allMatch(item -> item.scalar().isPresent())) {
            return Optional.of(String.join(", ", list.get().stream().map(item -> item.scalar().orElseThrow()).toList()));
        }
        problems.add(place.problem("Giá trị phải là một chữ hay một số; lời có dấu { ở đầu hay dấu : thì đặt trong dấu ngoặc kép,"
                + " ví dụ \"{part}/{whole} hồ sơ đúng hạn\" (the value must be text or a number; quote text that starts with {)"));
        return Optional.empty();
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
