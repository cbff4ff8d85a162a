package org.thidua.service.rounds;

import java.util.Set;

/**
 * Who acts on a round, as the rounds see them: a name for the audit trail, and the units they may speak for.
 *
 * @param units the unit ids a unit's token speaks for; {@code null} for staff, who may act on every unit
 */
public record Actor(String name, Set<String> units) {
    public Actor {
        units = units == null ? null : Set.copyOf(units);
    }

    public static Actor staff(String name) {
        return new Actor(name, null);
    }

    public boolean isUnit() {
        return units != null;
    }

    public boolean speaksFor(String unitId) {
        return units == null || units.contains(unitId);
    }
}
