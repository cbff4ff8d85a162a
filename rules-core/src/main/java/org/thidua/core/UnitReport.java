package org.thidua.core;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * What one unit reports for a campaign period. Any measure may be {@code null}: it was not reported,
 * and the criteria that need it become {@link Status#NO_DATA}.
 *
 * @param indicators extra named figures a campaign declares in its {@code campaign.yaml}
 */
public record UnitReport(
        Unit unit,
        Satisfaction satisfaction,
        Dossiers dossiers,
        StaffTraining frontlineStaff,
        CommuneOfficials communeOfficials,
        Boolean portalPage,
        Map<String, BigDecimal> indicators) {

    public UnitReport {
        Objects.requireNonNull(unit, "unit");
        indicators = indicators == null ? Map.of() : Map.copyOf(indicators);
    }

    /** A report with only the unit filled in; add measures with the {@code with…} methods. */
    public static UnitReport of(Unit unit) {
        return new UnitReport(unit, null, null, null, null, null, Map.of());
    }

    public UnitReport withSatisfaction(Satisfaction value) {
        return new UnitReport(unit, value, dossiers, frontlineStaff, communeOfficials, portalPage, indicators);
    }

    public UnitReport withDossiers(Dossiers value) {
        return new UnitReport(unit, satisfaction, value, frontlineStaff, communeOfficials, portalPage, indicators);
    }

    public UnitReport withFrontlineStaff(StaffTraining value) {
        return new UnitReport(unit, satisfaction, dossiers, value, communeOfficials, portalPage, indicators);
    }

    public UnitReport withCommuneOfficials(CommuneOfficials value) {
        return new UnitReport(unit, satisfaction, dossiers, frontlineStaff, value, portalPage, indicators);
    }

    public UnitReport withPortalPage(Boolean value) {
        return new UnitReport(unit, satisfaction, dossiers, frontlineStaff, communeOfficials, value, indicators);
    }

    public UnitReport withIndicators(Map<String, BigDecimal> value) {
        return new UnitReport(unit, satisfaction, dossiers, frontlineStaff, communeOfficials, portalPage, value);
    }

    /** The named indicator, or {@code null} when the unit did not report it. Usable in DRL patterns. */
    public BigDecimal indicator(String name) {
        return indicators.get(name);
    }

    /** The unit's kind, for short DRL patterns: {@code UnitReport( kind == UnitKind.COMMUNE )}. */
    public UnitKind kind() {
        return unit.kind();
    }
}
