package org.thidua.service.sheets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.thidua.core.Campaign;
import org.thidua.core.UnitKind;

/**
 * The columns of a unit-figures sheet: one row per unit, headers as staff write them, each filling one field of
 * JSON contract v1. The campaign's declared indicators add one column each, headed by the indicator's title or id.
 */
public final class UnitColumns {
    /** What a cell of the column holds. */
    public enum Type { TEXT, KIND, COUNT, YES_NO, DECIMAL }

    /**
     * @param header  the header as the template writes it
     * @param path    the field it fills in a report of JSON contract v1
     * @param aliases other headers accepted for it (the field path is always one)
     */
    public record Column(String header, String path, Type type, boolean required, List<String> aliases) {
        boolean matches(String key) {
            return HeaderName.key(header).equals(key) || HeaderName.key(path).equals(key)
                    || aliases.stream().anyMatch(a -> HeaderName.key(a).equals(key));
        }
    }

    public static final List<Column> STANDARD = List.of(
            new Column("Mã đơn vị", "unit.id", Type.TEXT, true, List.of("Mã ĐV", "Mã")),
            new Column("Tên đơn vị", "unit.name", Type.TEXT, true, List.of("Đơn vị")),
            new Column("Loại đơn vị", "unit.kind", Type.KIND, true, List.of("Loại")),
            new Column("Số phiếu khảo sát", "satisfaction.surveyed", Type.COUNT, false, List.of()),
            new Column("Số phiếu hài lòng", "satisfaction.satisfied", Type.COUNT, false, List.of()),
            new Column("Hồ sơ trước hạn", "dossiers.early", Type.COUNT, false, List.of()),
            new Column("Hồ sơ đúng hạn", "dossiers.onTime", Type.COUNT, false, List.of()),
            new Column("Hồ sơ trễ hạn", "dossiers.late", Type.COUNT, false, List.of()),
            new Column("Hồ sơ quá hạn đang giải quyết", "dossiers.overdueInProgress", Type.COUNT, false, List.of()),
            new Column("Số CBCCVC một cửa", "frontlineStaff.total", Type.COUNT, false, List.of()),
            new Column("Số CBCCVC được bồi dưỡng", "frontlineStaff.trained", Type.COUNT, false, List.of()),
            new Column("Số cán bộ cấp xã", "communeOfficials.total", Type.COUNT, false, List.of()),
            new Column("Số cán bộ được bồi dưỡng chỉ số", "communeOfficials.trainedOnIndices", Type.COUNT, false, List.of()),
            new Column("Có trang TTĐT thành phần", "portalPage", Type.YES_NO, false, List.of("Trang TTĐT thành phần")));

    /** What "Loại đơn vị" accepts (keys as {@link HeaderName#key} makes them), besides the codes themselves. */
    private static final Map<String, UnitKind> KINDS = Map.ofEntries(
            Map.entry("xa", UnitKind.COMMUNE), Map.entry("ubnd xa", UnitKind.COMMUNE),
            Map.entry("phuong", UnitKind.WARD), Map.entry("ubnd phuong", UnitKind.WARD),
            Map.entry("thi tran", UnitKind.TOWN), Map.entry("ubnd thi tran", UnitKind.TOWN),
            Map.entry("dac khu", UnitKind.SPECIAL_ZONE), Map.entry("ubnd dac khu", UnitKind.SPECIAL_ZONE),
            Map.entry("co quan", UnitKind.AGENCY), Map.entry("co quan phong ban", UnitKind.AGENCY), Map.entry("phong ban", UnitKind.AGENCY));

    private UnitColumns() {
    }

    /** The standard columns, then one per indicator the campaign declares. */
    public static List<Column> of(Campaign campaign) {
        List<Column> columns = new ArrayList<>(STANDARD);
        for (Campaign.Indicator indicator : campaign.indicators()) {
            String header = indicator.title() == null || indicator.title().isBlank() ? indicator.id() : indicator.title();
            columns.add(new Column(header, "indicators." + indicator.id(), Type.DECIMAL, false, List.of(indicator.id())));
        }
        return List.copyOf(columns);
    }

    /** The column a header names, if any. */
    public static Optional<Column> named(List<Column> columns, String header) {
        String key = HeaderName.key(header);
        return columns.stream().filter(c -> c.matches(key)).findFirst();
    }

    /** A unit kind as staff write it: Xã, Phường, Thị trấn, Cơ quan (any case, with or without diacritics), or the code. */
    public static UnitKind kind(SheetCell cell) {
        String key = HeaderName.key(cell.text());
        for (UnitKind kind : UnitKind.values()) {
            if (kind.name().equalsIgnoreCase(key) || HeaderName.key(kind.label()).equals(key)) {
                return kind;
            }
        }
        UnitKind kind = KINDS.get(key);
        if (kind == null) {
            throw new IllegalArgumentException("loại đơn vị «" + cell.text() + "» không có; ghi Xã, Phường, Thị trấn, Đặc khu hoặc "
                    + "Cơ quan (hoặc mã COMMUNE, WARD, TOWN, SPECIAL_ZONE, AGENCY) (unknown kind)");
        }
        return kind;
    }
}
