package org.thidua.core;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one unit reports for a campaign period. Any measure may be {@code null}: it was not reported,
 * and the criteria that need it become {@link Status#NO_DATA}.
 *
 * @param indicators extra named figures a campaign declares in its {@code campaign.yaml}
 * @param members    the unit's officials, for individual criteria and titles; empty when not reported
 */
public record UnitReport(
        Unit unit,
        Satisfaction satisfaction,
        Dossiers dossiers,
        StaffTraining frontlineStaff,
        CommuneOfficials communeOfficials,
        Boolean portalPage,
        Map<String, BigDecimal> indicators,
        List<Member> members) {

    public UnitReport {
        Objects.requireNonNull(unit, "unit");
        indicators = indicators == null ? Map.of() : Map.copyOf(indicators);
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** A report without members (contract v1 as first published). */
    public UnitReport(Unit unit, Satisfaction satisfaction, Dossiers dossiers, StaffTraining frontlineStaff,
                      CommuneOfficials communeOfficials, Boolean portalPage, Map<String, BigDecimal> indicators) {
        this(unit, satisfaction, dossiers, frontlineStaff, communeOfficials, portalPage, indicators, List.of());
    }

    /** A report with only the unit filled in; add measures with the {@code with…} methods. */
    public static UnitReport of(Unit unit) {
        return new UnitReport(unit, null, null, null, null, null, Map.of());
    }

    public UnitReport withSatisfaction(Satisfaction value) {
        return new UnitReport(unit, value, dossiers, frontlineStaff, communeOfficials, portalPage, indicators, members);
    }

    public UnitReport withDossiers(Dossiers value) {
        return new UnitReport(unit, satisfaction, value, frontlineStaff, communeOfficials, portalPage, indicators, members);
    }

    public UnitReport withFrontlineStaff(StaffTraining value) {
        return new UnitReport(unit, satisfaction, dossiers, value, communeOfficials, portalPage, indicators, members);
    }

    public UnitReport withCommuneOfficials(CommuneOfficials value) {
        return new UnitReport(unit, satisfaction, dossiers, frontlineStaff, value, portalPage, indicators, members);
    }

    public UnitReport withPortalPage(Boolean value) {
        return new UnitReport(unit, satisfaction, dossiers, frontlineStaff, communeOfficials, value, indicators, members);
    }

    public UnitReport withIndicators(Map<String, BigDecimal> value) {
        return new UnitReport(unit, satisfaction, dossiers, frontlineStaff, communeOfficials, portalPage, value, members);
    }

    public UnitReport withMembers(List<Member> value) {
        return new UnitReport(unit, satisfaction, dossiers, frontlineStaff, communeOfficials, portalPage, indicators, value);
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
